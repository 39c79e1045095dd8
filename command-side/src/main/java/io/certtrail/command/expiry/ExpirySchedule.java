package io.certtrail.command.expiry;

import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.DeleteOneModel;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.WriteModel;
import io.certtrail.events.account.EmailActivated;
import io.certtrail.events.account.EmailDisassociated;
import io.certtrail.events.account.ExpiryRemindersChanged;
import io.certtrail.events.partner.ExpiryDigestSubscriptionChanged;
import io.certtrail.events.records.CertificationNoted;
import io.certtrail.events.records.CertificationRecorded;
import io.certtrail.events.records.CertificationRenewed;
import io.certtrail.platform.axon.ProcessingGroups;
import io.certtrail.platform.operations.ProjectionReset;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * The durable half of the expiry schedule (rule 25): for every day, the certificates to ask about
 * on it (each reminder day before an expiration date, and the day after it), kept from the events.
 * Every read and write is by {@code _id} (a day, an address, an account), so the sweep costs the
 * same however many certificates there are. An entry never has to be removed: a certificate renewed
 * or revoked since is asked about and answers that nothing is due. A day the sweep has passed
 * already goes to the {@code overdue} entry, which every sweep reads.
 *
 * <p>It also keeps which account holds each address and which accounts turned reminders off, so the
 * sweep reminds nobody who asked not to be.
 */
@Component
@ProcessingGroup(ProcessingGroups.EXPIRY)
public class ExpirySchedule {

    static final String DAYS = "expiry_schedule";
    static final String HOLDERS = "expiry_holders";
    /**
     * Certification records whose address's certificates have not taken note of them: recorded
     * before they were kept (an older store). Noted at once for any record since, so the collection
     * stays all but empty; the sweep adopts what is left.
     */
    static final String ADOPTIONS = "expiry_adoptions";
    /** The partner companies whose administrators asked for the weekly digest. */
    static final String DIGESTS = "expiry_digests";
    /** Where the sweep notes the last day it finished (written by the sweep, never dropped by a rebuild). */
    static final String SWEEPS = "expiry_sweeps";

    static final String OVERDUE = "overdue";
    static final String SWEPT = "swept";

    private final MongoTemplate mongo;
    private final ExpiryProperties properties;
    private final Clock clock;

    ExpirySchedule(MongoTemplate mongo, ExpiryProperties properties, Clock clock) {
        this.mongo = mongo;
        this.properties = properties;
        this.clock = clock;
    }

    @EventHandler
    void on(CertificationRecorded event) {
        writes().add(
                        ADOPTIONS,
                        new ReplaceOneModel<>(
                                new Document("_id", event.recordId()),
                                new Document("_id", event.recordId()),
                                new ReplaceOptions().upsert(true)));
    }

    @EventHandler
    void on(CertificationNoted event) {
        writes().add(ADOPTIONS, new DeleteOneModel<>(new Document("_id", event.recordId())));
        if (event.state() == CertificationNoted.State.HELD) {
            schedule(event.holderId(), event.recordId(), event.expirationDate());
        }
    }

    @EventHandler
    void on(CertificationRenewed event) {
        schedule(event.holderId(), event.recordId(), event.expirationDate());
    }

    @EventHandler
    void on(EmailActivated event) {
        mongo.getCollection(HOLDERS)
                .updateOne(
                        new Document("_id", event.addressKey()),
                        new Document("$set", new Document("accountId", event.accountId())),
                        new UpdateOptions().upsert(true));
    }

    @EventHandler
    void on(EmailDisassociated event) {
        mongo.getCollection(HOLDERS)
                .deleteOne(new Document("_id", event.addressKey()).append("accountId", event.accountId()));
    }

    @EventHandler
    void on(ExpiryRemindersChanged event) {
        mongo.getCollection(HOLDERS)
                .updateOne(
                        new Document("_id", "account:" + event.accountId()),
                        new Document("$set", new Document("remindersOff", !event.enabled())),
                        new UpdateOptions().upsert(true));
    }

    @EventHandler
    void on(ExpiryDigestSubscriptionChanged event) {
        Document update = event.enabled()
                ? new Document("$addToSet", new Document("admins", event.adminAccountId()))
                : new Document("$pull", new Document("admins", event.adminAccountId()));
        mongo.getCollection(DIGESTS)
                .updateOne(new Document("_id", event.companyId()), update, new UpdateOptions().upsert(true));
    }

    @ResetHandler
    void reset(ProjectionReset reset) {
        if (!reset.rebuild()) {
            return; // a replay: every write is an $addToSet or a $set, the events give the same again
        }
        mongo.dropCollection(DAYS);
        mongo.dropCollection(HOLDERS);
        mongo.dropCollection(DIGESTS);
        mongo.dropCollection(ADOPTIONS);
    }

    private void schedule(String holderId, String recordId, LocalDate expiration) {
        if (expiration == null) {
            return;
        }
        Writes writes = writes();
        LocalDate swept = writes.swept;
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        Document entry = new Document("h", holderId).append("r", recordId);
        List<LocalDate> days = new ArrayList<>();
        properties.reminderDays().forEach(before -> days.add(expiration.minusDays(before)));
        days.add(expiration.plusDays(1));
        for (LocalDate day : days) {
            boolean passed = swept != null ? !day.isAfter(swept) : day.isBefore(today);
            writes.add(
                    DAYS,
                    new UpdateOneModel<>(
                            new Document("_id", passed ? OVERDUE : day.toString()),
                            new Document("$addToSet", new Document("entries", entry)),
                            new UpdateOptions().upsert(true)));
        }
    }

