package io.certtrail.query.audit;

import io.certtrail.query.support.ReadModelWait;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * One account's full history as the auditor reads it: every bucket of {@link AccountHistory} in
 * order; after a command, once the view holds its sequence number.
 */
@Component
public class AccountHistoryReads {

    private final MongoTemplate mongo;
    private final ReadModelWait wait;

    AccountHistoryReads(MongoTemplate mongo, ReadModelWait wait) {
        this.mongo = mongo;
        this.wait = wait;
    }

    public record History(String accountId, List<AccountHistory.Entry> events) {}

    public History of(String accountId, Optional<Long> minVersion) {
        minVersion.ifPresent(min -> wait.untilVersion(
                accountId,
                min,
                AccountHistory.class,
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
