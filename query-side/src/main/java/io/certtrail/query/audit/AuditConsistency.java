package io.certtrail.query.audit;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * Checks the audit view against the event store itself, for one aggregate: it re-reads the
 * aggregate's events from the store and reports every event the view lacks, holds in addition, or
 * shows differently (type, time, fields), in both the search view and, for an account, its history.
 */
@Component
public class AuditConsistency {

    private final EventStore eventStore;
    private final MongoTemplate mongo;

    AuditConsistency(EventStore eventStore, MongoTemplate mongo) {
        this.eventStore = eventStore;
        this.mongo = mongo;
    }

    public record Difference(long sequence, String eventId, String view, String problem) {}

    /** @param consistent the view shows exactly what the store holds */
    public record Report(
            String aggregateId, long storeEvents, long auditEvents, boolean consistent, List<Difference> differences) {}

    public Report check(String aggregateId) {
        List<? extends DomainEventMessage<?>> stored =
                eventStore.readEvents(aggregateId).asStream().toList();
        List<AuditEvent> shown = mongo.find(
                Query.query(Criteria.where("aggregateId").is(aggregateId)).with(Sort.by("sequence")), AuditEvent.class);
        Map<String, AuditEvent> byId = new LinkedHashMap<>();
        shown.forEach(event -> byId.put(event.eventId(), event));
        List<Difference> differences = new ArrayList<>();
        Map<Long, AccountHistory.Entry> history = accountHistory(aggregateId, stored);
        for (DomainEventMessage<?> event : stored) {
            String type = event.getPayloadType().getSimpleName();
            AuditEvent audit = byId.remove(event.getIdentifier());
            if (audit == null) {
                differences.add(
                        new Difference(event.getSequenceNumber(), event.getIdentifier(), "events", "MISSING_IN_VIEW"));
            } else if (!audit.type().equals(type)
                    || audit.sequence() != event.getSequenceNumber()
                    || !audit.occurredAt()
                            .equals(event.getTimestamp().truncatedTo(java.time.temporal.ChronoUnit.MILLIS))
                    || !Objects.equals(
                            normalised(audit.details()),
                            normalised(AccountHistoryProjection.details(event.getPayload())))) {
                differences.add(new Difference(
                        event.getSequenceNumber(), event.getIdentifier(), "events", "DIFFERS_FROM_STORE"));
            }
            if (history != null) {
                AccountHistory.Entry entry = history.remove(event.getSequenceNumber());
                if (entry == null) {
                    differences.add(new Difference(
                            event.getSequenceNumber(), event.getIdentifier(), "account-history", "MISSING_IN_VIEW"));
                } else if (!entry.eventId().equals(event.getIdentifier())
                        || !entry.type().equals(type)) {
                    differences.add(new Difference(
                            event.getSequenceNumber(), event.getIdentifier(), "account-history", "DIFFERS_FROM_STORE"));
                }
            }
        }
        byId.values()
                .forEach(extra ->
                        differences.add(new Difference(extra.sequence(), extra.eventId(), "events", "NOT_IN_STORE")));
        if (history != null) {
            history.values()
                    .forEach(extra -> differences.add(
                            new Difference(extra.sequence(), extra.eventId(), "account-history", "NOT_IN_STORE")));
        }
        return new Report(aggregateId, stored.size(), shown.size(), differences.isEmpty(), differences);
    }

    /** For an {@code Account} aggregate, its bucketed history by sequence; otherwise null. */
    private Map<Long, AccountHistory.Entry> accountHistory(
            String aggregateId, List<? extends DomainEventMessage<?>> stored) {
        boolean account = !stored.isEmpty() && "Account".equals(stored.get(0).getType());
        if (!account) {
            return null;
        }
        Map<Long, AccountHistory.Entry> entries = new LinkedHashMap<>();
        for (long bucket = 0; ; bucket++) {
            AccountHistory history = mongo.findById(AccountHistory.id(aggregateId, bucket), AccountHistory.class);
            if (history == null) {
                break;
            }
            history.entries().forEach(entry -> entries.put(entry.sequence(), entry));
        }
        return entries;
    }

    /** Compares values as MongoDB gives them back: whole numbers as longs. */
    private static Object normalised(Object value) {
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> copy = new LinkedHashMap<>();
            map.forEach((k, v) -> copy.put(String.valueOf(k), normalised(v)));
            return copy;
        }
        if (value instanceof Integer || value instanceof Long || value instanceof Short) {
            return ((Number) value).longValue();
        }
        return value;
    }
}
