package io.certtrail.query.certificate;

import io.certtrail.events.certificate.CertificateFormat;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * The certification office's lists as read: applications not approved yet, oldest first, each with
 * why it waits (applications are approved automatically on their day, the command side's sweep, so
 * what is left past its day has a reason the office must look at), and applications to review.
 */
@Component
public class ApprovalQueueReads {

    private final MongoTemplate mongo;
    private final Revocations revocations;
    private final Clock clock;

    ApprovalQueueReads(MongoTemplate mongo, Revocations revocations, Clock clock) {
        this.mongo = mongo;
        this.revocations = revocations;
        this.clock = clock;
    }

    /** Why an application is not approved yet. */
    public enum Reason {
        /** The certificate took effect too recently: approved automatically on {@code availableFrom}. */
        NOT_YET_ITS_DAY,
        /** Its day has come: the next automatic sweep (every minute by default) approves it. */
        DUE,
        /** The certificate was revoked: it is never approved. */
        CERTIFICATE_REVOKED,
        /** The holder asks for a new paper certificate (lost or damaged): the office decides. */
        REPLACEMENT_REQUESTED,
        /** The holder asks to print another name ({@code requestedName}): the office approves or refuses it. */
        NAME_CORRECTION_REQUESTED,
        /**
         * The name to print is neither the account holder's nor an exam candidate's: the office approves
         * the application (accepting the name) or voids it; the sweep passes it by.
         */
        NAME_REVIEW
    }

    public record Waiting(
            String applicationId,
            String recordId,
            String certificateNumber,
            String certificationName,
            CertificateFormat format,
            String printedName,
            Instant requestedAt,
            LocalDate availableFrom,
            Reason reason,
            Instant revokedAt,
            String replacementCause,
            String requestedName) {}

    public record WaitingList(LocalDate today, int count, List<Waiting> applications) {}

    /**
     * Applications whose certificate's address has left the account that applied: the office looks
     * at each and voids those that are not the applicant's (the certificate's holder may then apply).
     */
    public List<ApplicationReview> toReview() {
        return mongo.findAll(ApplicationReview.class).stream()
                .sorted(Comparator.comparing(ApplicationReview::addressLeftAt)
                        .thenComparing(ApplicationReview::applicationId))
                .toList();
    }

    public WaitingList waiting() {
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        List<ApprovalQueue> all = mongo.findAll(ApprovalQueue.class);
        Map<String, Instant> revoked = revocations.of(
                all.stream().map(ApprovalQueue::certificateNumber).toList());
        List<Waiting> waiting = all.stream()
                .sorted(Comparator.comparing(ApprovalQueue::requestedAt).thenComparing(ApprovalQueue::applicationId))
                .map(a -> {
                    Instant revokedAt = revoked.get(a.certificateNumber());
                    Reason reason = revokedAt != null
                            ? Reason.CERTIFICATE_REVOKED
                            : a.replacementCause() != null
                                    ? Reason.REPLACEMENT_REQUESTED
                                    : a.requestedName() != null
                                            ? Reason.NAME_CORRECTION_REQUESTED
                                            : a.nameReview()
                                                    ? Reason.NAME_REVIEW
                                                    : today.isBefore(a.availableFrom())
                                                            ? Reason.NOT_YET_ITS_DAY
                                                            : Reason.DUE;
                    return new Waiting(
                            a.applicationId(),
                            a.recordId(),
                            a.certificateNumber(),
                            a.certificationName(),
                            a.format(),
                            a.printedName(),
                            a.requestedAt(),
                            a.availableFrom(),
                            reason,
                            revokedAt,
                            a.replacementCause(),
                            a.requestedName());
                })
                .toList();
        return new WaitingList(today, waiting.size(), waiting);
    }
}
