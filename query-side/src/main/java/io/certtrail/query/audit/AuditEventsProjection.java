package io.certtrail.query.audit;

import io.certtrail.events.account.AccountEvent;
import io.certtrail.platform.axon.ProcessingGroups;
import io.certtrail.platform.operations.ProjectionReset;
import io.certtrail.query.support.ProjectionBatch;
import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.eventhandling.TrackingToken;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.stereotype.Component;

/**
 * Every event of every aggregate into {@link AuditEvent}, for the auditors' searches by account,
 * address, application, actor, type and time. Indexed for those searches on a real MongoDB; the
 * history of one account also has its bucketed view ({@link AccountHistory}), read by key.
 */
@Component
@ProcessingGroup(ProcessingGroups.AUDIT_EVENTS)
public class AuditEventsProjection {

    private final MongoTemplate mongo;
    private final java.util.function.UnaryOperator<String> keyOfEmail;

    /** Without the address keys: an event that names an address only by its e-mail is not found by it. */
    public AuditEventsProjection(MongoTemplate mongo) {
        this(mongo, (java.util.function.UnaryOperator<String>) null);
    }

    /**
     * An event that names an address only by its e-mail (a revocation, a notice) is filed under the
     * address's key too, so a search by address, and the holder's export, find it.
     */
    @org.springframework.beans.factory.annotation.Autowired
    public AuditEventsProjection(MongoTemplate mongo, io.certtrail.platform.privacy.AddressKeys addressKeys) {
        this(mongo, email -> addressKeys.of(email.strip().toLowerCase(java.util.Locale.ROOT)));
    }

    private AuditEventsProjection(MongoTemplate mongo, java.util.function.UnaryOperator<String> keyOfEmail) {
        this.mongo = mongo;
        this.keyOfEmail = keyOfEmail;
        ensureIndexes();
    }

    @EventHandler
    void on(Object payload, EventMessage<?> message, @Timestamp Instant occurredAt, TrackingToken token) {
        if (!payload.getClass().isRecord()) {
            return;
        }
        AuditMetadata meta = AuditMetadata.of(message.getMetaData());
        DomainEventMessage<?> domain = message instanceof DomainEventMessage<?> d ? d : null;
        List<String> accounts = new ArrayList<>();
        List<String> addresses = new ArrayList<>();
        collect(payload, accounts, addresses, 0, keyOfEmail);
        Object applicationId = component(payload, "applicationId");
        AuditEvent event = new AuditEvent(
                message.getIdentifier(),
                token == null ? -1 : token.position().orElse(-1),
                domain == null ? null : domain.getType(),
                domain == null ? null : domain.getAggregateIdentifier(),
                domain == null ? -1 : domain.getSequenceNumber(),
                payload.getClass().getSimpleName(),
                occurredAt,
                meta.actor(),
                meta.actorRole(),
                meta.clientAddress(),
                meta.correlationId(),
                meta.causationId(),
                reason(payload),
                accounts,
                addresses,
                applicationId == null ? null : applicationId.toString(),
                AccountHistoryProjection.details(payload));
        ProjectionBatch.current(mongo).insertOnce(event.eventId(), event);
    }

    @ResetHandler
    void reset(ProjectionReset reset) {
        if (!reset.rebuild()) {
            return; // a replay: the documents take the events again, unchanged
        }
        mongo.dropCollection(AuditEvent.class);
        ensureIndexes();
    }

    /** Why, where the rules ask for one: the account's own reasons, or a reason the event states. */
    static String reason(Object payload) {
        if (payload instanceof AccountEvent accountEvent) {
            return AccountHistoryProjection.reason(accountEvent);
        }
        Object reason = component(payload, "reason");
        return reason == null ? null : reason.toString();
    }

    /** Accounts and addresses the event names, in its own fields and one level of nested values. */
    private static void collect(
            Object record,
            List<String> accounts,
            List<String> addresses,
            int depth,
            java.util.function.UnaryOperator<String> keyOfEmail) {
        for (RecordComponent component : record.getClass().getRecordComponents()) {
            Object value = value(record, component);
            String name = component.getName();
            if (value instanceof String text) {
                if ((name.equals("accountId") || name.endsWith("AccountId")) && !accounts.contains(text)) {
                    accounts.add(text);
                } else if ((name.equals("addressKey") || name.endsWith("AddressKey")) && !addresses.contains(text)) {
                    addresses.add(text);
                } else if (name.equals("email") && keyOfEmail != null && !text.isBlank()) {
                    String key = keyOfEmail.apply(text);
                    if (!addresses.contains(key)) {
                        addresses.add(key);
                    }
                }
            } else if (value != null && value.getClass().isRecord() && depth == 0) {
                collect(value, accounts, addresses, depth + 1, keyOfEmail);
            }
        }
    }

    private static Object component(Object record, String name) {
        for (RecordComponent component : record.getClass().getRecordComponents()) {
            if (component.getName().equals(name)) {
                return value(record, component);
            }
        }
        return null;
    }

    private static Object value(Object record, RecordComponent component) {
        try {
            return component.getAccessor().invoke(record);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    private void ensureIndexes() {
        var indexes = mongo.indexOps(AuditEvent.class);
        for (String field : List.of("accountIds", "addressKeys", "applicationId", "actor", "type")) {
            indexes.createIndex(new Index(field, Sort.Direction.ASC).on("position", Sort.Direction.DESC));
        }
        indexes.createIndex(new Index("aggregateId", Sort.Direction.ASC).on("sequence", Sort.Direction.ASC));
        indexes.createIndex(new Index("position", Sort.Direction.DESC));
        indexes.createIndex(new Index("occurredAt", Sort.Direction.ASC));
    }
}