    /**
     * The schedule's writes of one batch of events, sent as one ordered bulk write after its last
     * event, still in the handling phase ({@link #flushAtEndOfBatch}), so a failed write fails the
     * batch before its token moves, and the batch is handled again (every write is an
     * {@code $addToSet}). The last swept day is read once per batch.
     */
    private final class Writes {
        private final LocalDate swept = lastSwept();
        private final Map<String, List<WriteModel<Document>>> updates = new LinkedHashMap<>();

        void add(String collection, WriteModel<Document> update) {
            updates.computeIfAbsent(collection, c -> new ArrayList<>()).add(update);
            if (!CurrentUnitOfWork.isStarted()) {
                flush();
            }
        }

        void flush() {
            updates.forEach((collection, writes) -> {
                if (!writes.isEmpty()) {
                    mongo.getCollection(collection)
                            .bulkWrite(List.copyOf(writes), new BulkWriteOptions().ordered(true));
                    writes.clear();
                }
            });
        }
    }

    /** Sends the batch's writes after its last event (or after each, outside a batch). */
    static MessageHandlerInterceptor<EventMessage<?>> flushAtEndOfBatch() {
        return (unitOfWork, chain) -> {
            Object result = chain.proceed();
            if (!(unitOfWork instanceof BatchingUnitOfWork<?> batching) || batching.isLastMessage()) {
                Writes writes = unitOfWork.root().getResource(Writes.class.getName());
                if (writes != null) {
                    writes.flush();
                }
            }
            return result;
        };
    }

    private Writes writes() {
        if (!CurrentUnitOfWork.isStarted()) {
            return new Writes();
        }
        var root = CurrentUnitOfWork.get().root();
        return root.getOrComputeResource(Writes.class.getName(), key -> {
            Writes writes = new Writes();
            root.onPrepareCommit(unitOfWork -> writes.flush()); // only if the interceptor did not run
            return writes;
        });
    }

    /** The last day a sweep finished, or null before the first. */
    LocalDate lastSwept() {
        Document swept =
                mongo.getCollection(SWEEPS).find(new Document("_id", SWEPT)).first();
        return swept == null ? null : LocalDate.parse(swept.getString("day"));
    }

    /** The entries of one day (or of {@link #OVERDUE}). */
    List<Document> entriesOf(String day) {
        Document found =
                mongo.getCollection(DAYS).find(new Document("_id", day)).first();
        return found == null ? List.of() : found.getList("entries", Document.class);
    }

    /** Takes the given entries off a day, once they were asked about (entries added meanwhile stay). */
    void done(String day, List<Document> entries) {
        if (!entries.isEmpty()) {
            mongo.getCollection(DAYS)
                    .updateOne(new Document("_id", day), new Document("$pullAll", new Document("entries", entries)));
        }
    }

    void sweptUpTo(LocalDate day) {
        mongo.getCollection(SWEEPS)
                .updateOne(
                        new Document("_id", SWEPT),
                        new Document("$set", new Document("day", day.toString())),
                        new UpdateOptions().upsert(true));
    }

    /** Up to {@code limit} records to adopt (a scan, of a collection all but empty). */
    List<String> toAdopt(int limit) {
        List<String> ids = new ArrayList<>();
        for (Document d : mongo.getCollection(ADOPTIONS).find().limit(limit)) {
            ids.add(d.getString("_id"));
        }
        return ids;
    }

    void adopted(String recordId) {
        mongo.getCollection(ADOPTIONS).deleteOne(new Document("_id", recordId));
    }

    /** The companies with an administrator who asked for the digest (a small collection, read whole). */
    List<String> digestCompanies() {
        List<String> companies = new ArrayList<>();
        for (Document company : mongo.getCollection(DIGESTS).find()) {
            List<String> admins = company.getList("admins", String.class);
            if (admins != null && !admins.isEmpty()) {
                companies.add(company.getString("_id"));
            }
        }
        return companies;
    }

    /** The last week the sweep put a digest together for the company, or null. */
    String digestWeekOf(String companyId) {
        Document done = mongo.getCollection(SWEEPS)
                .find(new Document("_id", "digest:" + companyId))
                .first();
        return done == null ? null : done.getString("week");
    }

    void digestDone(String companyId, String week) {
        mongo.getCollection(SWEEPS)
                .updateOne(
                        new Document("_id", "digest:" + companyId),
                        new Document("$set", new Document("week", week)),
                        new UpdateOptions().upsert(true));
    }

    /** Whether the account holding the address turned reminders off. */
    boolean remindersOff(String addressKey) {
        Document holder = mongo.getCollection(HOLDERS)
                .find(new Document("_id", addressKey))
                .first();
        if (holder == null) {
            return false;
        }
        Document account = mongo.getCollection(HOLDERS)
                .find(new Document("_id", "account:" + holder.getString("accountId")))
                .first();
        return account != null && Boolean.TRUE.equals(account.getBoolean("remindersOff"));
    }
}
