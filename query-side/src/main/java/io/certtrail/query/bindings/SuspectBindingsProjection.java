package io.certtrail.query.bindings;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import io.certtrail.events.account.AccountHolderNamed;
import io.certtrail.events.address.AddressClaimed;
import io.certtrail.events.address.AddressReleased;
import io.certtrail.events.records.ExamResultRecorded;
import io.certtrail.platform.privacy.PersonNames;
import io.certtrail.query.support.MongoUpdates;
import io.certtrail.query.bindings.BindingDocuments.BoundAddress;
import io.certtrail.query.bindings.BindingDocuments.Exam;
import io.certtrail.query.bindings.BindingDocuments.Holder;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Keeps the list of suspect bindings current as exam results, ownership and holder names change.
 * Every handler sets state rather than adding to it, and then recomputes the suspects of the
 * addresses it touched from scratch, so redelivery and replays converge on the same list.
 */
@Component
@ProcessingGroup("suspect-bindings")
public class SuspectBindingsProjection {

    private final MongoTemplate mongo;

    public SuspectBindingsProjection(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @EventHandler
    void on(ExamResultRecorded event, @Timestamp Instant at) {
        Exam exam = new Exam(event.recordId(), event.exam().registrationNumber(), event.exam().examName(),
                event.exam().email(), event.exam().candidateFirstName(), event.exam().candidateLastName());
        if (event.replaced() != null) {
            pullExam(event.replacedAddressKey(), event.recordId());
            if (!event.replacedAddressKey().equals(event.addressKey())) {
                recompute(event.replacedAddressKey(), at);
            }
        }
        MongoUpdates.addToList(mongo, "bindings_addresses", event.addressKey(), "exams", exam);
        recompute(event.addressKey(), at);
    }

    @EventHandler
    void on(AddressClaimed event, @Timestamp Instant at) {
        if (event.previousAccountId() != null) {
            mongo.updateFirst(query(where("_id").is(event.previousAccountId())),
                    new Update().pull("addresses", event.addressKey()), Holder.class);
        }
        mongo.upsert(query(where("_id").is(event.accountId())),
                new Update().addToSet("addresses", event.addressKey()), Holder.class);
        mongo.upsert(query(where("_id").is(event.addressKey())), new Update().set("owner", event.accountId()),
                BoundAddress.class);
        recompute(event.addressKey(), at);
    }

    @EventHandler
    void on(AddressReleased event, @Timestamp Instant at) {
        mongo.updateFirst(query(where("_id").is(event.accountId())),
                new Update().pull("addresses", event.addressKey()), Holder.class);
        BoundAddress address = mongo.findById(event.addressKey(), BoundAddress.class);
        if (address != null && event.accountId().equals(address.owner())) {
            mongo.updateFirst(query(where("_id").is(event.addressKey())), new Update().unset("owner"),
                    BoundAddress.class);
        }
        recompute(event.addressKey(), at);
    }

    @EventHandler
    void on(AccountHolderNamed event, @Timestamp Instant at) {
        mongo.upsert(query(where("_id").is(event.accountId())),
                new Update().set("firstName", event.firstName()).set("lastName", event.lastName()), Holder.class);
        Holder holder = mongo.findById(event.accountId(), Holder.class);
        holder.addresses().forEach(addressKey -> recompute(addressKey, at));
    }

    @ResetHandler
    void reset() {
        mongo.dropCollection(BoundAddress.class);
        mongo.dropCollection(Holder.class);
        mongo.dropCollection(SuspectBinding.class);
    }

    private void pullExam(String addressKey, String recordId) {
        mongo.updateFirst(query(where("_id").is(addressKey)),
                new Update().pull("exams", new Document("recordId", recordId)), BoundAddress.class);
    }

    private void recompute(String addressKey, Instant at) {
        BoundAddress address = mongo.findById(addressKey, BoundAddress.class);
        if (address == null) {
            return;
        }
        if (address.owner() == null && address.suspects().isEmpty()) {
            return; // nobody to compare with, nothing listed: the common case while records arrive unclaimed
        }
        Holder holder = address.owner() == null ? null : mongo.findById(address.owner(), Holder.class);
        List<String> suspects = new ArrayList<>();
        if (holder != null && (holder.firstName() != null || holder.lastName() != null)) {
            for (Exam exam : address.exams()) {
                if (PersonNames.samePerson(exam.firstName(), exam.lastName(), holder.firstName(), holder.lastName())) {
                    continue;
                }
                String id = addressKey + "|" + exam.recordId();
                suspects.add(id);
                SuspectBinding known = mongo.findById(id, SuspectBinding.class);
                mongo.save(new SuspectBinding(id, addressKey, exam.email(), holder.accountId(), exam.recordId(),
                        exam.registrationNumber(), exam.examName(), name(exam.firstName(), exam.lastName()),
                        name(holder.firstName(), holder.lastName()),
                        known != null && Objects.equals(known.accountId(), holder.accountId())
                                ? known.detectedAt() : at));
            }
        }
        for (String gone : address.suspects()) {
            if (!suspects.contains(gone)) {
                mongo.remove(query(where("_id").is(gone)), SuspectBinding.class);
            }
        }
        if (!suspects.equals(address.suspects())) {
            mongo.updateFirst(query(where("_id").is(addressKey)), new Update().set("suspects", suspects),
                    BoundAddress.class);
        }
    }

    private static String name(String first, String last) {
        return (Objects.requireNonNullElse(first, "") + " " + Objects.requireNonNullElse(last, "")).strip();
    }
}
