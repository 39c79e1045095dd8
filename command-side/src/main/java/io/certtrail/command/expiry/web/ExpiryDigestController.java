package io.certtrail.command.expiry.web;

import io.certtrail.command.expiry.ExpiryCommands;
import io.certtrail.command.expiry.ExpiryCommands.SetExpiryDigest;
import io.certtrail.command.support.CommandSender;
import io.certtrail.platform.error.DomainException;
import io.certtrail.platform.error.ErrorCode;
import io.certtrail.platform.i18n.Text;
import io.certtrail.platform.identity.Caller;
import io.certtrail.platform.privacy.Masking;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.time.Clock;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A partner administrator turns on (or off) the weekly digest of their company's employees'
 * certificates that expire within 90 days. It goes to the address their sign-in states, never to
 * one typed in, so the digest cannot be sent to a stranger.
 */
@RestController
@RequestMapping("/api/partner/expiry-digest")
class ExpiryDigestController {

    private final CommandSender commands;
    private final Clock clock;

    ExpiryDigestController(CommandSender commands, Clock clock) {
        this.commands = commands;
        this.clock = clock;
    }

    record Setting(@NotNull Boolean enabled) {}

    /** @param sentTo the address it goes to, masked; null when off */
    record Subscription(boolean enabled, String sentTo) {}

    @PutMapping
    Subscription set(@Valid @RequestBody Setting body, Caller caller, HttpServletRequest request) {
        String company = caller.partnerCompanyOrRefuse();
        if (body.enabled() && (caller.email() == null || caller.email().isBlank())) {
            throw new DomainException(ErrorCode.INVALID_INPUT, Text.of("problem.expiry-digest-controller.1"));
        }
        boolean enabled = commands.send(
                new SetExpiryDigest(
                        ExpiryCommands.digestIdOf(company),
                        company,
                        caller.accountId(),
                        body.enabled() ? caller.email() : null,
                        body.enabled(),
                        clock.instant()),
                caller.accountId(),
                caller.primaryRole(),
                request);
        return new Subscription(enabled, enabled ? Masking.email(caller.email()) : null);
    }
}
