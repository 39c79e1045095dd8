package io.certtrail.command.mail;

import io.certtrail.command.support.EmailAddresses;
import io.certtrail.platform.i18n.Language;
import io.certtrail.platform.i18n.PreferredLanguages;
import io.certtrail.platform.privacy.AddressKeys;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * The language of a mail: its recipient's choice (rule: the holder's preference, kept on their
 * account), English when they made none. A mail to an address reaches the account that holds it
 * through the expiry schedule's holders ({@code expiry_holders}: an address's account, by
 * {@code _id}); an address nobody holds gets English.
 */
@Component
public class MailLanguages {

    private final PreferredLanguages preferences;
    private final AddressKeys addressKeys;
    private final MongoTemplate mongo;

    MailLanguages(PreferredLanguages preferences, AddressKeys addressKeys, MongoTemplate mongo) {
        this.preferences = preferences;
        this.addressKeys = addressKeys;
        this.mongo = mongo;
    }

    public Language ofAccount(String accountId) {
        return preferences.of(accountId).orElse(Language.EN);
    }

    public Language ofAddress(String email) {
        if (email == null) {
            return Language.EN;
        }
        Document holder = mongo.getCollection("expiry_holders")
                .find(new Document("_id", addressKeys.of(EmailAddresses.canonical(email))))
                .first();
        return holder == null ? Language.EN : ofAccount(holder.getString("accountId"));
    }
}
