package io.certtrail.query.audit;

import io.certtrail.events.account.AccountEvent;
import io.certtrail.events.account.EmailActivated;
import io.certtrail.events.account.EmailAssociationRequested;
import io.certtrail.events.account.EmailDisassociated;
import io.certtrail.platform.axon.ProcessingGroups;
import io.certtrail.platform.operations.ProjectionReset;
import io.certtrail.query.support.ProjectionBatch;
import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.time.temporal.TemporalAccessor;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * Every account event, in order, with who, when, from where and why. Appends are idempotent:
 * an entry whose sequence number the bucket already holds is not added again.
 */
@Component
@ProcessingGroup(ProcessingGroups.AUDIT_TRAIL)
public class AccountHistoryProjection {

    /** The bucket each account event is filed in, named by its sequence number as the handler names it. */
    private static final ProjectionBatch.Reads<AccountHistory> HISTORIES = ProjectionBatch.Reads.of(
                    AccountHistory.class)
            .from(
                    AccountEvent.class,
                    (event, message) -> message instanceof DomainEventMessage<?> d
                            ? AccountHistory.id(event.accountId(), AccountHistory.bucketOf(d.getSequenceNumber()))
                            : null);

    private final MongoTemplate mongo;

    public AccountHistoryProjection(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @EventHandler
    void on(AccountEvent event, EventMessage<?> message, @SequenceNumber long sequence, @Timestamp Instant occurredAt) {
        long bucket = AccountHistory.bucketOf(sequence);
        String id = AccountHistory.id(event.accountId(), bucket);
        ProjectionBatch batch = ProjectionBatch.current(mongo);
        AccountHistory history = batch.find(HISTORIES, id);
        if (history == null) {
            history = new AccountHistory(id, event.accountId(), bucket, List.of());
        }
        if (history.entries().stream().anyMatch(entry -> entry.sequence() == sequence)) {
            return;
        }
        AuditMetadata meta = AuditMetadata.of(message.getMetaData());
        history.entries()
                .add(new AccountHistory.Entry(
                        sequence,
                        message.getIdentifier(),
                        event.getClass().getSimpleName(),
                        occurredAt,
                        meta.actor(),
                        meta.actorRole(),
                        meta.clientAddress(),
                        meta.correlationId(),
                        meta.causationId(),
                        reason(event),
                        details(event)));
        history.entries().sort(java.util.Comparator.comparingLong(AccountHistory.Entry::sequence));
        batch.save(id, history);
    }

    @ResetHandler
    void reset(ProjectionReset reset) {
        if (!reset.rebuild()) {
            return; // a replay: the documents take the events again, unchanged
        }
        mongo.dropCollection(AccountHistory.class);
    }

    static String reason(AccountEvent event) {
        if (event instanceof EmailDisassociated e) {
            return switch (e.cause()) {
                case HOLDER_CONFIRMED -> "Disassociation requested by the holder and confirmed from the mailbox";
                case OWNERSHIP_MOVED ->
                    "Ownership moved: account " + e.newAccountId()
                            + " proved control of the mailbox with an activation link";
                case FORCED_UNBINDING -> "Forced unbinding by the certification office: " + e.reason();
            };
        }
        if (event instanceof EmailActivated e && e.previousAccountId() != null) {
            return "Activated with proof of mailbox control; the address moved here from account "
                    + e.previousAccountId();
        }
        if (event instanceof EmailAssociationRequested e && e.heldByAnotherAccount()) {
            return "Requested while the address was associated with another account; the holder was told";
        }
        return null;
    }

    static Map<String, Object> details(Object record) {
        Map<String, Object> fields = new LinkedHashMap<>();
        for (RecordComponent component : record.getClass().getRecordComponents()) {
            try {
                fields.put(component.getName(), plain(component.getAccessor().invoke(record)));
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }
        return fields;
    }

    private static Object plain(Object value) {
        if (value == null || value instanceof String || value instanceof Number || value instanceof Boolean) {
            return value;
        }
        if (value instanceof Enum<?> e) {
            return e.name();
        }
        if (value instanceof TemporalAccessor) {
            return value.toString();
        }
        if (value.getClass().isRecord()) {
            return details(value);
        }
        return value.toString();
    }
}
