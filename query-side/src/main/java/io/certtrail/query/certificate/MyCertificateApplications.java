package io.certtrail.query.certificate;

import io.certtrail.events.certificate.CertificateApplied;
import io.certtrail.events.certificate.CertificateFormat;
import io.certtrail.events.certificate.MailingInformation;
import io.certtrail.platform.error.DomainException;
import io.certtrail.platform.error.ErrorCode;
import io.certtrail.platform.i18n.Text;
import io.certtrail.platform.privacy.Masking;
import io.certtrail.platform.readmodels.AddressRecords.CertificationEntry;
import io.certtrail.platform.web.PublicUrls;
import io.certtrail.query.catalogue.CatalogueFormatReads;
import io.certtrail.query.certificate.CertificateApplications.Application;
import io.certtrail.query.records.HolderRecords;
import io.certtrail.query.support.ReadModelWait;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * A holder's certificate applications as read, with the rules of reading them: what they may still
 * apply for, how each application stands (its certificate as their records state it now), and the
 * e-certificate download (rule 8: approved, electronic, not revoked, still theirs, never for a
 * third-party account). Everything is looked up from the given account, so no identifier in a
 * request can reach someone else's application.
 */
@Component
public class MyCertificateApplications {

    private final MongoTemplate mongo;
    private final HolderRecords records;
    private final ReadModelWait wait;
    private final CertificatePdf pdf;
    private final PdfSignature signature;
    private final PublicUrls urls;
    private final Clock clock;
    private final Revocations revocations;
    private final CatalogueFormatReads formats;

    MyCertificateApplications(
            MongoTemplate mongo,
            HolderRecords records,
            ReadModelWait wait,
            CertificatePdf pdf,
            PdfSignature signature,
            PublicUrls urls,
            Clock clock,
            Revocations revocations,
            CatalogueFormatReads formats) {
        this.revocations = revocations;
        this.formats = formats;
        this.mongo = mongo;
        this.records = records;
        this.wait = wait;
        this.pdf = pdf;
        this.signature = signature;
        this.urls = urls;
        this.clock = clock;
    }

    /**
     * @param email the address the certificate was sent to, masked as in My Certificates
     * @param formats the formats this certification is issued in: apply with one of them
     */
    public record Eligible(
            String recordId,
            String certificationName,
            String certificateNumber,
            LocalDate effectiveDate,
            LocalDate expirationDate,
            String email,
            List<CertificateFormat> formats) {}

    /**
     * @param downloadUrl for an approved electronic certificate
     * @param courier for a shipped paper package, with its order number
     * @param nameReview the name to print is neither the account holder's nor an exam candidate's: the
     *        certification office approves the application by hand
     * @param nameCorrection the holder's latest request to print another name, and the office's decision
     */
    public record ApplicationView(
            String applicationId,
            long applicationVersion,
            String status,
            String recordId,
            String certificationName,
            String certificateNumber,
            CertificateFormat format,
            Instant requestedAt,
            LocalDate availableFrom,
            Instant approvedAt,
            String fullName,
            String phone,
            String email,
            MailingInformation mailing,
            String courier,
            String expressOrderNumber,
            Instant shippedAt,
            String downloadUrl,
            CertificateStatus certificateStatus,
            Instant revokedAt,
            Instant voidedAt,
            String voidReason,
            CertificateApplications.Replacement replacement,
            boolean nameReview,
            CertificateApplications.NameCorrection nameCorrection) {}

    public List<Eligible> eligible(String accountId) {
        Set<String> applied = applications(accountId).applications().stream()
                .map(Application::recordId)
                .collect(Collectors.toSet());
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        return records.certificationsOf(accountId, Optional.empty()).stream()
                .filter(entry -> !applied.contains(entry.recordId()))
                .filter(entry -> entry.certification().expirationDate() == null
                        || !today.isAfter(entry.certification().expirationDate()))
                .filter(entry -> !revoked(entry.certification().certificateNumber()))
                .map(entry -> new Eligible(
                        entry.recordId(),
                        entry.certification().certificationName(),
                        entry.certification().certificateNumber(),
                        entry.certification().effectiveDate(),
                        entry.certification().expirationDate(),
                        Masking.email(entry.certification().email()),
                        formats.of(entry.certification().certificationName())))
                .sorted(Comparator.comparing(Eligible::effectiveDate, Comparator.nullsLast(Comparator.reverseOrder())))
                .toList();
    }

