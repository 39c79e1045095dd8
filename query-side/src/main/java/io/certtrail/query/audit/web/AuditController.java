package io.certtrail.query.audit.web;

import io.certtrail.query.audit.AccountHistory;
import io.certtrail.query.support.ReadModelWait;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The auditor's view of an account: every event, oldest first, with actor, time and reason. */
@RestController
@RequestMapping("/api/audit")
class AuditController {

    private final MongoTemplate mongo;
    private final ReadModelWait wait;

    AuditController(MongoTemplate mongo, ReadModelWait wait) {
        this.mongo = mongo;
        this.wait = wait;
    }

    record History(String accountId, List<AccountHistory.Entry> events) {
    }

    @GetMapping("/accounts/{accountId}/events")
    History accountHistory(@PathVariable @Pattern(regexp = "[A-Za-z0-9_.:-]{1,128}") String accountId,
            @RequestParam Optional<@Min(0) Long> minVersion) {
        minVersion.ifPresent(min -> wait.until(AccountHistory.COLLECTION,
                AccountHistory.id(accountId, AccountHistory.bucketOf(min)),
                () -> mongo.findById(AccountHistory.id(accountId, AccountHistory.bucketOf(min)), AccountHistory.class),
                bucket -> bucket != null && bucket.entries().stream().anyMatch(e -> e.sequence() >= min)));
        List<AccountHistory.Entry> events = new ArrayList<>();
        for (long bucket = 0; ; bucket++) {
            AccountHistory history = mongo.findById(AccountHistory.id(accountId, bucket), AccountHistory.class);
            if (history == null) {
                break;
            }
            events.addAll(history.entries());
        }
        return new History(accountId, events);
    }
}
