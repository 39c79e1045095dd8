package io.certtrail.command.certificate;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import io.certtrail.command.account.ActiveAddresses;
import io.certtrail.command.certificate.CertificateCommands.ApplicationState;
import io.certtrail.command.certificate.CertificateCommands.ApplyForCertificate;
import io.certtrail.command.certificate.CertificateCommands.ApproveCertificate;
import io.certtrail.command.certificate.CertificateCommands.ChangeMailingInformation;
import io.certtrail.command.certificate.CertificateCommands.DecidePrintedNameCorrection;
import io.certtrail.command.certificate.CertificateCommands.DecideReplacement;
import io.certtrail.command.certificate.CertificateCommands.RequestPrintedNameCorrection;
import io.certtrail.command.certificate.CertificateCommands.RequestReplacement;
import io.certtrail.command.certificate.CertificateCommands.ShipPackage;
import io.certtrail.command.certificate.CertificateCommands.Status;
import io.certtrail.command.certificate.CertificateCommands.VoidApplication;
import io.certtrail.command.records.EarnedCertificates;
import io.certtrail.events.certificate.CertificateApplicationVoided;
import io.certtrail.events.certificate.CertificateApplied;
import io.certtrail.events.certificate.CertificateApproved;
import io.certtrail.events.certificate.CertificateFormat;
import io.certtrail.events.certificate.MailingInformation;
import io.certtrail.events.certificate.MailingInformationChanged;
import io.certtrail.events.certificate.PackageShipped;
import io.certtrail.events.certificate.PrintedNameCorrectionDecided;
import io.certtrail.events.certificate.PrintedNameCorrectionRequested;
import io.certtrail.events.certificate.ReplacementDecided;
import io.certtrail.events.certificate.ReplacementRequested;
import io.certtrail.events.records.CertificationEarned;
import io.certtrail.platform.error.DomainException;
import io.certtrail.platform.error.ErrorCode;
import io.certtrail.platform.i18n.Text;
import io.certtrail.platform.time.WorkingDays;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * A holder's application for one certificate (rule 8): one per certificate, its format fixed at
 * submission; approved from the working day after the certificate took effect (at once when applied
 * for later). An approved electronic certificate is downloaded; an approved paper one waits in
 * logistics' queue until its shipment is reported, and its mailing information can change until then.
 */
@Aggregate
class CertificateApplication {

    /** The guides: mailing information can be kept from three working days after the score report. */
    static final int MAILING_WORKING_DAYS = 3;

    @AggregateIdentifier
    private String applicationId;

    private String accountId;
    private String recordId;
    private String certificateNumber;
    private String email;
    private CertificateFormat format;
    private MailingInformation mailing;
    private LocalDate availableFrom;
    private Status status;
    private String courier;
    private String expressOrderNumber;
    private Replacement replacement = Replacement.NONE;
    private String fullName;
    /** The printed name is not the holder's: the office approves the application, never the sweep. */
    private boolean nameReview;
    /** A printed-name correction waiting for the office; null when none does. */
    private String requestedName;
    /** The office's last decision on a correction, to answer a repeated decision alike; null before any. */
    private Boolean lastNameDecision;

