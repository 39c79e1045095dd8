package io.certtrail.query.audit;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One bucket of an account's audit history: up to {@link #SIZE} consecutive events, fetched by
 * {@code _id} ({@code accountId#bucket}), so a long history is read by key, never by a scan.
 */
@Document(AccountHistory.COLLECTION)
public record AccountHistory(@Id String id, String accountId, long bucket, List<Entry> entries) {

    public static final String COLLECTION = "audit_account_history";
    public static final int SIZE = 100;

    public AccountHistory {
        entries = entries == null ? new ArrayList<>() : new ArrayList<>(entries);
    }

    public static String id(String accountId, long bucket) {
        return accountId + "#" + bucket;
    }

    public static long bucketOf(long sequence) {
        return sequence / SIZE;
    }

    /**
     * @param actor who caused it: an account, an operator, or the account a link was followed for
     * @param correlationId the chain of messages this event belongs to: the request's correlation id (its
     *     {@code X-Correlation-Id}, or one given to it), or the first message's id
     * @param causationId the message that caused this event
     * @param reason why, where the rules ask for one (ownership moved, forced unbinding)
     * @param details the event's own fields, personal data in full (auditors only)
     */
    public record Entry(
            long sequence,
            String eventId,
            String type,
            Instant occurredAt,
            String actor,
            String actorRole,
            String clientAddress,
            String correlationId,
            String causationId,
            String reason,
            Map<String, Object> details) {}
}
