package io.certtrail.command.certificate.web;

import io.certtrail.command.certificate.CertificateCommands;
import io.certtrail.command.certificate.CertificateCommands.ApplicationState;
import io.certtrail.command.certificate.CertificateCommands.ApplyForCertificate;
import io.certtrail.command.certificate.CertificateCommands.ChangeMailingInformation;
import io.certtrail.command.certificate.CertificateCommands.RequestPrintedNameCorrection;
import io.certtrail.command.certificate.CertificateCommands.RequestReplacement;
import io.certtrail.command.certificate.web.ApplicationInput.MailingRequest;
import io.certtrail.command.support.CommandSender;
import io.certtrail.command.support.EmailAddresses;
import io.certtrail.events.certificate.CertificateFormat;
import io.certtrail.platform.error.DomainException;
import io.certtrail.platform.error.ErrorCode;
import io.certtrail.platform.i18n.Text;
import io.certtrail.platform.identity.Caller;
import io.certtrail.platform.identity.Role;
import io.certtrail.platform.privacy.AddressKeys;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The signed-in holder applies for a certificate and keeps a paper package's mailing information. */
@RestController
@RequestMapping("/api/me/certificate-applications")
class CertificateApplicationController {

    static final String APPLICATION_ID = "app:CERT:[A-Za-z0-9._-]{1,64}";

    private final CommandSender commands;
    private final AddressKeys addressKeys;
    private final Clock clock;
    private final String privacyStatement;

    CertificateApplicationController(
            CommandSender commands,
            AddressKeys addressKeys,
            Clock clock,
            @Value("${certtrail.certificates.privacy-statement-version:2026-01}") String privacyStatement) {
        this.commands = commands;
        this.addressKeys = addressKeys;
        this.clock = clock;
        this.privacyStatement = privacyStatement;
    }

    /**
     * @param recordId the certificate, as My Certificates and the eligible list name it
     * @param email the associated address to use as contact
     * @param fullName the name printed on the certificate, in any script
     * @param mailing for paper only
     * @param acceptPrivacyStatement must be true
     */
    record ApplicationRequest(
            @NotBlank @Pattern(regexp = "CERT:[A-Za-z0-9._-]{1,64}", message = "is not a certificate record id")
            String recordId,

            @NotBlank @Size(max = 320) String email,
            @NotNull CertificateFormat format,
            @NotBlank @Size(max = 100) String fullName,

            @NotBlank @Pattern(regexp = ApplicationInput.PHONE, message = "is not a telephone number")
            String phone,

            @Valid MailingRequest mailing,
            boolean acceptPrivacyStatement) {}

    /** @param applicationVersion pass as {@code minVersion} to the application views to read your own write */
    record Applied(String applicationId, String status, long applicationVersion) {
        static Applied of(ApplicationState state) {
            return new Applied(state.applicationId(), state.status().name(), state.version());
        }
    }

    @PostMapping
    ResponseEntity<Applied> apply(
            @Valid @RequestBody ApplicationRequest body, Caller caller, HttpServletRequest request) {
        String email = EmailAddresses.canonical(body.email());
        Instant now = clock.instant();
        String applicationId = CertificateCommands.applicationIdFor(body.recordId());
        ApplicationState state = commands.send(
                new ApplyForCertificate(
                        applicationId,
                        caller.accountId(),
                        body.recordId(),
                        addressKeys.of(email),
                        email,
                        body.format(),
                        ApplicationInput.personName(body.fullName(), "fullName"),
                        body.phone().strip(),
                        body.mailing() == null ? null : body.mailing().toMailing(),
                        body.acceptPrivacyStatement() ? privacyStatement : null,
                        caller.firstName(),
                        caller.lastName(),
                        LocalDate.ofInstant(now, ZoneOffset.UTC),
                        now),
                caller.accountId(),
                Role.HOLDER,
                request);
        return ResponseEntity.created(URI.create("/api/me/certificate-applications/" + applicationId))
                .body(Applied.of(state));
    }

    /** Until the package is shipped. */
    @PutMapping("/{applicationId}/mailing-information")
    Applied changeMailing(
            @PathVariable String applicationId,
            @Valid @RequestBody MailingRequest body,
            Caller caller,
            HttpServletRequest request) {
        requireApplicationId(applicationId);
        return Applied.of(commands.send(
                new ChangeMailingInformation(applicationId, caller.accountId(), body.toMailing(), clock.instant()),
                caller.accountId(),
                Role.HOLDER,
                request));
    }

    /** @param mailing where the replacement goes; none: where the first package went */
    record ReplacementRequest(
            @jakarta.validation.constraints.NotNull Cause cause,
            @Valid MailingRequest mailing) {}

    enum Cause {
        LOST,
        DAMAGED
    }

    /**
     * A lost or damaged paper certificate is replaced once, on request, after the office approves;
     * logistics then ships it like the first.
     */
    @PostMapping("/{applicationId}/replacement")
    Applied requestReplacement(
            @PathVariable String applicationId,
            @Valid @RequestBody ReplacementRequest body,
            Caller caller,
            HttpServletRequest request) {
        requireApplicationId(applicationId);
        return Applied.of(commands.send(
                new RequestReplacement(
                        applicationId,
                        caller.accountId(),
                        body.cause().name(),
                        body.mailing() == null ? null : body.mailing().toMailing(),
                        clock.instant()),
                caller.accountId(),
                Role.HOLDER,
                request));
    }

    /** @param fullName the name to print instead, in any script */
    record PrintedNameRequest(@NotBlank @Size(max = 100) String fullName) {}

    /**
     * The holder asks the certification office to print another name (a typing error, another
     * script); once approved, the e-certificate carries it.
     */
    @PostMapping("/{applicationId}/printed-name-correction")
    Applied requestPrintedNameCorrection(
            @PathVariable String applicationId,
            @Valid @RequestBody PrintedNameRequest body,
            Caller caller,
            HttpServletRequest request) {
        requireApplicationId(applicationId);
        return Applied.of(commands.send(
                new RequestPrintedNameCorrection(
                        applicationId,
                        caller.accountId(),
                        ApplicationInput.personName(body.fullName(), "fullName"),
                        clock.instant()),
                caller.accountId(),
                Role.HOLDER,
                request));
    }

    static void requireApplicationId(String applicationId) {
        if (!applicationId.matches(APPLICATION_ID)) {
            throw new DomainException(ErrorCode.NOT_FOUND, Text.of("problem.certificate-application.10"));
        }
    }
}
