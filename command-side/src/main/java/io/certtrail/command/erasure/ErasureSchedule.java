package io.certtrail.command.erasure;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import io.certtrail.events.account.AccountErased;
import io.certtrail.events.account.ErasureCancelled;
import io.certtrail.events.account.ErasureRequested;
import io.certtrail.platform.axon.ProcessingGroups;
import io.certtrail.platform.operations.ProjectionReset;
import io.certtrail.platform.privacy.encryption.PersonKeys;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import javax.sql.DataSource;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * The erasures waiting for their grace period to end (rule 32), kept from the account's events in
 * {@code erasure_schedule} (one document per account, by {@code _id}), and what an erasure does
 * outside the event store: the keys of the account and of every address it held are destroyed
 * (what they sealed reads as erased from then on), the account's snapshots deleted (they were sealed
 * whole under its key; the embedded store's rows go, Axon Server keeps its own), and the accesses to
 * the account's share links forgotten. The views are rebuilt by the query side.
 */
@Component
@ProcessingGroup(ProcessingGroups.EXPIRY)
public class ErasureSchedule {

    static final String COLLECTION = "erasure_schedule";
    private static final Logger log = LoggerFactory.getLogger(ErasureSchedule.class);

    private final MongoTemplate mongo;
    private final ObjectProvider<PersonKeys> keys;
    private final ObjectProvider<DataSource> eventStore;

    ErasureSchedule(MongoTemplate mongo, ObjectProvider<PersonKeys> keys, ObjectProvider<DataSource> eventStore) {
        this.mongo = mongo;
        this.keys = keys;
        this.eventStore = eventStore;
    }

    @EventHandler
    void on(ErasureRequested event) {
        mongo.getCollection(COLLECTION)
                .replaceOne(
                        Filters.eq("_id", event.accountId()),
                        new Document("_id", event.accountId()).append("effectiveAt", Date.from(event.effectiveAt())),
                        new ReplaceOptions().upsert(true));
    }

    @EventHandler
    void on(ErasureCancelled event) {
        mongo.getCollection(COLLECTION).deleteOne(Filters.eq("_id", event.accountId()));
    }

    /** What the erasure does outside the store; never on a replay (the keys are gone already). */
    @EventHandler
    @DisallowReplay
    void on(AccountErased event) {
        mongo.getCollection(COLLECTION).deleteOne(Filters.eq("_id", event.accountId()));
        PersonKeys personKeys = keys.getIfAvailable();
        if (personKeys != null) {
            personKeys.destroy("account:" + event.accountId());
            event.addressKeys().forEach(address -> personKeys.destroy("address:" + address));
        }
        DataSource store = eventStore.getIfAvailable();
        if (store != null) {
            try (var connection = store.getConnection();
                    var delete = connection.prepareStatement(
                            "DELETE FROM SnapshotEventEntry WHERE aggregateIdentifier = ?")) {
                delete.setString(1, event.accountId());
                delete.executeUpdate();
            } catch (java.sql.SQLException e) {
                log.warn("The erased account's snapshots could not be deleted: {}", e.toString());
            }
        }
        mongo.getCollection("access_log")
                .deleteMany(Filters.regex(
                        "_id", "^" + java.util.regex.Pattern.quote("account|" + event.accountId() + "|")));
    }

    /** The accounts whose grace period has ended by this moment. */
    List<String> due(Instant now) {
        List<String> due = new ArrayList<>();
        for (Document waiting : mongo.getCollection(COLLECTION).find(Filters.lte("effectiveAt", Date.from(now)))) {
            due.add(waiting.getString("_id"));
        }
        return due;
    }

    @ResetHandler
    void reset(ProjectionReset reset) {
        if (reset.rebuild()) {
            mongo.dropCollection(COLLECTION);
        }
    }
}