    public List<ApplicationView> list(String accountId) {
        List<Application> all = current(accountId, applications(accountId).applications());
        Map<String, Instant> revoked =
                revocations.of(all.stream().map(Application::certificateNumber).toList());
        return all.stream()
                .sorted(Comparator.comparing(Application::requestedAt).reversed())
                .map(a -> view(a, revoked.get(a.certificateNumber())))
                .toList();
    }

    /** @param minVersion the application version a command answered with: read your own write */
    public ApplicationView one(String applicationId, Optional<Long> minVersion, String accountId) {
        CertificateApplications mine = minVersion.isEmpty()
                ? applications(accountId)
                : wait.untilVersion(
                        applicationId,
                        minVersion.get(),
                        new ReadModelWait.Visibility(
                                first -> first instanceof CertificateApplied applied
                                        && applied.accountId().equals(accountId),
                                MyCertificateApplications::notFound),
                        CertificateApplications.class,
                        accountId,
                        () -> applications(accountId),
                        doc -> doc.find(applicationId)
                                .map(a -> a.version() >= minVersion.get())
                                .orElse(false));
        Application application = current(
                        accountId, List.of(mine.find(applicationId).orElseThrow(MyCertificateApplications::notFound)))
                .get(0);
        return view(application, revocations.of(application.certificateNumber()));
    }

    /**
     * The e-certificate (rule 8): for an approved electronic application of this account, while the
     * certificate is still among its records and not revoked; never for third-party accounts.
     */
    public Download download(String applicationId, String accountId, boolean thirdParty) {
        Issued application = issued(applicationId, accountId, thirdParty);
        java.util.Locale locale = org.springframework.context.i18n.LocaleContextHolder.getLocale();
        byte[] document = pdf.render(
                new CertificatePdf.Content(
                        application.fullName(),
                        application.certificationName(),
                        application.certificateNumber(),
                        application.effectiveDate(),
                        application.expirationDate(),
                        LocalDate.ofInstant(application.approvedAt(), ZoneOffset.UTC),
                        urls.verification(application.certificateNumber())),
                locale);
        return new Download(
                signature.sign(document, "E-certificate " + application.certificateNumber()),
                "certificate-" + application.certificateNumber() + ".pdf");
    }

    /**
     * An electronic certificate this account may have issued to it now (the e-certificate, its Open
     * Badges credential), as its record states it today.
     *
     * @param email the address the certificate was applied for under
     */
    public record Issued(
            String recordId,
            String certificateNumber,
            String certificationName,
            LocalDate effectiveDate,
            LocalDate expirationDate,
            String fullName,
            String email,
            Instant approvedAt) {}

