package io.certtrail.query.erasure;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import io.certtrail.events.account.AccountErased;
import io.certtrail.platform.axon.ProcessingGroups;
import io.certtrail.platform.operations.ProjectionReset;
import java.util.Date;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * After an account's erasure (rule 32) every view is rebuilt from the store, whose sealed fields
 * now read as erased: no view keeps a copy of what the keys sealed. An erasure is noted durably
 * ({@code rebuild_requests}) by the audit trail's processor; a check every few seconds rebuilds the
 * projections (not from a handler's own thread: the processors stop and start) and then forgets
 * the request. With several query-side instances, a projection another instance holds is refused
 * and tried again at the next check.
 */
@Component
@EnableScheduling
@ProcessingGroup(ProcessingGroups.AUDIT_TRAIL)
class ErasureRebuilds {

    static final String COLLECTION = "rebuild_requests";
    private static final Logger log = LoggerFactory.getLogger(ErasureRebuilds.class);

    private final MongoTemplate mongo;
    private final EventProcessingConfiguration processing;

    ErasureRebuilds(MongoTemplate mongo, EventProcessingConfiguration processing) {
        this.mongo = mongo;
        this.processing = processing;
    }

    @EventHandler
    @DisallowReplay
    void on(AccountErased event) {
        mongo.getCollection(COLLECTION)
                .replaceOne(
                        Filters.eq("_id", "erasure:" + event.accountId()),
                        new Document("_id", "erasure:" + event.accountId()).append("at", Date.from(event.erasedAt())),
                        new ReplaceOptions().upsert(true));
    }

    @Scheduled(initialDelayString = "PT5S", fixedDelayString = "${certtrail.erasure.rebuild-check:PT5S}")
    void rebuildIfAsked() {
        var requests = mongo.getCollection(COLLECTION).find().into(new java.util.ArrayList<>());
        if (requests.isEmpty()) {
            return;
        }
        boolean all = true;
        for (String name : ProcessingGroups.PROJECTIONS) {
            var processor = processing.eventProcessor(name, StreamingEventProcessor.class);
            if (processor.isEmpty() || !processor.get().supportsReset()) {
                continue;
            }
            StreamingEventProcessor p = processor.get();
            p.shutDown();
            try {
                p.resetTokens(source -> (TrackingToken) source.createTailToken(), new ProjectionReset(null));
            } catch (RuntimeException heldElsewhere) {
                all = false;
                log.warn("Projection {} is held by another instance: rebuilt at the next check", name);
            } finally {
                p.start();
            }
        }
        if (all) {
            requests.forEach(
                    request -> mongo.getCollection(COLLECTION).deleteOne(Filters.eq("_id", request.get("_id"))));
            log.info("Every view rebuilt after {} erasure(s)", requests.size());
        }
    }
}
