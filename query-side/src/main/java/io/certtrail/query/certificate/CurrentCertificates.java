package io.certtrail.query.certificate;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * Certificates as the register states them now, for lists that keep the number they were made
 * with (logistics' and the office's queues): a correction may have given a certificate another
 * number, which the register's {@code replacedBy} leads to. Read by {@code _id $in}, a hundred
 * numbers to a query, one round per correction followed.
 */
@Component
public class CurrentCertificates {

    private static final int CHUNK = 100;
    /** Corrections followed from one number: more is a loop in the data, not a history. */
    private static final int MOST_CORRECTIONS = 10;

    private final MongoTemplate mongo;

    CurrentCertificates(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** Each number's current register entry (absent: the register has none yet). */
    public Map<String, CertificateRegister> of(Collection<String> certificateNumbers) {
        Map<String, String> following = new HashMap<>(); // number asked → number to read
        certificateNumbers.forEach(number -> following.put(number, number));
        Map<String, CertificateRegister> current = new HashMap<>();
        for (int round = 0; round <= MOST_CORRECTIONS && !following.isEmpty(); round++) {
            Map<String, CertificateRegister> read = read(following.values());
            Map<String, String> next = new HashMap<>();
            following.forEach((asked, number) -> {
                CertificateRegister entry = read.get(number);
                if (entry == null) {
                    return;
                }
                current.put(asked, entry);
                if (entry.replacedBy() != null) {
                    next.put(asked, entry.replacedBy());
                }
            });
            following.clear();
            following.putAll(next);
        }
        return current;
    }

    private Map<String, CertificateRegister> read(Collection<String> numbers) {
        List<String> distinct = new ArrayList<>(numbers.stream().distinct().toList());
        Map<String, CertificateRegister> entries = new HashMap<>();
        for (int from = 0; from < distinct.size(); from += CHUNK) {
            List<String> chunk = distinct.subList(from, Math.min(distinct.size(), from + CHUNK));
            mongo.find(Query.query(Criteria.where("_id").in(chunk)), CertificateRegister.class)
                    .forEach(entry -> entries.put(entry.certificateNumber(), entry));
        }
        return entries;
    }
}
