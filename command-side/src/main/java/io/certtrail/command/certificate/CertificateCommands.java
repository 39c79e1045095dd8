package io.certtrail.command.certificate;

import io.certtrail.events.certificate.CertificateFormat;
import io.certtrail.events.certificate.MailingInformation;
import java.time.Instant;
import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The commands of {@link CertificateApplication}. Times arrive in them, decided outside. */
public final class CertificateCommands {

    private CertificateCommands() {}

    /** One application per certification record: the identifier is derived from the record's. */
    public static String applicationIdFor(String recordId) {
        return "app:" + recordId;
    }

    /**
     * @param addressKey the key of the contact address chosen, which must be associated with the account
     * @param privacyStatement the version of the privacy statement the holder accepted; null if they did not
     * @param holderFirstName the applicant's given name as their identity provider states it (may be null):
     *        a printed name that is neither it nor an exam candidate's goes to the office
     * @param today the calendar day of {@code at} where the rules count working days
     */
    public record ApplyForCertificate(
            @TargetAggregateIdentifier String applicationId,
            String accountId,
            String recordId,
            String addressKey,
            String email,
            CertificateFormat format,
            String fullName,
            String phone,
            MailingInformation mailing,
            String privacyStatement,
            String holderFirstName,
            String holderLastName,
            LocalDate today,
            Instant at) {}

    /**
     * Approves a certificate applied for before its day had come: the automatic sweep, or the
     * certification office by hand.
     *
     * @param byOffice the office looked at it: only it approves a printed name under review
     */
    public record ApproveCertificate(
            @TargetAggregateIdentifier String applicationId, LocalDate today, Instant at, boolean byOffice) {}

    public record ChangeMailingInformation(
            @TargetAggregateIdentifier String applicationId,
            String accountId,
            MailingInformation mailing,
            Instant at) {}

    public record ShipPackage(
            @TargetAggregateIdentifier String applicationId, String courier, String expressOrderNumber, Instant at) {}

    public enum Status {
        REQUESTED,
        APPROVED,
        SHIPPED,
        /** Voided by the office: nothing more is issued; the certificate may be applied for again. */
        VOIDED
    }

    /** @param cause LOST or DAMAGED; @param mailing null: where the first package went */
    public record RequestReplacement(
            @TargetAggregateIdentifier String applicationId,
            String accountId,
            String cause,
            MailingInformation mailing,
            Instant at) {}

    /** @param reason for a refusal */
    public record DecideReplacement(
            @TargetAggregateIdentifier String applicationId, boolean approve, String reason, Instant at) {}

    /** The holder asks the office to print another name on their certificate. */
    public record RequestPrintedNameCorrection(
            @TargetAggregateIdentifier String applicationId, String accountId, String fullName, Instant at) {}

    /** @param reason for a refusal */
    public record DecidePrintedNameCorrection(
            @TargetAggregateIdentifier String applicationId, boolean approve, String reason, Instant at) {}

    /** The certification office voids an application made by an account the certificate is not (or no longer) of. */
    public record VoidApplication(@TargetAggregateIdentifier String applicationId, String reason, Instant at) {}

    /** @param version the application's version: pass as {@code minVersion} to read your own write */
    public record ApplicationState(String applicationId, Status status, long version) {}
}
