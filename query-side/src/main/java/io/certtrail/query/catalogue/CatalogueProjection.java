package io.certtrail.query.catalogue;

import io.certtrail.events.catalogue.CertificationDefined;
import io.certtrail.events.records.CertificationRecorded;
import io.certtrail.platform.axon.ProcessingGroups;
import io.certtrail.platform.operations.ProjectionReset;
import io.certtrail.query.support.ProjectionBatch;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * The catalogue as the office defined it, and the certification names records stated. Part of the
 * certificate register's processor (its events are rare and sequenced by the catalogue aggregate).
 * Idempotent: a definition replaces its name's document; a recorded name keeps minimums.
 */
@Component
@ProcessingGroup(ProcessingGroups.CERTIFICATE_REGISTER)
public class CatalogueProjection {

    private final MongoTemplate mongo;

    public CatalogueProjection(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @EventHandler
    void on(CertificationDefined event) {
        ProjectionBatch.current(mongo)
                .save(
                        event.certificationName(),
                        new CatalogueEntry(
                                event.certificationName(),
                                event.track(),
                                event.level(),
                                event.validityMonths(),
                                event.formats(),
                                event.revivesExpired(),
                                event.definedAt()));
    }

    @EventHandler
    void on(CertificationRecorded event) {
        ProjectionBatch.current(mongo)
                .update(
                        RecordedCertification.class,
                        event.certification().certificationName(),
                        new Update()
                                .min("exampleRecordId", event.recordId())
                                .min("firstRecordedAt", java.util.Date.from(event.receivedAt())),
                        true);
    }

    @ResetHandler
    void reset(ProjectionReset reset) {
        if (!reset.rebuild()) {
            return; // a replay: the documents take the events again, unchanged
        }
        mongo.dropCollection(CatalogueEntry.class);
        mongo.dropCollection(RecordedCertification.class);
    }
}
