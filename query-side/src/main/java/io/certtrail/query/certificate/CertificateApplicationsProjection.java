package io.certtrail.query.certificate;

import io.certtrail.events.account.EmailDisassociated;
import io.certtrail.events.certificate.CertificateApplicationEvent;
import io.certtrail.events.certificate.CertificateApplicationVoided;
import io.certtrail.events.certificate.CertificateApplied;
import io.certtrail.events.certificate.CertificateApproved;
import io.certtrail.events.certificate.CertificateFormat;
import io.certtrail.events.certificate.MailingInformationChanged;
import io.certtrail.events.certificate.PackageShipped;
import io.certtrail.events.certificate.PrintedNameCorrectionDecided;
import io.certtrail.events.certificate.PrintedNameCorrectionRequested;
import io.certtrail.events.certificate.ReplacementDecided;
import io.certtrail.events.certificate.ReplacementRequested;
import io.certtrail.platform.axon.ProcessingGroups;
import io.certtrail.platform.operations.ProjectionReset;
import io.certtrail.platform.readmodels.AddressRecords;
import io.certtrail.query.certificate.CertificateApplications.Application;
import io.certtrail.query.certificate.CertificateApplications.Status;
import io.certtrail.query.support.ProjectionBatch;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * Builds {@link CertificateApplications}, and from the same events the office's
 * {@link ApprovalQueue} and logistics' {@link ShipmentQueue} (an application's entries follow its state). Idempotent: each application remembers the sequence
 * number of the last event applied to it; an event at or below it changes nothing.
 */
@Component
@ProcessingGroup(ProcessingGroups.CERTIFICATE_APPLICATIONS)
public class CertificateApplicationsProjection {

    private static final ProjectionBatch.Reads<CertificateApplications> APPLICATIONS = ProjectionBatch.Reads.of(
                    CertificateApplications.class)
            .from(CertificateApplicationEvent.class, CertificateApplicationEvent::accountId)
            .from(EmailDisassociated.class, EmailDisassociated::accountId);

    private final MongoTemplate mongo;