    CertificateApplication() {
        // for Axon
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    ApplicationState handle(
            ApplyForCertificate command,
            EarnedCertificates certificates,
            ActiveAddresses addresses,
            OfferedFormats formats,
            PrintedNames names) {
        if (command.privacyStatement() == null) {
            throw new DomainException(
                    ErrorCode.PRIVACY_STATEMENT_NOT_ACCEPTED, Text.of("problem.certificate-application.1"));
        }
        if ((command.format() == CertificateFormat.PAPER) != (command.mailing() != null)) {
            throw new DomainException(ErrorCode.INVALID_INPUT, Text.of("problem.certificate-application.2"));
        }
        CertificationEarned certificate = certificates
                .valid(command.recordId())
                .filter(earned -> addresses.isActive(command.accountId(), earned.addressKey()))
                .orElseThrow(() -> new DomainException(
                        ErrorCode.CERTIFICATE_NOT_ELIGIBLE, Text.of("problem.certificate-application.3")));
        // only after eligibility: nobody learns whether someone else applied for a certificate not theirs
        if (applicationId != null && status != Status.VOIDED) {
            throw new DomainException(
                    ErrorCode.CERTIFICATE_ALREADY_APPLIED, Text.of("problem.certificate-application.4"));
        }
        List<CertificateFormat> offered = formats.of(certificate.certificationName());
        if (!offered.contains(command.format())) {
            throw new DomainException(
                    ErrorCode.FORMAT_NOT_OFFERED,
                    offered.contains(CertificateFormat.PAPER) && offered.size() == 1
                            ? Text.of("problem.certificate-application.paper-only", certificate.certificationName())
                            : offered.size() == 1
                                    ? Text.of(
                                            "problem.certificate-application.electronic-only",
                                            certificate.certificationName())
                                    : Text.of(
                                            "problem.certificate-application.formats",
                                            certificate.certificationName(),
                                            offered));
        }
        LocalDate mailingOpens = WorkingDays.plus(certificate.effectiveDate(), MAILING_WORKING_DAYS);
        if (command.format() == CertificateFormat.PAPER && command.today().isBefore(mailingOpens)) {
            throw new DomainException(
                    ErrorCode.MAILING_NOT_YET_OPEN, Text.of("problem.certificate-application.5", mailingOpens));
        }
        if (certificate.expirationDate() != null && command.today().isAfter(certificate.expirationDate())) {
            throw new DomainException(ErrorCode.CERTIFICATE_NOT_ELIGIBLE, Text.of("problem.certificate-application.6"));
        }
        if (!addresses.isActive(command.accountId(), command.addressKey())) {
            throw new DomainException(ErrorCode.ADDRESS_NOT_ASSOCIATED, Text.of("problem.certificate-application.7"));
        }
        LocalDate from = WorkingDays.next(certificate.effectiveDate());
        boolean review = !names.areTheHolders(
                command.fullName(), command.holderFirstName(), command.holderLastName(), certificate.addressKey());
        apply(new CertificateApplied(
                command.applicationId(),
                command.accountId(),
                command.recordId(),
                certificate.certificateNumber(),
                certificate.certificationName(),
                certificate.effectiveDate(),
                certificate.expirationDate(),
                command.addressKey(),
                command.email(),
                command.format(),
                command.fullName(),
                command.phone(),
                command.mailing(),
                command.privacyStatement(),
                from,
                command.at(),
                review));
        if (!review && !command.today().isBefore(from)) {
            apply(new CertificateApproved(
                    applicationId, accountId, certificateNumber, true, command.at(), email, format));
        }
        return state();
    }

    /**
     * Idempotent: an application already approved (or shipped) stays as it is. A printed name under
     * review is approved by the office only: approving the application accepts the name.
     */
    @CommandHandler
    ApplicationState handle(ApproveCertificate command, EarnedCertificates certificates) {
        if (status == Status.REQUESTED) {
            requireNotRevoked(certificates);
            if (nameReview && !command.byOffice()) {
                throw new DomainException(ErrorCode.NAME_UNDER_REVIEW, Text.of("problem.certificate-application.8"));
            }
            if (command.today().isBefore(availableFrom)) {
                throw new DomainException(
                        ErrorCode.NOT_YET_APPROVABLE, Text.of("problem.certificate-application.9", availableFrom));
            }
            apply(new CertificateApproved(
                    applicationId, accountId, certificateNumber, false, command.at(), email, format));
        }
        return state();
    }

    @CommandHandler
    ApplicationState handle(ChangeMailingInformation command) {
        if (!accountId.equals(command.accountId())) {
            // someone else's application: as if there were none
            throw new DomainException(ErrorCode.NOT_FOUND, Text.of("problem.certificate-application.10"));
        }
        requirePaper();
        requireNotVoided();
        if (status == Status.SHIPPED) {
            throw new DomainException(ErrorCode.ALREADY_SHIPPED, Text.of("problem.certificate-application.11"));
        }
        if (!command.mailing().equals(mailing)) {
            apply(new MailingInformationChanged(applicationId, accountId, command.mailing(), command.at()));
        }
        return state();
    }

    /** Idempotent for the same courier and order number; a second, different shipment is refused. */
    @CommandHandler
    ApplicationState handle(ShipPackage command, EarnedCertificates certificates) {
        requirePaper();
        requireNotVoided();
        if (status == Status.SHIPPED) {
            if (Objects.equals(courier, command.courier())
                    && Objects.equals(expressOrderNumber, command.expressOrderNumber())) {
                return state();
            }
            if (replacement == Replacement.APPROVED) {
                requireNotRevoked(certificates);
                apply(new PackageShipped(
                        applicationId,
                        accountId,
                        certificateNumber,
                        command.courier(),
                        command.expressOrderNumber(),
                        email,
                        command.at(),
                        true));
                return state();
            }
            throw new DomainException(ErrorCode.ALREADY_SHIPPED, Text.of("problem.certificate-application.12"));
        }
        if (status != Status.APPROVED) {
            throw new DomainException(
                    ErrorCode.NOT_YET_APPROVED, Text.of("problem.certificate-application.13", availableFrom));
        }
        requireNotRevoked(certificates);
        apply(new PackageShipped(
                applicationId,
                accountId,
                certificateNumber,
                command.courier(),
                command.expressOrderNumber(),
                email,
                command.at(),
                false));
        return state();
    }

    /** Where a lost or damaged paper certificate's replacement stands: one per application. */
    enum Replacement {
        NONE,
        REQUESTED,
        APPROVED,
        REFUSED,
        SHIPPED
    }

    /**
     * The holder asks for a new paper certificate, once, after the first was shipped: lost or
     * damaged. It goes to the given address, or where the first went.
     */
    @CommandHandler
    ApplicationState handle(RequestReplacement command, EarnedCertificates certificates) {
        if (!accountId.equals(command.accountId())) {
            throw new DomainException(ErrorCode.NOT_FOUND, Text.of("problem.certificate-application.10"));
        }
        requirePaper();
        requireNotVoided();
        if (status != Status.SHIPPED) {
            throw new DomainException(
                    ErrorCode.REPLACEMENT_NOT_POSSIBLE, Text.of("problem.certificate-application.14"));
        }
        if (replacement != Replacement.NONE) {
            throw new DomainException(
                    ErrorCode.REPLACEMENT_NOT_POSSIBLE, Text.of("problem.certificate-application.15"));
        }
        requireNotRevoked(certificates);
        apply(new ReplacementRequested(
                applicationId,
                accountId,
                certificateNumber,
                command.cause(),
                command.mailing() == null ? mailing : command.mailing(),
                command.at()));
        return state();
    }

    /** The office approves (logistics then ships it like the first) or refuses it with a reason. */
    @CommandHandler
    ApplicationState handle(DecideReplacement command, EarnedCertificates certificates) {
        if (replacement == (command.approve() ? Replacement.APPROVED : Replacement.REFUSED)) {
            return state();
        }
        if (replacement != Replacement.REQUESTED) {
            throw new DomainException(
                    ErrorCode.REPLACEMENT_NOT_POSSIBLE, Text.of("problem.certificate-application.16"));
        }
        if (command.approve()) {
            requireNotRevoked(certificates);
        }
        apply(new ReplacementDecided(
                applicationId,
                accountId,
                certificateNumber,
                command.approve(),
                command.approve() ? null : command.reason(),
                command.at()));
        return state();
    }

    @EventSourcingHandler
    void on(ReplacementRequested event) {
        replacement = Replacement.REQUESTED;
        mailing = event.mailing();
    }

    @EventSourcingHandler
    void on(ReplacementDecided event) {
        replacement = event.approved() ? Replacement.APPROVED : Replacement.REFUSED;
    }

    /**
     * The holder asks for another printed name: on an e-certificate at any time, on paper until it
     * is shipped (a shipped one is corrected by a replacement). One waits at a time.
     */
    @CommandHandler
    ApplicationState handle(RequestPrintedNameCorrection command) {
        if (!accountId.equals(command.accountId())) {
            throw new DomainException(ErrorCode.NOT_FOUND, Text.of("problem.certificate-application.10"));
        }
        requireNotVoided();
        if (command.fullName().equals(requestedName)
                || (requestedName == null && command.fullName().equals(fullName))) {
            return state(); // asked again, or nothing to correct
        }
        if (requestedName != null) {
            throw new DomainException(
                    ErrorCode.NAME_CORRECTION_NOT_POSSIBLE, Text.of("problem.certificate-application.17"));
        }
        if (format == CertificateFormat.PAPER && status == Status.SHIPPED) {
            throw new DomainException(
                    ErrorCode.NAME_CORRECTION_NOT_POSSIBLE, Text.of("problem.certificate-application.18"));
        }
        apply(new PrintedNameCorrectionRequested(
                applicationId, accountId, certificateNumber, command.fullName(), command.at()));
        return state();
    }

    /** The office approves (the name is printed from now on) or refuses it with a reason. */
    @CommandHandler
    ApplicationState handle(DecidePrintedNameCorrection command) {
        if (requestedName == null) {
            if (lastNameDecision != null && lastNameDecision == command.approve()) {
                return state(); // the same decision, again
            }
            throw new DomainException(
                    ErrorCode.NAME_CORRECTION_NOT_POSSIBLE, Text.of("problem.certificate-application.19"));
        }
        apply(new PrintedNameCorrectionDecided(
                applicationId,
                accountId,
                certificateNumber,
                command.approve(),
                command.approve() ? requestedName : null,
                command.approve() ? null : command.reason(),
                command.at(),
                email));
        return state();
    }

    @EventSourcingHandler
    void on(PrintedNameCorrectionRequested event) {
        requestedName = event.fullName();
    }

    @EventSourcingHandler
    void on(PrintedNameCorrectionDecided event) {
        if (event.approved()) {
            fullName = event.fullName();
            nameReview = false; // the office accepted this name
        }
        requestedName = null;
        lastNameDecision = event.approved();
    }

    /** The office revoked the certificate (its record no longer states a valid one): nothing more is issued. */
    private void requireNotRevoked(EarnedCertificates certificates) {
        if (certificates.valid(recordId).isEmpty()) {
            throw new DomainException(ErrorCode.CERTIFICATE_REVOKED, Text.of("problem.certificate-application.20"));
        }
    }

    /**
     * The office voids an application (with a reason): a voided one stays voided; a shipped package
     * cannot be called back, so it cannot be voided.
     */
    @CommandHandler
    ApplicationState handle(VoidApplication command) {
        if (status == Status.VOIDED) {
            return state();
        }
        if (status == Status.SHIPPED) {
            throw new DomainException(ErrorCode.ALREADY_SHIPPED, Text.of("problem.certificate-application.21"));
        }
        apply(new CertificateApplicationVoided(
                applicationId, accountId, certificateNumber, command.reason(), command.at(), email));
        return state();
    }

    @EventSourcingHandler
    void on(CertificateApplicationVoided event) {
        status = Status.VOIDED;
    }

    private void requireNotVoided() {
        if (status == Status.VOIDED) {
            throw new DomainException(ErrorCode.APPLICATION_VOIDED, Text.of("problem.certificate-application.22"));
        }
    }

    private void requirePaper() {
        if (format != CertificateFormat.PAPER) {
            throw new DomainException(ErrorCode.NOT_PAPER, Text.of("problem.certificate-application.23"));
        }
    }

    private ApplicationState state() {
        return new ApplicationState(applicationId, status, AggregateLifecycle.getVersion());
    }

    @EventSourcingHandler
    void on(CertificateApplied event) {
        applicationId = event.applicationId();
        accountId = event.accountId();
        recordId = event.recordId();
        certificateNumber = event.certificateNumber();
        email = event.email();
        format = event.format();
        mailing = event.mailing();
        availableFrom = event.availableFrom();
        fullName = event.fullName();
        nameReview = Boolean.TRUE.equals(event.nameReview());
        requestedName = null;
        lastNameDecision = null;
        status = Status.REQUESTED;
    }

    @EventSourcingHandler
    void on(CertificateApproved event) {
        status = Status.APPROVED;
        nameReview = false;
    }

    @EventSourcingHandler
    void on(MailingInformationChanged event) {
        mailing = event.mailing();
    }

    @EventSourcingHandler
    void on(PackageShipped event) {
        if (Boolean.TRUE.equals(event.replacement())) {
            replacement = Replacement.SHIPPED;
        }
        status = Status.SHIPPED;
        courier = event.courier();
        expressOrderNumber = event.expressOrderNumber();
    }
}
