package io.certtrail.query.bindings;

import io.certtrail.events.account.AccountHolderNamed;
import io.certtrail.events.address.AddressClaimed;
import io.certtrail.events.address.AddressReleased;
import io.certtrail.events.records.ExamResultRecorded;
import io.certtrail.platform.axon.ProcessingGroups;
import io.certtrail.platform.operations.ProjectionReset;
import io.certtrail.platform.privacy.PersonNames;
import io.certtrail.query.bindings.BindingDocuments.BoundAddress;
import io.certtrail.query.bindings.BindingDocuments.Exam;
import io.certtrail.query.bindings.BindingDocuments.Holder;
import io.certtrail.query.support.ProjectionBatch;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.UnaryOperator;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * Keeps the list of suspect bindings current as exam results, ownership and holder names change.
 * Every handler sets state rather than adding to it, and then recomputes the suspects of the
 * addresses it touched from scratch, so redelivery and replays converge on the same list.
 */
@Component
@ProcessingGroup(ProcessingGroups.SUSPECT_BINDINGS)
public class SuspectBindingsProjection {

    private static final ProjectionBatch.Reads<BoundAddress> ADDRESSES = ProjectionBatch.Reads.of(BoundAddress.class)
            .from(ExamResultRecorded.class, ExamResultRecorded::addressKey)
            .from(ExamResultRecorded.class, ExamResultRecorded::replacedAddressKey)
            .from(AddressClaimed.class, AddressClaimed::addressKey)
            .from(AddressReleased.class, AddressReleased::addressKey);
    private static final ProjectionBatch.Reads<Holder> HOLDERS = ProjectionBatch.Reads.of(Holder.class)
            .from(AddressClaimed.class, AddressClaimed::accountId)
            .from(AddressClaimed.class, AddressClaimed::previousAccountId)
            .from(AddressReleased.class, AddressReleased::accountId)
            .from(AccountHolderNamed.class, AccountHolderNamed::accountId)
            .fromDocuments(ADDRESSES, BoundAddress::owner);

    private final MongoTemplate mongo;

