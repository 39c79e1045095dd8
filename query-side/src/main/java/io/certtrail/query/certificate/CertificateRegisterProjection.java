package io.certtrail.query.certificate;

import io.certtrail.events.certificate.CertificateApplied;
import io.certtrail.events.certificate.PrintedNameCorrectionDecided;
import io.certtrail.events.records.CertificationEarned;
import io.certtrail.events.records.CertificationRecorded;
import io.certtrail.events.records.CertificationRevoked;
import io.certtrail.platform.axon.ProcessingGroups;
import io.certtrail.platform.operations.ProjectionReset;
import io.certtrail.query.support.ProjectionBatch;
import java.util.Objects;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * Builds {@link CertificateRegister}. Each handler sets fields from its event alone, so an event
 * handled twice leaves the same document. A correction that changes a certificate's number moves
 * the entry to the new number.
 */
@Component
@ProcessingGroup(ProcessingGroups.CERTIFICATE_REGISTER)
public class CertificateRegisterProjection {

    private static final ProjectionBatch.Reads<CertificateRegister> REGISTER = ProjectionBatch.Reads.of(
                    CertificateRegister.class)
            .from(CertificationRecorded.class, event -> event.certification().certificateNumber())
            .from(
                    CertificationRecorded.class,
                    event -> event.replaced() == null ? null : event.replaced().certificateNumber())
            .from(CertificateApplied.class, CertificateApplied::certificateNumber)
            .from(PrintedNameCorrectionDecided.class, PrintedNameCorrectionDecided::certificateNumber)
            .from(CertificationRevoked.class, CertificationRevoked::certificateNumber);

    private final MongoTemplate mongo;

    public CertificateRegisterProjection(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @EventHandler
    void on(CertificationRecorded event) {
        ProjectionBatch batch = ProjectionBatch.current(mongo);
        CertificationEarned earned = event.certification();
        CertificateRegister previous = null;
        if (event.replaced() != null && !event.replaced().certificateNumber().equals(earned.certificateNumber())) {
            CertificateRegister moved = batch.find(REGISTER, event.replaced().certificateNumber());
            if (moved != null && event.recordId().equals(moved.recordId())) {
                previous = moved;
                // the old number keeps answering, as replaced by the new one
                batch.save(
                        moved.certificateNumber(),
                        new CertificateRegister(
                                moved.certificateNumber(),
                                moved.recordId(),
                                moved.certificationName(),
                                moved.effectiveDate(),
                                moved.expirationDate(),
                                moved.holderName(),
                                moved.revokedAt(),
                                earned.certificateNumber()));
            }
        }
        CertificateRegister current = batch.find(REGISTER, earned.certificateNumber());
        // a number once replaced and now stated by another record starts afresh
        CertificateRegister base = current != null && event.recordId().equals(current.recordId()) ? current : previous;
        batch.save(
                earned.certificateNumber(),
                new CertificateRegister(
                        earned.certificateNumber(),
                        event.recordId(),
                        earned.certificationName(),
                        earned.effectiveDate(),
                        earned.expirationDate(),
                        base == null ? null : base.holderName(),
                        base == null ? null : base.revokedAt(),
                        null));
    }

    @EventHandler
    void on(CertificateApplied event) {
        update(
                event.certificateNumber(),
                event.recordId(),
                entry -> new CertificateRegister(
                        entry.certificateNumber(),
                        entry.recordId(),
                        entry.certificationName(),
                        entry.effectiveDate(),
                        entry.expirationDate(),
                        event.fullName(),
                        entry.revokedAt(),
                        entry.replacedBy()));
    }

    /**
     * An accepted name is the printed one from now on, under the number applied for and under the
     * number a correction gave it since.
     */
    @EventHandler
    void on(PrintedNameCorrectionDecided event) {
        if (!event.approved()) {
            return;
        }
        ProjectionBatch batch = ProjectionBatch.current(mongo);
        String number = event.certificateNumber();
        for (int hop = 0; number != null && hop < 10; hop++) {
            CertificateRegister entry = batch.find(REGISTER, number);
            if (entry == null) {
                return;
            }
            batch.save(
                    number,
                    new CertificateRegister(
                            entry.certificateNumber(),
                            entry.recordId(),
                            entry.certificationName(),
                            entry.effectiveDate(),
                            entry.expirationDate(),
                            event.fullName(),
                            entry.revokedAt(),
                            entry.replacedBy()));
            number = entry.replacedBy();
        }
    }

    @EventHandler
    void on(CertificationRevoked event) {
        update(
                event.certificateNumber(),
                event.recordId(),
                entry -> new CertificateRegister(
                        entry.certificateNumber(),
                        entry.recordId(),
                        entry.certificationName(),
                        entry.effectiveDate(),
                        entry.expirationDate(),
                        entry.holderName(),
                        Objects.requireNonNullElse(entry.revokedAt(), event.revokedAt()),
                        entry.replacedBy()));
    }

    private void update(String number, String recordId, java.util.function.UnaryOperator<CertificateRegister> change) {
        ProjectionBatch batch = ProjectionBatch.current(mongo);
        CertificateRegister entry = batch.find(REGISTER, number);
        if (entry == null) {
            // the certification arrived before (events of one record are in order); keep what is known
            entry = new CertificateRegister(number, recordId, null, null, null, null, null, null);
        }
        batch.save(number, change.apply(entry));
    }

    @ResetHandler
    void reset(ProjectionReset reset) {
        if (!reset.rebuild()) {
            return; // a replay: the documents take the events again, unchanged
        }
        mongo.dropCollection(CertificateRegister.class);
    }
}
