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
        return applications.stream().filter(a -> a.applicationId().equals(applicationId)).findFirst();
    }

    /**
     * A lost or damaged paper certificate's replacement.
     *
     * @param status REQUESTED, APPROVED, REFUSED or SHIPPED
     * @param cause LOST or DAMAGED
     * @param refusal the office's reason, when refused
     */
    public record Replacement(String status, String cause, Instant requestedAt, Instant decidedAt, String refusal,
            Instant shippedAt) {
    }

    public enum Status {
        REQUESTED,
        APPROVED,
        SHIPPED,
        VOIDED
    }

    /** @param version the application's last event's sequence number: what a reader waits for */
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
            Replacement replacement) {

        Application approved(long newVersion, Instant at) {
            return new Application(applicationId, newVersion, recordId, certificateNumber, certificationName,
                    effectiveDate, expirationDate, addressKey, email, format, fullName, phone, mailing,
                    Status.APPROVED, requestedAt, availableFrom, at, courier, expressOrderNumber, shippedAt, voidedAt,
                    voidReason, replacement);
        }

        Application mailedTo(long newVersion, MailingInformation newMailing) {
            return new Application(applicationId, newVersion, recordId, certificateNumber, certificationName,
                    effectiveDate, expirationDate, addressKey, email, format, fullName, phone, newMailing, status,
                    requestedAt, availableFrom, approvedAt, courier, expressOrderNumber, shippedAt, voidedAt, voidReason, replacement);
        }

        /**
         * As the certificate's record states it now: a correction of its number, name or dates after
         * the application shows in the application and its e-certificate.
         */
        public Application asCorrected(String number, String name, LocalDate effective, LocalDate expiration) {
            return new Application(applicationId, version, recordId, number, name, effective, expiration, addressKey,
                    email, format, fullName, phone, mailing, status, requestedAt, availableFrom, approvedAt, courier,
                    expressOrderNumber, shippedAt, voidedAt, voidReason, replacement);
        }

        Application voided(long newVersion, String reason, Instant at) {
            return new Application(applicationId, newVersion, recordId, certificateNumber, certificationName,
                    effectiveDate, expirationDate, addressKey, email, format, fullName, phone, mailing,
                    Status.VOIDED, requestedAt, availableFrom, approvedAt, courier, expressOrderNumber, shippedAt, at,
                    reason, replacement);
        }

        /** The same application with its replacement's new state (and, requested, where it goes). */
        Application withReplacement(long newVersion, Replacement next, MailingInformation newMailing) {
            return new Application(applicationId, newVersion, recordId, certificateNumber, certificationName,
                    effectiveDate, expirationDate, addressKey, email, format, fullName, phone, newMailing, status,
                    requestedAt, availableFrom, approvedAt, courier, expressOrderNumber, shippedAt, voidedAt,
                    voidReason, next);
        }

        Application shipped(long newVersion, String byCourier, String orderNumber, Instant at) {
            return new Application(applicationId, newVersion, recordId, certificateNumber, certificationName,
                    effectiveDate, expirationDate, addressKey, email, format, fullName, phone, mailing,
                    Status.SHIPPED, requestedAt, availableFrom, approvedAt, byCourier, orderNumber, at, voidedAt,
                    voidReason, replacement);
        }
    }
}