    public SuspectBindingsProjection(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @EventHandler
    void on(ExamResultRecorded event, @Timestamp Instant at) {
        ProjectionBatch batch = ProjectionBatch.current(mongo);
        Exam exam = new Exam(
                event.recordId(),
                event.exam().registrationNumber(),
                event.exam().examName(),
                event.exam().email(),
                event.exam().candidateFirstName(),
                event.exam().candidateLastName(),
                at);
        if (event.replaced() != null) {
            changeAddress(batch, event.replacedAddressKey(), address -> address.withoutExam(event.recordId()));
            if (!event.replacedAddressKey().equals(event.addressKey())) {
                recompute(batch, event.replacedAddressKey(), at);
            }
        }
        changeAddress(batch, event.addressKey(), address -> address.withExam(exam));
        recompute(batch, event.addressKey(), at);
    }

    @EventHandler
    void on(AddressClaimed event, @Timestamp Instant at) {
        ProjectionBatch batch = ProjectionBatch.current(mongo);
        if (event.previousAccountId() != null) {
            changeHolder(batch, event.previousAccountId(), holder -> holder.without(event.addressKey()));
        }
        changeHolder(batch, event.accountId(), holder -> holder.with(event.addressKey()));
        changeAddress(batch, event.addressKey(), address -> address.ownedBy(event.accountId(), at));
        recompute(batch, event.addressKey(), at);
    }

    @EventHandler
    void on(AddressReleased event, @Timestamp Instant at) {
        ProjectionBatch batch = ProjectionBatch.current(mongo);
        changeHolder(batch, event.accountId(), holder -> holder.without(event.addressKey()));
        changeAddress(
                batch,
                event.addressKey(),
                address -> event.accountId().equals(address.owner()) ? address.ownedBy(null, at) : address);
        recompute(batch, event.addressKey(), at);
    }

    @EventHandler
    void on(AccountHolderNamed event, @Timestamp Instant at) {
        ProjectionBatch batch = ProjectionBatch.current(mongo);
        Holder holder = changeHolder(
                batch,
                event.accountId(),
                known -> new Holder(known.accountId(), event.firstName(), event.lastName(), known.addresses()));
        holder.addresses().forEach(addressKey -> recompute(batch, addressKey, at));
    }

    @ResetHandler
    void reset(ProjectionReset reset) {
        if (!reset.rebuild()) {
            return; // a replay: the documents take the events again, unchanged
        }
        mongo.dropCollection(BoundAddress.class);
        mongo.dropCollection(Holder.class);
        mongo.dropCollection(SuspectBinding.class);
    }

    private static Holder changeHolder(ProjectionBatch batch, String accountId, UnaryOperator<Holder> change) {
        Holder known = batch.find(HOLDERS, accountId);
        Holder changed = change.apply(known == null ? new Holder(accountId, null, null, null) : known);
        if (!changed.equals(known)) {
            batch.save(accountId, changed);
        }
        return changed;
    }

    private static void changeAddress(ProjectionBatch batch, String addressKey, UnaryOperator<BoundAddress> change) {
        BoundAddress known = batch.find(ADDRESSES, addressKey);
        BoundAddress changed =
                change.apply(known == null ? new BoundAddress(addressKey, null, null, null, null) : known);
        if (!changed.equals(known)) {
            batch.save(addressKey, changed);
        }
    }

    private static void recompute(ProjectionBatch batch, String addressKey, Instant at) {
        BoundAddress address = batch.find(ADDRESSES, addressKey);
        if (address == null) {
            return;
        }
        if (address.owner() == null && address.suspects().isEmpty()) {
            return; // nobody to compare with, nothing listed: the common case while records arrive unclaimed
        }
        Holder holder = address.owner() == null ? null : batch.find(HOLDERS, address.owner());
        List<String> suspects = new ArrayList<>();
        if (holder != null && (holder.firstName() != null || holder.lastName() != null)) {
            for (Exam exam : address.exams()) {
                if (PersonNames.samePerson(exam.firstName(), exam.lastName(), holder.firstName(), holder.lastName())) {
                    continue;
                }
                String id = addressKey + "|" + exam.recordId();
                suspects.add(id);
                SuspectBinding known = batch.find(SuspectBinding.class, id);
                SuspectBinding current = new SuspectBinding(
                        id,
                        addressKey,
                        exam.email(),
                        holder.accountId(),
                        exam.recordId(),
                        exam.registrationNumber(),
                        exam.examName(),
                        name(exam.firstName(), exam.lastName()),
                        name(holder.firstName(), holder.lastName()),
                        detectedAt(exam, address, known, holder, at));
                if (!current.equals(known)) {
                    batch.save(id, current);
                }
            }
        }
        for (String gone : address.suspects()) {
            if (!suspects.contains(gone)) {
                batch.delete(SuspectBinding.class, gone);
            }
        }
        if (!suspects.equals(address.suspects())) {
            batch.save(addressKey, address.withSuspects(suspects));
        }
    }

    /**
     * When the binding became suspect: when the result met its current owner, the later of the
     * result's arrival and the owner's claim. Taken from the documents alone, so handling a batch's
     * events again over documents its first attempt had already written (a kill between the batch's
     * writes and its token) gives the same time; the handled event's time gave every earlier result
     * the first re-handled event's time (found by RebuildKillTest). Documents from before these times
     * were kept: the binding's own time, as before.
     */
    private static Instant detectedAt(
            Exam exam, BoundAddress address, SuspectBinding known, Holder holder, Instant at) {
        if (exam.recordedAt() != null && address.ownedSince() != null) {
            return exam.recordedAt().isAfter(address.ownedSince()) ? exam.recordedAt() : address.ownedSince();
        }
        return known != null && Objects.equals(known.accountId(), holder.accountId()) ? known.detectedAt() : at;
    }

    private static String name(String first, String last) {
        return (Objects.requireNonNullElse(first, "") + " " + Objects.requireNonNullElse(last, "")).strip();
    }
}
