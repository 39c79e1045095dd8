package io.certtrail.query.certificate;

import io.certtrail.events.certificate.CertificateApplied;
import io.certtrail.events.certificate.PrintedNameCorrectionDecided;
import io.certtrail.events.records.CertificationEarned;
import io.certtrail.events.records.CertificationRecorded;
import io.certtrail.events.records.CertificationRenewed;
import io.certtrail.events.records.CertificationRevoked;
import io.certtrail.platform.axon.ProcessingGroups;
import io.certtrail.platform.operations.ProjectionReset;
import io.certtrail.query.support.ProjectionBatch;
import java.util.List;
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
            .from(CertificationRevoked.class, CertificationRevoked::certificateNumber)
            .from(CertificationRenewed.class, CertificationRenewed::certificateNumber);

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
                        moved.replacedBy(
                                earned.certificateNumber(),
                                new CertificateRegister.Change(
                                        CertificateRegister.ChangeKind.NUMBER_CHANGED,
                                        event.receivedAt(),
                                        event.revision(),
                                        earned.effectiveDate(),
                                        earned.expirationDate(),
                                        earned.certificateNumber())));
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
                        null,
                        history(base, event),
                        earned.expirationDate(),
                        base == null ? null : base.renewedTo()));
    }

    /**
     * The history of the entry under the event's number: issued, or (for a correction) renewed when
     * the expiration moved later, corrected otherwise, or its number changed from another.
     */
    private static List<CertificateRegister.Change> history(CertificateRegister base, CertificationRecorded event) {
        CertificationEarned now = event.certification();
        CertificationEarned before = event.replaced();
        CertificateRegister.ChangeKind kind;
        String other = null;
        if (before == null || base == null) {
            kind = CertificateRegister.ChangeKind.ISSUED;
        } else if (!before.certificateNumber().equals(now.certificateNumber())) {
            kind = CertificateRegister.ChangeKind.NUMBER_CHANGED;
            other = before.certificateNumber();
        } else if (before.expirationDate() != null
                && now.expirationDate() != null
                && now.expirationDate().isAfter(before.expirationDate())
                && java.util.Objects.equals(before.effectiveDate(), now.effectiveDate())) {
            kind = CertificateRegister.ChangeKind.RENEWED;
        } else {
            kind = CertificateRegister.ChangeKind.CORRECTED;
        }
        CertificateRegister.Change change = new CertificateRegister.Change(
                kind, event.receivedAt(), event.revision(), now.effectiveDate(), now.expirationDate(), other);
        return base == null ? List.of(change) : base.plus(change);
    }

    @EventHandler
    void on(CertificateApplied event) {
        update(event.certificateNumber(), event.recordId(), entry -> entry.named(event.fullName()));
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
            batch.save(number, entry.named(event.fullName()));
            number = entry.replacedBy();
        }
    }

    @EventHandler
    void on(CertificationRevoked event) {
        update(event.certificateNumber(), event.recordId(), entry -> entry.revoked(event.revokedAt()));
    }

    /**
     * A renewal (or its withdrawal) sets the date that holds over the record's own, and goes into the
     * history with the certification that caused it.
     */
    @EventHandler
    void on(CertificationRenewed event) {
        boolean withdrawn = event.rule() == CertificationRenewed.RenewalRule.CAUSE_WITHDRAWN;
        update(
                event.certificateNumber(),
                event.recordId(),
                entry -> entry.renewed(
                        event.expirationDate(),
                        new CertificateRegister.Change(
                                withdrawn
                                        ? CertificateRegister.ChangeKind.RENEWAL_WITHDRAWN
                                        : CertificateRegister.ChangeKind.RENEWED,
                                event.renewedAt(),
                                0,
                                entry.effectiveDate(),
                                event.expirationDate(),
                                null,
                                event.causeCertificationName())));
    }

    private void update(String number, String recordId, java.util.function.UnaryOperator<CertificateRegister> change) {
        ProjectionBatch batch = ProjectionBatch.current(mongo);
        CertificateRegister entry = batch.find(REGISTER, number);
        if (entry == null) {
            // the certification arrived before (events of one record are in order); keep what is known
            entry = new CertificateRegister(number, recordId, null, null, null, null, null, null, null, null, null);
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
