package io.certtrail.query.certificate;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * Which of some certificates the office revoked, and when, from the certificate register (the one
 * view that follows a certificate through corrections of its number): one {@code _id $in} read for
 * a holder's certificates, a hundred numbers to a query.
 */
@Component
public class Revocations {

    private static final int CHUNK = 100;

    private final MongoTemplate mongo;

    Revocations(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** The revoked ones among these certificate numbers, with the moment of their revocation. */
    public Map<String, Instant> of(Collection<String> certificateNumbers) {
        List<String> numbers =
                new ArrayList<>(certificateNumbers.stream().distinct().toList());
        Map<String, Instant> revoked = new HashMap<>();
        for (int from = 0; from < numbers.size(); from += CHUNK) {
            for (Document entry : mongo.getCollection(CertificateRegister.COLLECTION)
                    .find(Filters.in("_id", numbers.subList(from, Math.min(numbers.size(), from + CHUNK))))
                    .projection(Projections.include("revokedAt"))) {
                if (entry.get("revokedAt") instanceof java.util.Date at) {
                    revoked.put(entry.getString("_id"), at.toInstant());
                }
            }
        }
        return revoked;
    }

    public Instant of(String certificateNumber) {
        return of(List.of(certificateNumber)).get(certificateNumber);
    }
}
