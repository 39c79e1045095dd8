package io.certtrail.query.bindings;

import io.certtrail.platform.privacy.Masking;
import io.certtrail.query.support.PageRequest;
import java.time.Instant;
import java.util.List;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/** The certification office's review list (rule 5) as read: newest detection first, addresses masked. */
@Component
public class SuspectBindingReads {

    private final MongoTemplate mongo;

    SuspectBindingReads(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    public record SuspectView(
            String addressKey,
            String email,
            String accountId,
            String recordId,
            String registrationNumber,
            String examName,
            String candidateName,
            String holderName,
            Instant detectedAt) {}

    public record Suspects(int page, int size, long totalElements, List<SuspectView> items) {}

    public Suspects page(int page, int size) {
        PageRequest.check(page, size);
        Query all = new Query().with(Sort.by(Sort.Order.desc("detectedAt"), Sort.Order.asc("_id")));
        long total = mongo.count(new Query(), SuspectBinding.class);
        List<SuspectView> items = mongo.find(all.skip((long) page * size).limit(size), SuspectBinding.class).stream()
                .map(s -> new SuspectView(
                        s.addressKey(),
                        Masking.email(s.email()),
                        s.accountId(),
                        s.recordId(),
                        s.registrationNumber(),
                        s.examName(),
                        s.candidateName(),
                        s.holderName(),
                        s.detectedAt()))
                .toList();
        return new Suspects(page, size, total, items);
    }
}
