package io.certtrail.query.records.web;

import static java.util.Comparator.comparing;
import static java.util.Comparator.naturalOrder;
import static java.util.Comparator.nullsLast;

import io.certtrail.platform.identity.Caller;
import io.certtrail.platform.privacy.Masking;
import io.certtrail.query.certificate.CertificateApplications.Application;
import io.certtrail.query.certificate.CertificateApplications;
import io.certtrail.query.certificate.CertificateStatus;
import io.certtrail.query.certificate.Revocations;
import io.certtrail.query.records.HolderRecords;
import io.certtrail.query.support.PageRequest.Page;
import io.certtrail.query.support.PageRequest;
import jakarta.validation.constraints.Min;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** My Training, My Exams, My Certificates: the signed-in holder's own records, paged and sorted. */
@RestController
@RequestMapping("/api/me")
class MyRecordsController {

    private final HolderRecords records;
    private final MongoTemplate mongo;
    private final Revocations revocations;
    private final Clock clock;

    MyRecordsController(HolderRecords records, MongoTemplate mongo, Revocations revocations, Clock clock) {
        this.records = records;
        this.mongo = mongo;
        this.revocations = revocations;
        this.clock = clock;
    }

    record TrainingView(String recordId, String courseCode, String courseName, String provider, LocalDate startDate,
            LocalDate endDate, String result, String email, Instant receivedAt) {
    }

    record ExamView(String recordId, String registrationNumber, String examCode, String examName, LocalDate examDate,
            int score, boolean passed, String email, Instant receivedAt) {
    }

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
    record CertificateView(String status, String certificationName, String certificateNumber, boolean renewal,
            LocalDate effectiveDate, LocalDate expirationDate, String email, String recordId, String applicationId,
            CertificateStatus certificateStatus, Instant revokedAt) {
    }

    private static <T, U extends Comparable<? super U>> Comparator<T> by(java.util.function.Function<T, U> key) {
        return comparing(key, nullsLast(naturalOrder()));
    }

    @GetMapping("/training")
    Page<TrainingView> myTraining(Caller caller, @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "20") int size,
            @RequestParam Optional<@Min(0) Long> minVersion, @RequestParam(defaultValue = "endDate,desc") String sort) {
        var views = records.of(caller.accountId(), minVersion).trainings().stream().map(e -> new TrainingView(e.recordId(),
                e.training().courseCode(), e.training().courseName(), e.training().provider(),
                e.training().startDate(), e.training().endDate(), e.training().result(),
                Masking.email(e.training().email()), e.receivedAt())).toList();
        return new PageRequest(page, size, sort).apply(views, Map.of(
                "endDate", by(TrainingView::endDate), "startDate", by(TrainingView::startDate),
                "courseName", by(TrainingView::courseName), "courseCode", by(TrainingView::courseCode)),
                by(TrainingView::recordId));
    }

    @GetMapping("/exams")
    Page<ExamView> myExams(Caller caller, @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "20") int size,
            @RequestParam Optional<@Min(0) Long> minVersion, @RequestParam(defaultValue = "examDate,desc") String sort) {
        var views = records.of(caller.accountId(), minVersion).exams().stream().map(e -> new ExamView(e.recordId(),
                e.exam().registrationNumber(), e.exam().examCode(), e.exam().examName(), e.exam().examDate(),
                e.exam().score(), e.exam().passed(), Masking.email(e.exam().email()), e.receivedAt())).toList();
        return new PageRequest(page, size, sort).apply(views, Map.of(
                "examDate", by(ExamView::examDate), "examCode", by(ExamView::examCode),
                "examName", by(ExamView::examName), "score", by(ExamView::score)),
                by(ExamView::recordId));
    }

    @GetMapping("/certificates")
    Page<CertificateView> myCertificates(Caller caller, @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "20") int size,
            @RequestParam Optional<@Min(0) Long> minVersion,
            @RequestParam(defaultValue = "effectiveDate,desc") String sort) {
        var certifications = records.certificationsOf(caller.accountId(), minVersion);
        CertificateApplications applied = mongo.findById(caller.accountId(), CertificateApplications.class);
        Map<String, Application> byRecord = new HashMap<>();
        if (applied != null) {
            applied.applications().forEach(a -> byRecord.put(a.recordId(), a));
        }
        Map<String, Instant> revoked = revocations.of(certifications.stream()
                .map(e -> e.certification().certificateNumber()).toList());
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        var views = certifications.stream().map(e -> {
            Application application = byRecord.get(e.recordId());
            Instant revokedAt = revoked.get(e.certification().certificateNumber());
            String status = application == null ? "NOT_APPLIED" : switch (application.status()) {
                case REQUESTED -> "REQUESTED";
                case VOIDED -> "VOIDED";
                case APPROVED, SHIPPED -> "APPROVED";
            };
            return new CertificateView(status, e.certification().certificationName(),
                    e.certification().certificateNumber(), e.certification().renewal(),
                    e.certification().effectiveDate(), e.certification().expirationDate(),
                    Masking.email(e.certification().email()), e.recordId(),
                    application == null ? null : application.applicationId(),
                    CertificateStatus.of(e.certification().expirationDate(), revokedAt, today), revokedAt);
        }).toList();
        return new PageRequest(page, size, sort).apply(views, Map.of(
                "effectiveDate", by(CertificateView::effectiveDate),
                "expirationDate", by(CertificateView::expirationDate),
                "certificationName", by(CertificateView::certificationName),
                "certificateNumber", by(CertificateView::certificateNumber)),
                by(CertificateView::certificateNumber));
    }
}
