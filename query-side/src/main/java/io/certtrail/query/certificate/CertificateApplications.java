package io.certtrail.query.certificate;

import io.certtrail.events.certificate.CertificateFormat;
import io.certtrail.events.certificate.MailingInformation;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** One account's certificate applications: one document per account, fetched by {@code _id}. */
@Document(CertificateApplications.COLLECTION)
public record CertificateApplications(@Id String accountId, List<Application> applications) {

    public static final String COLLECTION = "certificate_applications";

    public CertificateApplications {
        applications = applications == null ? List.of() : List.copyOf(applications);
    }

    public Optional<Application> find(String applicationId) {
        return applications.stream()
                .filter(a -> a.applicationId().equals(applicationId))
                .findFirst();
    }

    /**
     * A lost or damaged paper certificate's replacement.
     *
     * @param status REQUESTED, APPROVED, REFUSED or SHIPPED
     * @param cause LOST or DAMAGED
     * @param refusal the office's reason, when refused
     */
    public record Replacement(
            String status, String cause, Instant requestedAt, Instant decidedAt, String refusal, Instant shippedAt) {}

    /**
     * The holder's latest request to print another name.
     *
     * @param status REQUESTED, APPROVED or REFUSED
     * @param refusal the office's reason, when refused
     */
    public record NameCorrection(
            String status, String fullName, Instant requestedAt, Instant decidedAt, String refusal) {}

    public enum Status {
        REQUESTED,
        APPROVED,
        SHIPPED,
        VOIDED
    }

    /**
     * @param version the application's last event's sequence number: what a reader waits for
     * @param nameReview the printed name is neither the holder's nor an exam candidate's: the office approves it
     * @param nameCorrection the holder's latest request for another printed name, if any
     */
    public record Application(
            String applicationId,
            long version,
            String recordId,
            String certificateNumber,
            String certificationName,
            LocalDate effectiveDate,
            LocalDate expirationDate,
            String addressKey,
            String email,
            CertificateFormat format,
            String fullName,
            String phone,
            MailingInformation mailing,
            Status status,
            Instant requestedAt,
            LocalDate availableFrom,
            Instant approvedAt,
            String courier,
            String expressOrderNumber,
            Instant shippedAt,
            Instant voidedAt,
            String voidReason,
            Replacement replacement,
            boolean nameReview,
            NameCorrection nameCorrection) {

        Application approved(long newVersion, Instant at) {
            return new Application(
                    applicationId,
                    newVersion,
                    recordId,
                    certificateNumber,
                    certificationName,
                    effectiveDate,
                    expirationDate,
                    addressKey,
                    email,
                    format,
                    fullName,
                    phone,
                    mailing,
                    Status.APPROVED,
                    requestedAt,
                    availableFrom,
                    at,
                    courier,
                    expressOrderNumber,
                    shippedAt,
                    voidedAt,
                    voidReason,
                    replacement,
                    false,
                    nameCorrection);
        }

        Application mailedTo(long newVersion, MailingInformation newMailing) {
            return new Application(
                    applicationId,
                    newVersion,
                    recordId,
                    certificateNumber,
                    certificationName,
                    effectiveDate,
                    expirationDate,
                    addressKey,
                    email,
                    format,
                    fullName,
                    phone,
                    newMailing,
                    status,
                    requestedAt,
                    availableFrom,
                    approvedAt,
                    courier,
                    expressOrderNumber,
                    shippedAt,
                    voidedAt,
                    voidReason,
                    replacement,
                    nameReview,
                    nameCorrection);
        }

        /**
         * As the certificate's record states it now: a correction of its number, name or dates after
         * the application shows in the application and its e-certificate.
         */
        public Application asCorrected(String number, String name, LocalDate effective, LocalDate expiration) {
            return new Application(
                    applicationId,
                    version,
                    recordId,
                    number,
                    name,
                    effective,
                    expiration,
                    addressKey,
                    email,
                    format,
                    fullName,
                    phone,
                    mailing,
                    status,
                    requestedAt,
                    availableFrom,
                    approvedAt,
                    courier,
                    expressOrderNumber,
                    shippedAt,
                    voidedAt,
                    voidReason,
                    replacement,
                    nameReview,
                    nameCorrection);
        }

        Application voided(long newVersion, String reason, Instant at) {
            return new Application(
                    applicationId,
                    newVersion,
                    recordId,
                    certificateNumber,
                    certificationName,
                    effectiveDate,
                    expirationDate,
                    addressKey,
                    email,
                    format,
                    fullName,
                    phone,
                    mailing,
                    Status.VOIDED,
                    requestedAt,
                    availableFrom,
                    approvedAt,
                    courier,
                    expressOrderNumber,
                    shippedAt,
                    at,
                    reason,
                    replacement,
                    nameReview,
                    nameCorrection);
        }

        /** The same application with its replacement's new state (and, requested, where it goes). */
        Application withReplacement(long newVersion, Replacement next, MailingInformation newMailing) {
            return new Application(
                    applicationId,
                    newVersion,
                    recordId,
                    certificateNumber,
                    certificationName,
                    effectiveDate,
                    expirationDate,
                    addressKey,
                    email,
                    format,
                    fullName,
                    phone,
                    newMailing,
                    status,
                    requestedAt,
                    availableFrom,
                    approvedAt,
                    courier,
                    expressOrderNumber,
                    shippedAt,
                    voidedAt,
                    voidReason,
                    next,
                    nameReview,
                    nameCorrection);
        }

        /** The holder asked for another printed name, or the office decided on it. */
        Application withNameCorrection(long newVersion, NameCorrection next) {
            boolean accepted = "APPROVED".equals(next.status());
            return new Application(
                    applicationId,
                    newVersion,
                    recordId,
                    certificateNumber,
                    certificationName,
                    effectiveDate,
                    expirationDate,
                    addressKey,
                    email,
                    format,
                    accepted ? next.fullName() : fullName,
                    phone,
                    mailing,
                    status,
                    requestedAt,
                    availableFrom,
                    approvedAt,
                    courier,
                    expressOrderNumber,
                    shippedAt,
                    voidedAt,
                    voidReason,
                    replacement,
                    nameReview && !accepted,
                    next);
        }

        Application shipped(long newVersion, String byCourier, String orderNumber, Instant at) {
            return new Application(
                    applicationId,
                    newVersion,
                    recordId,
                    certificateNumber,
                    certificationName,
                    effectiveDate,
                    expirationDate,
                    addressKey,
                    email,
                    format,
                    fullName,
                    phone,
                    mailing,
                    Status.SHIPPED,
                    requestedAt,
                    availableFrom,
                    approvedAt,
                    byCourier,
                    orderNumber,
                    at,
                    voidedAt,
                    voidReason,
                    replacement,
                    nameReview,
                    nameCorrection);
        }
    }
}