    public CertificateApplicationsProjection(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @EventHandler
    void on(CertificateApplicationEvent event, @SequenceNumber long sequence) {
        ProjectionBatch batch = ProjectionBatch.current(mongo);
        CertificateApplications current = batch.find(APPLICATIONS, event.accountId());
        List<Application> applications = new ArrayList<>(current == null ? List.of() : current.applications());
        Application existing = applications.stream()
                .filter(a -> a.applicationId().equals(event.applicationId()))
                .findFirst()
                .orElse(null);
        if (existing != null && sequence <= existing.version()) {
            return;
        }
        Application next = evolve(existing, event, sequence);
        if (next == null) {
            return; // a later event without its application: cannot happen in order, ignore rather than invent
        }
        applications.removeIf(a -> a.applicationId().equals(event.applicationId()));
        applications.add(next);
        batch.save(event.accountId(), new CertificateApplications(event.accountId(), applications));
        if (next.format() == CertificateFormat.PAPER) {
            queue(batch, next, event.accountId());
        }
        if (next.status() == Status.VOIDED) {
            batch.delete(ApplicationReview.class, next.applicationId());
        }
        boolean replacementAsked = next.replacement() != null
                && "REQUESTED".equals(next.replacement().status());
        boolean nameAsked = next.status() != Status.VOIDED
                && next.nameCorrection() != null
                && "REQUESTED".equals(next.nameCorrection().status());
        if (next.status() == Status.REQUESTED || replacementAsked || nameAsked) {
            Instant since = nameAsked
                    ? next.nameCorrection().requestedAt()
                    : replacementAsked ? next.replacement().requestedAt() : next.requestedAt();
            batch.save(
                    next.applicationId(),
                    new ApprovalQueue(
                            next.applicationId(),
                            next.version(),
                            event.accountId(),
                            next.recordId(),
                            next.certificateNumber(),
                            next.certificationName(),
                            next.format(),
                            next.fullName(),
                            since,
                            next.availableFrom(),
                            replacementAsked ? next.replacement().cause() : null,
                            next.nameReview(),
                            nameAsked ? next.nameCorrection().fullName() : null));
        } else {
            batch.delete(ApprovalQueue.class, next.applicationId());
        }
    }

    /**
     * An approved paper application waits in logistics' queue until its package is shipped; so does
     * an approved replacement, from its approval.
     */
    private static void queue(ProjectionBatch batch, Application application, String accountId) {
        boolean replacement = application.replacement() != null
                && "APPROVED".equals(application.replacement().status());
        if (application.status() == Status.APPROVED || (application.status() == Status.SHIPPED && replacement)) {
            batch.save(
                    application.applicationId(),
                    new ShipmentQueue(
                            application.applicationId(),
                            application.version(),
                            accountId,
                            application.certificateNumber(),
                            application.certificationName(),
                            application.fullName(),
                            application.mailing(),
                            application.requestedAt(),
                            replacement ? application.replacement().decidedAt() : application.approvedAt(),
                            replacement));
        } else {
            batch.delete(ShipmentQueue.class, application.applicationId());
        }
    }

    /**
     * An address left the account: its applications for certificates recorded for that address are
     * flagged to the office ({@link ApplicationReview}). The certificates of the address are read from
     * the records view (they were recorded before anyone could apply for them).
     */
    @EventHandler
    void on(EmailDisassociated event) {
        ProjectionBatch batch = ProjectionBatch.current(mongo);
        CertificateApplications current = batch.find(APPLICATIONS, event.accountId());
        if (current == null || current.applications().isEmpty()) {
            return;
        }
        AddressRecords records = mongo.findById(event.addressKey(), AddressRecords.class);
        if (records == null) {
            return;
        }
        java.util.Set<String> there = new java.util.HashSet<>();
        records.certifications().forEach(entry -> there.add(entry.recordId()));
        for (Application application : current.applications()) {
            if (there.contains(application.recordId()) && application.status() != Status.VOIDED) {
                batch.save(
                        application.applicationId(),
                        new ApplicationReview(
                                application.applicationId(),
                                event.accountId(),
                                application.recordId(),
                                application.certificateNumber(),
                                application.certificationName(),
                                application.status().name(),
                                event.cause(),
                                event.disassociatedAt()));
            }
        }
    }

    @ResetHandler
    void reset(ProjectionReset reset) {
        if (!reset.rebuild()) {
            return; // a replay: the documents take the events again, unchanged
        }
        mongo.dropCollection(CertificateApplications.class);
        mongo.dropCollection(ShipmentQueue.class);
        mongo.dropCollection(ApprovalQueue.class);
        mongo.dropCollection(ApplicationReview.class);
    }

    static Application evolve(Application a, CertificateApplicationEvent event, long version) {
        if (event instanceof CertificateApplied e) {
            return new Application(
                    e.applicationId(),
                    version,
                    e.recordId(),
                    e.certificateNumber(),
                    e.certificationName(),
                    e.effectiveDate(),
                    e.expirationDate(),
                    e.addressKey(),
                    e.email(),
                    e.format(),
                    e.fullName(),
                    e.phone(),
                    e.mailing(),
                    Status.REQUESTED,
                    e.appliedAt(),
                    e.availableFrom(),
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    Boolean.TRUE.equals(e.nameReview()),
                    null);
        }
        if (a == null) {
            return null;
        }
        if (event instanceof CertificateApproved e) {
            return a.approved(version, e.approvedAt());
        }
        if (event instanceof MailingInformationChanged e) {
            return a.mailedTo(version, e.mailing());
        }
        if (event instanceof CertificateApplicationVoided e) {
            return a.voided(version, e.reason(), e.voidedAt());
        }
        if (event instanceof ReplacementRequested e) {
            return a.withReplacement(
                    version,
                    new CertificateApplications.Replacement("REQUESTED", e.cause(), e.requestedAt(), null, null, null),
                    e.mailing());
        }
        if (event instanceof ReplacementDecided e) {
            CertificateApplications.Replacement r = a.replacement();
            return a.withReplacement(
                    version,
                    new CertificateApplications.Replacement(
                            e.approved() ? "APPROVED" : "REFUSED",
                            r == null ? null : r.cause(),
                            r == null ? null : r.requestedAt(),
                            e.decidedAt(),
                            e.reason(),
                            null),
                    a.mailing());
        }
        if (event instanceof PrintedNameCorrectionRequested e) {
            return a.withNameCorrection(
                    version,
                    new CertificateApplications.NameCorrection("REQUESTED", e.fullName(), e.requestedAt(), null, null));
        }
        if (event instanceof PrintedNameCorrectionDecided e) {
            CertificateApplications.NameCorrection asked = a.nameCorrection();
            return a.withNameCorrection(
                    version,
                    new CertificateApplications.NameCorrection(
                            e.approved() ? "APPROVED" : "REFUSED",
                            e.approved() ? e.fullName() : asked == null ? null : asked.fullName(),
                            asked == null ? null : asked.requestedAt(),
                            e.decidedAt(),
                            e.reason()));
        }
        PackageShipped e = (PackageShipped) event;
        Application shipped = a.shipped(version, e.courier(), e.expressOrderNumber(), e.shippedAt());
        if (Boolean.TRUE.equals(e.replacement()) && a.replacement() != null) {
            CertificateApplications.Replacement r = a.replacement();
            return shipped.withReplacement(
                    version,
                    new CertificateApplications.Replacement(
                            "SHIPPED", r.cause(), r.requestedAt(), r.decidedAt(), null, e.shippedAt()),
                    shipped.mailing());
        }
        return shipped;
    }
}
