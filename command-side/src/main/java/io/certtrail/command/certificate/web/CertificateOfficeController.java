package io.certtrail.command.certificate.web;

import io.certtrail.command.certificate.CertificateCommands.ApproveCertificate;
import io.certtrail.command.certificate.CertificateCommands.DecidePrintedNameCorrection;
import io.certtrail.command.certificate.CertificateCommands.DecideReplacement;
import io.certtrail.command.certificate.CertificateCommands.ShipPackage;
import io.certtrail.command.certificate.CertificateCommands.VoidApplication;
import io.certtrail.command.certificate.web.CertificateApplicationController.Applied;
import io.certtrail.command.records.RecordCommands.RevokeCertification;
import io.certtrail.command.support.CommandSender;
import io.certtrail.platform.error.DomainException;
import io.certtrail.platform.error.ErrorCode;
import io.certtrail.platform.i18n.Text;
import io.certtrail.platform.identity.Caller;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The certification office approves early applications and revokes certificates; logistics (an
 * operator, or the logistics client with the {@code shipments.write} scope) reports shipments.
 */
@RestController
@RequestMapping("/api/operator")
class CertificateOfficeController {

    private final CommandSender commands;
    private final Clock clock;

    CertificateOfficeController(CommandSender commands, Clock clock) {
        this.commands = commands;
        this.clock = clock;
    }

    record ShipmentRequest(
            @NotBlank @Size(max = 60) @Pattern(regexp = "[\\p{L}\\p{N} .&'-]+", message = "is not a courier name")
            String courier,

            @NotBlank @Pattern(regexp = "[A-Za-z0-9-]{4,40}", message = "holds 4 to 40 letters, digits or dashes")
            String expressOrderNumber) {}

    record RevocationRequest(
            @NotBlank @Pattern(regexp = "CERT:[A-Za-z0-9._-]{1,64}", message = "is not a certificate record id")
            String recordId,

            @NotBlank @Size(max = 1000) String reason) {}

    record Revoked(String recordId, boolean changed) {}

    record VoidRequest(@NotBlank @Size(max = 1000) String reason) {}

    /** A decision on a holder's request. @param reason required to refuse: the holder is told it */
    record ReplacementDecision(
            @jakarta.validation.constraints.NotNull Boolean approve,
            @Size(max = 1000) String reason) {

        /** The reason, stripped; required to refuse (the holder is told it), dropped with an approval. */
        String reasonToRefuse(String what) {
            if (approve()) {
                return null;
            }
            if (reason() == null || reason().isBlank()) {
                throw new DomainException(
                        ErrorCode.INVALID_INPUT, Text.of("problem.certificate-office-controller.refuse-" + what));
            }
            return reason().strip();
        }
    }

    @PostMapping("/certificate-applications/{applicationId}/approval")
    Applied approve(@PathVariable String applicationId, Caller caller, HttpServletRequest request) {
        CertificateApplicationController.requireApplicationId(applicationId);
        Instant now = clock.instant();
        return Applied.of(commands.send(
                new ApproveCertificate(applicationId, LocalDate.ofInstant(now, ZoneOffset.UTC), now, true),
                caller.accountId(),
                caller.primaryRole(),
                request));
    }

    @PostMapping("/certificate-applications/{applicationId}/shipment")
    Applied ship(
            @PathVariable String applicationId,
            @Valid @RequestBody ShipmentRequest body,
            Caller caller,
            HttpServletRequest request) {
        CertificateApplicationController.requireApplicationId(applicationId);
        return Applied.of(commands.send(
                new ShipPackage(
                        applicationId,
                        body.courier().strip(),
                        body.expressOrderNumber().toUpperCase(java.util.Locale.ROOT),
                        clock.instant()),
                caller.accountId(),
                caller.primaryRole(),
                request));
    }

    /**
     * Voids an application made by an account the certificate does not belong to (its address was
     * unbound or moved): recorded with the reason, told to the applicant; the rightful holder may
     * then apply.
     */
    @PostMapping("/certificate-applications/{applicationId}/voiding")
    Applied voidApplication(
            @PathVariable String applicationId,
            @Valid @RequestBody VoidRequest body,
            Caller caller,
            HttpServletRequest request) {
        CertificateApplicationController.requireApplicationId(applicationId);
        return Applied.of(commands.send(
                new VoidApplication(applicationId, body.reason().strip(), clock.instant()),
                caller.accountId(),
                caller.primaryRole(),
                request));
    }

    /** Approves a holder's request for a replacement paper certificate, or refuses it with a reason. */
    @PostMapping("/certificate-applications/{applicationId}/replacement/decision")
    Applied decideReplacement(
            @PathVariable String applicationId,
            @Valid @RequestBody ReplacementDecision body,
            Caller caller,
            HttpServletRequest request) {
        CertificateApplicationController.requireApplicationId(applicationId);
        return Applied.of(commands.send(
                new DecideReplacement(
                        applicationId, body.approve(), body.reasonToRefuse("replacement"), clock.instant()),
                caller.accountId(),
                caller.primaryRole(),
                request));
    }

    /** Approves a holder's correction of the name printed on their certificate, or refuses it with a reason. */
    @PostMapping("/certificate-applications/{applicationId}/printed-name-correction/decision")
    Applied decidePrintedName(
            @PathVariable String applicationId,
            @Valid @RequestBody ReplacementDecision body,
            Caller caller,
            HttpServletRequest request) {
        CertificateApplicationController.requireApplicationId(applicationId);
        return Applied.of(commands.send(
                new DecidePrintedNameCorrection(
                        applicationId, body.approve(), body.reasonToRefuse("correction"), clock.instant()),
                caller.accountId(),
                caller.primaryRole(),
                request));
    }

    @PostMapping("/certificate-revocations")
    Revoked revoke(@Valid @RequestBody RevocationRequest body, Caller caller, HttpServletRequest request) {
        Boolean changed = commands.send(
                new RevokeCertification(body.recordId(), body.reason().strip(), clock.instant()),
                caller.accountId(),
                caller.primaryRole(),
                request);
        if (changed == null) {
            throw new DomainException(ErrorCode.NOT_FOUND, Text.of("problem.certificate-application.10"));
        }
        return new Revoked(body.recordId(), changed);
    }
}
