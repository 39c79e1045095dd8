package io.certtrail.query.activity;

import io.certtrail.events.partner.MembershipApproved;
import io.certtrail.events.partner.MembershipEnded;
import io.certtrail.events.records.CertificationRecorded;
import io.certtrail.events.records.CertificationRevoked;
import io.certtrail.events.records.ExamResultRecorded;
import io.certtrail.events.records.RecordEvent;
import io.certtrail.events.records.TrainingRecorded;
import io.certtrail.platform.axon.ProcessingGroups;
import io.certtrail.platform.operations.ProjectionReset;
import io.certtrail.query.support.ProjectionBatch;
import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.stereotype.Component;

/**
 * What the event store says happened to a holder's records that they should see in their activity
 * log (rule 29): each correction of a record sent to one of their addresses (what changed), each
 * revocation (with the office's reason); and the companies they were employees of, with when, so
 * the partner administrators' reads of that time can be shown to them. Unbindings are in the
 * account's audit history already ({@code AccountHistory}). In the audit trail's processing group:
 * it is rebuilt with it, and an event handled twice is kept once (by its identifier).
 */
@Component
@ProcessingGroup(ProcessingGroups.AUDIT_TRAIL)
class HolderActivityProjection {

    /** Fields of a record that name the holder's address: a change of them is said, not shown. */
    private static final Set<String> ADDRESS_FIELDS = Set.of("addressKey", "email");

    /**
     * The corrections and revocations of one record ({@code record|id}), or the records corrected
     * away from one address ({@code address|key}).
     */
    @Document(RecordChanges.COLLECTION)
    record RecordChanges(@Id String id, List<Change> changes) {
        static final String COLLECTION = "activity_record_changes";

        RecordChanges {
            changes = changes == null ? new ArrayList<>() : new ArrayList<>(changes);
        }
    }

    /**
     * @param kind CORRECTED, REVOKED, MOVED_HERE (corrected to this address) or MOVED_AWAY
     * @param what the record: its certification, exam or course
     * @param reason what changed, or the office's reason for a revocation
     */
    record Change(String eventId, Instant at, String kind, String recordId, String what, String reason) {}

    /** The companies an account was an employee of. */
    @Document(Employments.COLLECTION)
    record Employments(@Id String accountId, List<Spell> spells) {
        static final String COLLECTION = "activity_employments";

        Employments {
            spells = spells == null ? new ArrayList<>() : new ArrayList<>(spells);
        }
    }

    /** @param to null while it lasts */
    record Spell(String companyId, Instant from, Instant to) {}

    private final MongoTemplate mongo;

    HolderActivityProjection(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @EventHandler
    void on(CertificationRecorded event, EventMessage<?> message) {
        corrected(event, event.certification().certificationName(), event.certification(), event.replaced(), message);
    }

    @EventHandler
    void on(ExamResultRecorded event, EventMessage<?> message) {
        corrected(
                event,
                event.exam().examCode() + " " + event.exam().examName(),
                event.exam(),
                event.replaced(),
                message);
    }

    @EventHandler
    void on(TrainingRecorded event, EventMessage<?> message) {
        corrected(event, event.training().courseName(), event.training(), event.replaced(), message);
    }

    private void corrected(RecordEvent event, String what, Record now, Record before, EventMessage<?> message) {
        if (before == null) {
            return; // a record's first version is no change to it
        }
        String id = message.getIdentifier();
        Instant when = event.receivedAt() == null ? message.getTimestamp() : event.receivedAt();
        if (Objects.equals(event.addressKey(), event.replacedAddressKey())) {
            add(
                    recordKey(event.recordId()),
                    new Change(id, when, "CORRECTED", event.recordId(), what, difference(before, now)));
            return;
        }
        // the record left one address for another: the first holder is told it went, the second that it came
        add(
                addressKey(event.replacedAddressKey()),
                new Change(
                        id,
                        when,
                        "MOVED_AWAY",
                        event.recordId(),
                        what,
                        "Corrected by the certification office to another address"));
        add(
                recordKey(event.recordId()),
                new Change(id, when, "MOVED_HERE", event.recordId(), what, difference(before, now)));
    }

    @EventHandler
    void on(CertificationRevoked event, EventMessage<?> message) {
        add(
                recordKey(event.recordId()),
                new Change(
                        message.getIdentifier(),
                        event.revokedAt(),
                        "REVOKED",
                        event.recordId(),
                        "Certificate " + event.certificateNumber(),
                        event.reason()));
    }

    static String recordKey(String recordId) {
        return "record|" + recordId;
    }

    static String addressKey(String addressKey) {
        return addressKey == null ? null : "address|" + addressKey;
    }

    @EventHandler
    void on(MembershipApproved event, @Timestamp Instant at) {
        ProjectionBatch batch = ProjectionBatch.current(mongo);
        Employments employments = batch.find(Employments.class, event.accountId());
        if (employments == null) {
            employments = new Employments(event.accountId(), List.of());
        }
        Instant from = event.approvedAt() == null ? at : event.approvedAt();
        if (employments.spells().stream()
                .noneMatch(
                        s -> s.companyId().equals(event.companyId()) && s.from().equals(from))) {
            employments.spells().add(new Spell(event.companyId(), from, null));
            batch.save(event.accountId(), employments);
        }
    }

    @EventHandler
    void on(MembershipEnded event) {
        if (!event.wasApproved()) {
            return; // a request that ended: never an employee
        }
        ProjectionBatch batch = ProjectionBatch.current(mongo);
        Employments employments = batch.find(Employments.class, event.accountId());
        if (employments == null) {
            return;
        }
        List<Spell> spells = employments.spells();
        for (int i = spells.size() - 1; i >= 0; i--) {
            Spell spell = spells.get(i);
            if (spell.companyId().equals(event.companyId()) && spell.to() == null) {
                spells.set(i, new Spell(spell.companyId(), spell.from(), event.endedAt()));
                batch.save(event.accountId(), employments);
                return;
            }
        }
    }

    private void add(String key, Change change) {
        if (key == null) {
            return;
        }
        ProjectionBatch batch = ProjectionBatch.current(mongo);
        RecordChanges changes = batch.find(RecordChanges.class, key);
        if (changes == null) {
            changes = new RecordChanges(key, List.of());
        }
        if (changes.changes().stream()
                .anyMatch(c -> c.eventId().equals(change.eventId()) && c.kind().equals(change.kind()))) {
            return;
        }
        changes.changes().add(change);
        batch.save(key, changes);
    }

    /** The fields a correction changed, old and new; a changed address is said, not shown. */
    static String difference(Record before, Record now) {
        List<String> changed = new ArrayList<>();
        for (RecordComponent component : now.getClass().getRecordComponents()) {
            Object old = value(component, before);
            Object current = value(component, now);
            if (!Objects.equals(old, current)) {
                changed.add(
                        ADDRESS_FIELDS.contains(component.getName())
                                ? "address changed"
                                : component.getName() + ": " + old + " → " + current);
            }
        }
        return changed.isEmpty()
                ? "Corrected by the certification office; nothing shown here changed"
                : "Corrected by the certification office: " + String.join("; ", changed);
    }

    private static Object value(RecordComponent component, Record record) {
        try {
            return component.getAccessor().invoke(record);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    @ResetHandler
    void reset(ProjectionReset reset) {
        if (reset.rebuild()) {
            mongo.dropCollection(RecordChanges.class);
            mongo.dropCollection(Employments.class);
        }
    }
}
