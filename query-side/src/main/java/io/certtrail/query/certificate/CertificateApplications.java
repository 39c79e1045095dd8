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
            String voidReason) {

        Application approved(long newVersion, Instant at) {
            return new Application(applicationId, newVersion, recordId, certificateNumber, certificationName,
                    effectiveDate, expirationDate, addressKey, email, format, fullName, phone, mailing,
                    Status.APPROVED, requestedAt, availableFrom, at, courier, expressOrderNumber, shippedAt, voidedAt,
                    voidReason);
        }

        Application mailedTo(long newVersion, MailingInformation newMailing) {
            return new Application(applicationId, newVersion, recordId, certificateNumber, certificationName,
                    effectiveDate, expirationDate, addressKey, email, format, fullName, phone, newMailing, status,
                    requestedAt, availableFrom, approvedAt, courier, expressOrderNumber, shippedAt, voidedAt, voidReason);
        }

        /**
         * As the certificate's record states it now: a correction of its number, name or dates after
         * the application shows in the application and its e-certificate.
         */
        public Application asCorrected(String number, String name, LocalDate effective, LocalDate expiration) {
            return new Application(applicationId, version, recordId, number, name, effective, expiration, addressKey,
                    email, format, fullName, phone, mailing, status, requestedAt, availableFrom, approvedAt, courier,
                    expressOrderNumber, shippedAt, voidedAt, voidReason);
        }

        Application voided(long newVersion, String reason, Instant at) {
            return new Application(applicationId, newVersion, recordId, certificateNumber, certificationName,
                    effectiveDate, expirationDate, addressKey, email, format, fullName, phone, mailing,
                    Status.VOIDED, requestedAt, availableFrom, approvedAt, courier, expressOrderNumber, shippedAt, at,
                    reason);
        }

        Application shipped(long newVersion, String byCourier, String orderNumber, Instant at) {
            return new Application(applicationId, newVersion, recordId, certificateNumber, certificationName,
                    effectiveDate, expirationDate, addressKey, email, format, fullName, phone, mailing,
                    Status.SHIPPED, requestedAt, availableFrom, approvedAt, byCourier, orderNumber, at, voidedAt,
                    voidReason);
        }
    }
}
