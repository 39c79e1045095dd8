package io.certtrail.command.erasure.web;

import io.certtrail.command.account.AccountCommands.CancelErasure;
import io.certtrail.command.account.AccountCommands.RequestErasure;
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
import java.time.Duration;
import java.time.Instant;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The right to be forgotten (rule 32): the holder asks for their account's erasure, or the
 * certification office on their behalf, with a reason; it takes effect after a grace period
 * ({@code certtrail.erasure.grace-period}, 30 days) in which the holder can cancel it.
 */
@RestController
class ErasureController {

    private final CommandSender commands;
    private final Clock clock;
    private final Duration grace;

    ErasureController(
            CommandSender commands, Clock clock, @Value("${certtrail.erasure.grace-period:P30D}") Duration grace) {
        this.commands = commands;
        this.clock = clock;
        this.grace = grace;
    }

    record Request(@Size(max = 1000) String reason) {}

    record OnBehalf(@NotBlank @Size(max = 1000) String reason) {}

    /** @param effectiveAt when the account is erased, unless the holder cancels before */
    record Requested(Instant effectiveAt) {}

    record Cancelled(boolean cancelled) {}

    @PostMapping("/api/me/erasure-request")
    @ResponseStatus(HttpStatus.ACCEPTED)
    Requested request(@Valid @RequestBody Request body, Caller caller, HttpServletRequest request) {
        Instant now = clock.instant();
        Instant effectiveAt = commands.send(
                new RequestErasure(caller.accountId(), body.reason(), now, now.plus(grace)),
                caller.accountId(),
                caller.primaryRole(),
                request);
        return new Requested(effectiveAt);
    }

    @PostMapping("/api/me/erasure-request/cancellation")
    Cancelled cancel(Caller caller, HttpServletRequest request) {
        boolean cancelled = commands.send(
                new CancelErasure(caller.accountId(), clock.instant()),
                caller.accountId(),
                caller.primaryRole(),
                request);
        if (!cancelled) {
            throw new DomainException(ErrorCode.NOT_FOUND, Text.of("problem.erasure-not-waiting"));
        }
        return new Cancelled(true);
    }

    @PostMapping("/api/operator/accounts/{accountId}/erasure-request")
    @ResponseStatus(HttpStatus.ACCEPTED)
    Requested onBehalf(
            @PathVariable @Pattern(regexp = "[A-Za-z0-9_.:@-]{1,200}") String accountId,
            @Valid @RequestBody OnBehalf body,
            Caller caller,
            HttpServletRequest request) {
        Instant now = clock.instant();
        Instant effectiveAt = commands.send(
                new RequestErasure(accountId, body.reason(), now, now.plus(grace)),
                caller.accountId(),
                caller.primaryRole(),
                request);
        return new Requested(effectiveAt);
    }
}
