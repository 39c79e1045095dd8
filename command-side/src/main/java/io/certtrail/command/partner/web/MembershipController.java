package io.certtrail.command.partner.web;

import io.certtrail.command.partner.MembershipCommands;
import io.certtrail.command.partner.MembershipCommands.ApproveMembership;
import io.certtrail.command.partner.MembershipCommands.EndMembership;
import io.certtrail.command.partner.MembershipCommands.MembershipState;
import io.certtrail.command.partner.MembershipCommands.RequestMembership;
import io.certtrail.command.support.CommandSender;
import io.certtrail.platform.error.DomainException;
import io.certtrail.platform.error.ErrorCode;
import io.certtrail.platform.i18n.Text;
import io.certtrail.platform.identity.Caller;
import io.certtrail.platform.identity.Role;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Employees ask to join a partner company and may leave it; its administrators approve and end
 * memberships. An administrator's company always comes from their token, never from the request.
 */
@RestController
class MembershipController {

    private static final String COMPANY = "[a-z0-9][a-z0-9-]{1,63}";

    private final CommandSender commands;
    private final Clock clock;

    MembershipController(CommandSender commands, Clock clock) {
        this.commands = commands;
        this.clock = clock;
    }

    record JoinRequest(
            @NotBlank @Pattern(regexp = COMPANY, message = "is not a partner company id")
            String companyId) {}

    record Ending(@Size(max = 1000) String reason) {}

    /** @param membershipVersion pass as {@code minVersion} to the membership views */
    record Membership(String accountId, String companyId, String status, long membershipVersion) {
        static Membership of(MembershipState state) {
            return new Membership(
                    state.accountId(), state.companyId(), state.status().name(), state.version());
        }
    }

    @PostMapping("/api/me/partner-membership")
    @ResponseStatus(HttpStatus.ACCEPTED)
    Membership join(@Valid @RequestBody JoinRequest body, Caller caller, HttpServletRequest request) {
        return Membership.of(commands.send(
                new RequestMembership(
                        MembershipCommands.membershipIdFor(caller.accountId()),
                        caller.accountId(),
                        body.companyId(),
                        clock.instant()),
                caller.accountId(),
                Role.HOLDER,
                request));
    }

    @PostMapping("/api/me/partner-membership/ending")
    Membership leave(@Valid @RequestBody(required = false) Ending body, Caller caller, HttpServletRequest request) {
        return Membership.of(commands.send(
                new EndMembership(
                        MembershipCommands.membershipIdFor(caller.accountId()),
                        null,
                        caller.accountId(),
                        reason(body),
                        clock.instant()),
                caller.accountId(),
                Role.HOLDER,
                request));
    }

    @PostMapping("/api/partner/memberships/{accountId}/approval")
    Membership approve(@PathVariable String accountId, Caller caller, HttpServletRequest request) {
        return Membership.of(commands.send(
                new ApproveMembership(
                        membership(accountId), caller.partnerCompanyOrRefuse(), caller.accountId(), clock.instant()),
                caller.accountId(),
                Role.PARTNER_ADMIN,
                request));
    }

    @PostMapping("/api/partner/memberships/{accountId}/ending")
    Membership end(
            @PathVariable String accountId,
            @Valid @RequestBody(required = false) Ending body,
            Caller caller,
            HttpServletRequest request) {
        return Membership.of(commands.send(
                new EndMembership(
                        membership(accountId),
                        caller.partnerCompanyOrRefuse(),
                        caller.accountId(),
                        reason(body),
                        clock.instant()),
                caller.accountId(),
                Role.PARTNER_ADMIN,
                request));
    }

    private static String membership(String accountId) {
        if (!accountId.matches("[A-Za-z0-9._:-]{1,128}")) {
            throw new DomainException(ErrorCode.NOT_FOUND, Text.of("problem.certificate-application.10"));
        }
        return MembershipCommands.membershipIdFor(accountId);
    }

    private static String reason(Ending body) {
        return body == null || body.reason() == null || body.reason().isBlank()
                ? null
                : body.reason().strip();
    }
}
