package io.certtrail.query.credentials;

import io.certtrail.events.records.CertificationRecorded;
import io.certtrail.events.records.CertificationRevoked;
import io.certtrail.platform.axon.ProcessingGroups;
import io.certtrail.platform.operations.ProjectionReset;
import io.certtrail.query.credentials.CredentialStatusDocuments.StatusEntry;
import io.certtrail.query.credentials.CredentialStatusDocuments.StatusList;
import io.certtrail.query.support.ProjectionBatch;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.TrackingToken;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * The certificates' places in the Bitstring Status Lists (rule 28), beside the certificate
 * register (same processing group, rebuilt with it). A certificate gets its place when it is first
 * recorded under a number; its bit is set when the office revokes it, or when a correction gives it
 * another number (the credential naming the old number no longer holds; the holder downloads a new
 * one). Bits are only ever set, so an event handled twice changes nothing.
 */
@Component
@ProcessingGroup(ProcessingGroups.CERTIFICATE_REGISTER)
class CredentialStatusProjection {

    /** Bits in one list: the Bitstring Status List's minimum (16 KiB), which keeps holders in a crowd. */
    static final int LIST_SIZE = 131_072;

    private static final Logger log = LoggerFactory.getLogger(CredentialStatusProjection.class);

    private static final ProjectionBatch.Reads<StatusEntry> ENTRIES = ProjectionBatch.Reads.of(StatusEntry.class)
            .from(
                    CertificationRecorded.class,
                    e -> StatusEntry.idOf(e.recordId(), e.certification().certificateNumber()))
            .from(
                    CertificationRecorded.class,
                    e -> e.replaced() == null
                            ? null
                            : StatusEntry.idOf(e.recordId(), e.replaced().certificateNumber()))
            .from(CertificationRevoked.class, e -> StatusEntry.idOf(e.recordId(), e.certificateNumber()));

    private final MongoTemplate mongo;
    private final EventPositions positions;

    CredentialStatusProjection(MongoTemplate mongo, EventPositions positions) {
        this.mongo = mongo;
        this.positions = positions;
    }

    @EventHandler
    void on(
            CertificationRecorded event,
            TrackingToken token,
            @org.axonframework.messaging.annotation.MessageIdentifier String eventId) {
        ProjectionBatch batch = ProjectionBatch.current(mongo);
        String number = event.certification().certificateNumber();
        String id = StatusEntry.idOf(event.recordId(), number);
        if (batch.find(ENTRIES, id) == null) {
            // the event's own place: two certificates never share a bit (EventPositions)
            java.util.OptionalLong position = positions.of(eventId, token);
            if (position.isEmpty()) {
                log.warn(
                        "No event position for record {}: its certificate gets no status list entry", event.recordId());
            } else {
                long at = position.getAsLong();
                batch.save(id, new StatusEntry(id, at / LIST_SIZE, (int) (at % LIST_SIZE)));
            }
        }
        if (event.replaced() != null && !event.replaced().certificateNumber().equals(number)) {
            set(batch, StatusEntry.idOf(event.recordId(), event.replaced().certificateNumber()));
        }
    }

    @EventHandler
    void on(CertificationRevoked event) {
        set(ProjectionBatch.current(mongo), StatusEntry.idOf(event.recordId(), event.certificateNumber()));
    }

    private void set(ProjectionBatch batch, String id) {
        StatusEntry entry = batch.find(ENTRIES, id);
        if (entry != null) {
            batch.update(
                    StatusList.class,
                    String.valueOf(entry.list()),
                    new Update().addToSet("revoked", entry.index()),
                    true);
        }
    }

    @ResetHandler
    void reset(ProjectionReset reset) {
        if (reset.rebuild()) {
            mongo.dropCollection(StatusEntry.class);
            mongo.dropCollection(StatusList.class);
        }
    }
}
