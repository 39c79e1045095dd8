package io.certtrail.platform.i18n;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import java.util.Optional;
import org.bson.Document;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * The language an account's holder chose, as the holder's own view of their addresses states it
 * ({@code my_email_addresses}, one read by {@code _id}, the language only). Both sides read it:
 * they share the read-model database in every deployment. Empty for none chosen (or no database).
 */
@Component
public class PreferredLanguages {

    static final String COLLECTION = "my_email_addresses";

    private final ObjectProvider<MongoTemplate> mongo;

    PreferredLanguages(ObjectProvider<MongoTemplate> mongo) {
        this.mongo = mongo;
    }

    public Optional<Language> of(String accountId) {
        MongoTemplate template = mongo.getIfAvailable();
        if (accountId == null || template == null) {
            return Optional.empty();
        }
        Document found = template.getCollection(COLLECTION)
                .find(Filters.eq("_id", accountId))
                .projection(Projections.include("language"))
                .first();
        return Optional.ofNullable(found == null ? null : found.getString("language"))
                .flatMap(Language::ofTag);
    }

    /** The holder's language, else the one the request asks for, else English. */
    public Language of(String accountId, String acceptLanguage) {
        return of(accountId).orElseGet(() -> Language.fromAcceptLanguage(acceptLanguage));
    }
}