    /**
     * The certificate of an approved electronic application of this account, while it is still among
     * its records, not revoked and not expired; never for third-party accounts (rule 8).
     */
    public Issued issued(String applicationId, String accountId, boolean thirdParty) {
        if (thirdParty) {
            throw new DomainException(ErrorCode.THIRD_PARTY_ACCOUNT, Text.of("problem.my-certificate-applications.1"));
        }
        Application applied =
                applications(accountId).find(applicationId).orElseThrow(MyCertificateApplications::notFound);
        List<CertificationEntry> mine = records.certificationsOf(accountId, Optional.empty());
        Application application = current(applied, mine);
        if (application.format() != CertificateFormat.ELECTRONIC) {
            throw new DomainException(ErrorCode.NOT_DOWNLOADABLE, Text.of("problem.my-certificate-applications.2"));
        }
        if (application.status() != CertificateApplications.Status.APPROVED) {
            throw new DomainException(
                    ErrorCode.NOT_DOWNLOADABLE,
                    Text.of("problem.my-certificate-applications.3", application.availableFrom()));
        }
        if (revoked(application.certificateNumber())) {
            throw new DomainException(ErrorCode.NOT_DOWNLOADABLE, Text.of("problem.my-certificate-applications.4"));
        }
        if (application.expirationDate() != null && today().isAfter(application.expirationDate())) {
            throw new DomainException(
                    ErrorCode.NOT_DOWNLOADABLE,
                    Text.of("problem.my-certificate-applications.5", application.expirationDate()));
        }
        boolean stillMine = mine.stream().map(CertificationEntry::recordId).anyMatch(application.recordId()::equals);
        if (!stillMine) {
            throw new DomainException(ErrorCode.NOT_DOWNLOADABLE, Text.of("problem.my-certificate-applications.6"));
        }
        return new Issued(
                application.recordId(),
                application.certificateNumber(),
                application.certificationName(),
                application.effectiveDate(),
                application.expirationDate(),
                application.fullName(),
                application.email(),
                application.approvedAt());
    }

    /** An e-certificate and the file name it is saved under. */
    public record Download(byte[] pdf, String filename) {}

    /** The applications with their certificates as the holder's records state them now (corrections). */
    private List<Application> current(String accountId, List<Application> applications) {
        if (applications.isEmpty()) {
            return applications;
        }
        List<CertificationEntry> mine = records.certificationsOf(accountId, Optional.empty());
        return applications.stream().map(a -> current(a, mine)).toList();
    }

    /** A record no longer among the holder's (its address left the account) keeps what was applied for. */
    private static Application current(Application a, List<CertificationEntry> records) {
        return records.stream()
                .filter(entry -> entry.recordId().equals(a.recordId()))
                .findFirst()
                .map(entry -> a.asCorrected(
                        entry.certification().certificateNumber(),
                        entry.certification().certificationName(),
                        entry.certification().effectiveDate(),
                        entry.certification().expirationDate()))
                .orElse(a);
    }

    private ApplicationView view(Application a, Instant revokedAt) {
        boolean downloadable = a.format() == CertificateFormat.ELECTRONIC
                && a.status() == CertificateApplications.Status.APPROVED
                && revokedAt == null
                && (a.expirationDate() == null || !today().isAfter(a.expirationDate()));
        return new ApplicationView(
                a.applicationId(),
                a.version(),
                a.status().name(),
                a.recordId(),
                a.certificationName(),
                a.certificateNumber(),
                a.format(),
                a.requestedAt(),
                a.availableFrom(),
                a.approvedAt(),
                a.fullName(),
                Masking.phone(a.phone()),
                a.email(),
                masked(a.mailing()),
                a.courier(),
                a.expressOrderNumber(),
                a.shippedAt(),
                downloadable ? "/api/me/certificate-applications/" + a.applicationId() + "/certificate.pdf" : null,
                CertificateStatus.of(a.expirationDate(), revokedAt, today()),
                revokedAt,
                a.voidedAt(),
                a.voidReason(),
                a.replacement(),
                a.nameReview(),
                a.nameCorrection());
    }

    /** The phone number as the guides show it, masked; the holder changes it by sending it again whole. */
    private static MailingInformation masked(MailingInformation mailing) {
        return mailing == null
                ? null
                : new MailingInformation(mailing.recipient(), Masking.phone(mailing.phone()), mailing.address());
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    }

    /** The account's applications as stored (none: an empty list). */
    public CertificateApplications applications(String accountId) {
        CertificateApplications doc = mongo.findById(accountId, CertificateApplications.class);
        return doc == null ? new CertificateApplications(accountId, List.of()) : doc;
    }

    private boolean revoked(String certificateNumber) {
        return revocations.of(certificateNumber) != null;
    }

    private static DomainException notFound() {
        return new DomainException(ErrorCode.NOT_FOUND, Text.of("problem.certificate-application.10"));
    }
}
