package io.certtrail.query.bindings.web;

import io.certtrail.platform.privacy.Masking;
import io.certtrail.query.bindings.SuspectBinding;
import io.certtrail.query.support.PageRequest;
import java.time.Instant;
import java.util.List;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The certification office's review list (rule 5). Addresses are masked; an operator unbinds by
 * the {@code addressKey} shown, without ever needing the address in full.
 */
@RestController
@RequestMapping("/api/operator")
class SuspectBindingsController {

    private final MongoTemplate mongo;

    SuspectBindingsController(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    record SuspectView(String addressKey, String email, String accountId, String recordId, String registrationNumber,
            String examName, String candidateName, String holderName, Instant detectedAt) {
    }

    record Suspects(int page, int size, long totalElements, List<SuspectView> items) {
    }

    @GetMapping("/suspect-bindings")
    Suspects suspects(@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
        PageRequest.check(page, size);
        Query all = new Query().with(Sort.by(Sort.Order.desc("detectedAt"), Sort.Order.asc("_id")));
        long total = mongo.count(new Query(), SuspectBinding.class);
        List<SuspectView> items = mongo.find(all.skip((long) page * size).limit(size), SuspectBinding.class).stream()
                .map(s -> new SuspectView(s.addressKey(), Masking.email(s.email()), s.accountId(), s.recordId(),
                        s.registrationNumber(), s.examName(), s.candidateName(), s.holderName(), s.detectedAt()))
                .toList();
        return new Suspects(page, size, total, items);
    }
}
