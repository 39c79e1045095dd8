package io.certtrail.command.account.web;

import io.certtrail.command.account.AccountCommands.Accepted;
import io.certtrail.command.account.AccountCommands.HolderName;
import io.certtrail.command.account.AccountCommands.RequestEmailAssociation;
import io.certtrail.command.account.AccountCommands.RequestEmailDisassociation;
import io.certtrail.command.challenges.HumanChallenges;
import io.certtrail.command.records.RegistrationNumbers;
import io.certtrail.command.records.ScoreReportCheck;
import io.certtrail.command.support.CommandSender;
import io.certtrail.command.support.CommandSideConfiguration.LinkProperties;
import io.certtrail.command.support.EmailAddresses;
import io.certtrail.command.support.IdGenerator;
import io.certtrail.events.account.AssociationMethod;
import io.certtrail.events.account.ScoreReport;
import io.certtrail.platform.abuse.RateLimits;
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
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The signed-in holder asks to associate or disassociate an address; the account is the caller's. */
@RestController
@RequestMapping("/api/me")
class EmailAssociationController {

    private final CommandSender commands;
    private final AddressKeys addressKeys;
    private final IdGenerator ids;
    private final Clock clock;
    private final LinkProperties links;
    private final ScoreReportCheck scoreReports;
    private final RateLimits rateLimits;
    private final HumanChallenges verificationCodes;

    /** The version of the privacy statement a request is made under (the same as applications'). */
    private final String privacyStatement;

    EmailAssociationController(
            CommandSender commands,
            AddressKeys addressKeys,
            IdGenerator ids,
            Clock clock,
            LinkProperties links,
            ScoreReportCheck scoreReports,
            RateLimits rateLimits,
            HumanChallenges verificationCodes,
            @Value("${certtrail.certificates.privacy-statement-version:2026-01}") String privacyStatement) {
        this.privacyStatement = privacyStatement;
        this.verificationCodes = verificationCodes;
        this.rateLimits = rateLimits;
        this.scoreReports = scoreReports;
        this.commands = commands;
        this.addressKeys = addressKeys;
        this.ids = ids;
        this.clock = clock;
        this.links = links;
    }

    /**
     * @param method EMAIL (default) or SCORE_REPORT; the latter needs the three score-report fields
     */
    record AssociationRequest(
            AssociationMethod method,
            @NotBlank @Size(max = 320) String email,
            @Size(max = 100) String lastName,
            @Size(max = 100) String firstName,
            @Size(max = 64) String registrationNumber,
            @NotNull @Valid HumanChallenges.Verification verification,
            Boolean acceptPrivacyStatement) {}

    /** @param verification the answer to a challenge from {@code POST /api/me/verification-challenges} */
    record DisassociationRequest(
            @NotBlank @Size(max = 320) String email,
            @NotNull @Valid HumanChallenges.Verification verification) {}

    /**
     * @param status ACTIVATION_EMAIL_SENT, or SCORE_REPORT_LINKED for a score report given for an
     *        address already active on the account (its exams are added; no link, no expiry)
     * @param heldByAnotherAccount the address is active on another account; following the link moves it here
     * @param accountVersion pass as {@code minVersion} to the query API to read your own write
     */
    record LinkSent(
            String requestId,
            String status,
            boolean heldByAnotherAccount,
            Instant linkExpiresAt,
            long accountVersion) {}

