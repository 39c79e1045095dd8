package io.certtrail.query.records;

import static java.util.Comparator.comparing;
import static java.util.Comparator.naturalOrder;
import static java.util.Comparator.nullsLast;

import io.certtrail.platform.privacy.Masking;
import io.certtrail.query.certificate.CertificateApplications;
import io.certtrail.query.certificate.CertificateApplications.Application;
import io.certtrail.query.certificate.CertificateStatus;
import io.certtrail.query.certificate.MyCertificateApplications;
import io.certtrail.query.certificate.Revocations;
import io.certtrail.query.support.PageRequest;
import io.certtrail.query.support.PageRequest.Page;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * My Training, My Exams, My Certificates as read: a holder's own records, paged and sorted, each
 * certificate with its application's state and its own (valid, expired, revoked).
 */
@Component
public class MyRecordReads {

    private final HolderRecords records;
    private final MyCertificateApplications applications;
    private final Revocations revocations;
    private final Clock clock;

    MyRecordReads(HolderRecords records, MyCertificateApplications applications, Revocations revocations, Clock clock) {
        this.records = records;
        this.applications = applications;
        this.revocations = revocations;
        this.clock = clock;
    }

    public record TrainingView(
            String recordId,
            String courseCode,
            String courseName,
            String provider,
            LocalDate startDate,
            LocalDate endDate,
            String result,
            String email,
            Instant receivedAt) {}

    public record ExamView(
            String recordId,
            String registrationNumber,
            String examCode,
            String examName,
            LocalDate examDate,
            int score,
            boolean passed,
            String email,
            Instant receivedAt) {}

    /**
     * The columns of the guides' My Certificates table.
     *
     * @param status the application's: NOT_APPLIED, REQUESTED, APPROVED (a shipped paper certificate is
     *        approved) or VOIDED (by the office)
     * @param recordId what an application names the certificate by
     * @param applicationId this account's application for it, if any
     * @param email masked, as in the guides
     * @param certificateStatus the certificate's own: VALID, EXPIRED or REVOKED
     * @param revokedAt when the certification office revoked it, if it did
     */
    public record CertificateView(
            String status,
            String certificationName,
            String certificateNumber,
            boolean renewal,
            LocalDate effectiveDate,
            LocalDate expirationDate,
            String email,
            String recordId,
            String applicationId,
            CertificateStatus certificateStatus,
            Instant revokedAt) {}

    private static <T, U extends Comparable<? super U>> Comparator<T> by(java.util.function.Function<T, U> key) {
        return comparing(key, nullsLast(naturalOrder()));
    }

    public Page<TrainingView> training(String accountId, PageRequest request, Optional<Long> minVersion) {
        var views = records.of(accountId, minVersion).trainings().stream()
                .map(e -> new TrainingView(
                        e.recordId(),
                        e.training().courseCode(),
                        e.training().courseName(),
                        e.training().provider(),
                        e.training().startDate(),
                        e.training().endDate(),
                        e.training().result(),
                        Masking.email(e.training().email()),
                        e.receivedAt()))
                .toList();
        return request.apply(
                views,
                Map.of(
                        "endDate",
                        by(TrainingView::endDate),
                        "startDate",
                        by(TrainingView::startDate),
                        "courseName",
                        by(TrainingView::courseName),
                        "courseCode",
                        by(TrainingView::courseCode)),
                by(TrainingView::recordId));
    }

    public Page<ExamView> exams(String accountId, PageRequest request, Optional<Long> minVersion) {
        var views = records.of(accountId, minVersion).exams().stream()
                .map(e -> new ExamView(
                        e.recordId(),
                        e.exam().registrationNumber(),
                        e.exam().examCode(),
                        e.exam().examName(),
                        e.exam().examDate(),
                        e.exam().score(),
                        e.exam().passed(),
                        Masking.email(e.exam().email()),
                        e.receivedAt()))
                .toList();
        return request.apply(
                views,
                Map.of(
                        "examDate",
                        by(ExamView::examDate),
                        "examCode",
                        by(ExamView::examCode),
                        "examName",
                        by(ExamView::examName),
                        "score",
                        by(ExamView::score)),
                by(ExamView::recordId));
    }

    public Page<CertificateView> certificates(String accountId, PageRequest request, Optional<Long> minVersion) {
        var certifications = records.certificationsOf(accountId, minVersion);
        CertificateApplications applied = applications.applications(accountId);
        Map<String, Application> byRecord = new HashMap<>();
        if (applied != null) {
            applied.applications().forEach(a -> byRecord.put(a.recordId(), a));
        }
        Map<String, Instant> revoked = revocations.of(certifications.stream()
                .map(e -> e.certification().certificateNumber())
                .toList());
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        var views = certifications.stream()
                .map(e -> {
                    Application application = byRecord.get(e.recordId());
                    Instant revokedAt = revoked.get(e.certification().certificateNumber());
                    String status = application == null
                            ? "NOT_APPLIED"
                            : switch (application.status()) {
                                case REQUESTED -> "REQUESTED";
                                case VOIDED -> "VOIDED";
                                case APPROVED, SHIPPED -> "APPROVED";
                            };
                    return new CertificateView(
                            status,
                            e.certification().certificationName(),
                            e.certification().certificateNumber(),
                            e.certification().renewal(),
                            e.certification().effectiveDate(),
                            e.certification().expirationDate(),
                            Masking.email(e.certification().email()),
                            e.recordId(),
                            application == null ? null : application.applicationId(),
                            CertificateStatus.of(e.certification().expirationDate(), revokedAt, today),
                            revokedAt);
                })
                .toList();
        return request.apply(
                views,
                Map.of(
                        "effectiveDate", by(CertificateView::effectiveDate),
                        "expirationDate", by(CertificateView::expirationDate),
                        "certificationName", by(CertificateView::certificationName),
                        "certificateNumber", by(CertificateView::certificateNumber)),
                by(CertificateView::certificateNumber));
    }
}