    @PostMapping("/email-associations")
    @ResponseStatus(HttpStatus.ACCEPTED)
    LinkSent requestAssociation(
            @Valid @RequestBody AssociationRequest body, Caller caller, HttpServletRequest request) {
        if (!Boolean.TRUE.equals(body.acceptPrivacyStatement())) {
            // the guides' form has the box: the request is made under the statement, and the event says which
            throw new DomainException(
                    ErrorCode.PRIVACY_STATEMENT_NOT_ACCEPTED, Text.of("problem.email-association-controller.1"));
        }
        String email = EmailAddresses.canonical(body.email());
        String addressKey = addressKeys.of(email);
        checkRequester(caller, body.verification(), addressKey, request);
        AssociationMethod method = body.method() == null ? AssociationMethod.EMAIL : body.method();
        ScoreReport scoreReport = method == AssociationMethod.SCORE_REPORT ? scoreReport(body) : null;
        Instant now = clock.instant();
        if (scoreReport != null && !scoreReports.matches(scoreReport, LocalDate.ofInstant(now, ZoneOffset.UTC))) {
            // one answer for "no such result", "other name" and "too early": it tells a guesser nothing more
            throw new DomainException(
                    ErrorCode.SCORE_REPORT_NOT_MATCHED, Text.of("problem.email-association-controller.2"));
        }
        Instant expiresAt = now.plus(links.activationTtl());
        Accepted accepted = commands.send(
                new RequestEmailAssociation(
                        caller.accountId(),
                        ids.next(),
                        addressKey,
                        email,
                        method,
                        scoreReport,
                        new HolderName(caller.firstName(), caller.lastName()),
                        now,
                        expiresAt,
                        privacyStatement),
                caller.accountId(),
                Role.HOLDER,
                request);
        if (accepted.scoreReportLinked()) {
            // an address already theirs: the report's exams are added at once, no link is sent
            return new LinkSent(accepted.requestId(), "SCORE_REPORT_LINKED", false, null, accepted.accountVersion());
        }
        return new LinkSent(
                accepted.requestId(),
                "ACTIVATION_EMAIL_SENT",
                accepted.heldByAnotherAccount(),
                expiresAt,
                accepted.accountVersion());
    }

    @PostMapping("/email-disassociations")
    @ResponseStatus(HttpStatus.ACCEPTED)
    LinkSent requestDisassociation(
            @Valid @RequestBody DisassociationRequest body, Caller caller, HttpServletRequest request) {
        String email = EmailAddresses.canonical(body.email());
        String addressKey = addressKeys.of(email);
        checkRequester(caller, body.verification(), addressKey, request);
        Instant now = clock.instant();
        Instant expiresAt = now.plus(links.disassociationTtl());
        Accepted accepted = commands.send(
                new RequestEmailDisassociation(caller.accountId(), ids.next(), addressKey, now, expiresAt),
                caller.accountId(),
                Role.HOLDER,
                request);
        return new LinkSent(
                accepted.requestId(), "CONFIRMATION_EMAIL_SENT", false, expiresAt, accepted.accountVersion());
    }

    /**
     * Every request here sends a mail. The client's and the account's budgets are spent first, so
     * guessing verification codes is throttled too; the address's budget only once the code is right,
     * so nobody who cannot solve it can use up the mail an address may receive.
     */
    private void checkRequester(
            Caller caller, HumanChallenges.Verification verification, String addressKey, HttpServletRequest request) {
        rateLimits.consume(RateLimits.Policy.MAIL_PER_CLIENT, request.getRemoteAddr());
        rateLimits.consume(RateLimits.Policy.MAIL_PER_ACCOUNT, caller.accountId());
        verificationCodes.verify(verification, request.getRemoteAddr());
        rateLimits.consume(RateLimits.Policy.MAIL_PER_ADDRESS, addressKey);
    }

    private static ScoreReport scoreReport(AssociationRequest body) {
        if (isBlank(body.lastName()) || isBlank(body.firstName()) || isBlank(body.registrationNumber())) {
            throw new DomainException(ErrorCode.INVALID_INPUT, Text.of("problem.email-association-controller.3"));
        }
        if (!RegistrationNumbers.valid(body.registrationNumber().strip())) {
            throw new DomainException(
                    ErrorCode.INVALID_INPUT,
                    Text.of("problem.email-association-controller.4", RegistrationNumbers.RULE));
        }
        return new ScoreReport(
                body.lastName().strip(),
                body.firstName().strip(),
                RegistrationNumbers.canonical(body.registrationNumber()));
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
