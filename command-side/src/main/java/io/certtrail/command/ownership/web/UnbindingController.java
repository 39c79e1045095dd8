package io.certtrail.command.ownership.web;

import io.certtrail.command.ownership.OwnershipCommands.ForceUnbindAddress;
import io.certtrail.command.support.CommandSender;
import io.certtrail.command.support.EmailAddresses;
import io.certtrail.platform.error.DomainException;
import io.certtrail.platform.error.ErrorCode;
import io.certtrail.platform.i18n.Text;
import io.certtrail.platform.identity.Caller;
import io.certtrail.platform.identity.Role;
import io.certtrail.platform.privacy.AddressKeys;
import io.certtrail.platform.privacy.Masking;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import org.axonframework.commandhandling.CommandExecutionException;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The certification office unbinds an address from whatever account holds it (rule 5). */
@RestController
@RequestMapping("/api/operator")
class UnbindingController {

    private final CommandSender commands;
    private final AddressKeys addressKeys;
    private final Clock clock;

    UnbindingController(CommandSender commands, AddressKeys addressKeys, Clock clock) {
        this.commands = commands;
        this.addressKeys = addressKeys;
        this.clock = clock;
    }

    /** Name the address either by itself or by the {@code addressKey} the suspect-binding list shows. */
    record UnbindingRequest(
            @Size(max = 320) String email,

            @Pattern(regexp = "addr_[A-Za-z0-9_-]{43}", message = "is not an address key")
            String addressKey,

            @NotBlank @Size(max = 1000) String reason) {}

    /** @param email masked, and only when the request named the address itself */
    record Unbound(String unboundAccountId, String addressKey, String email) {}

    @PostMapping("/email-unbindings")
    Unbound forceUnbind(@Valid @RequestBody UnbindingRequest body, Caller caller, HttpServletRequest request) {
        if ((body.email() == null) == (body.addressKey() == null)) {
            throw new DomainException(ErrorCode.INVALID_INPUT, Text.of("problem.unbinding-controller.1"));
        }
        String email = body.email() == null ? null : EmailAddresses.canonical(body.email());
        String addressKey = email == null ? body.addressKey() : addressKeys.of(email);
        try {
            String accountId = commands.send(
                    new ForceUnbindAddress(addressKey, body.reason().strip(), clock.instant()),
                    caller.accountId(),
                    Role.OPERATOR,
                    request);
            return new Unbound(accountId, addressKey, email == null ? null : Masking.email(email));
        } catch (CommandExecutionException e) {
            // no AddressOwnership for it: the address was never associated with any account
            if (io.certtrail.platform.axon.CommandFailures.codeOf(e)
                    .filter(ErrorCode.NOT_FOUND::equals)
                    .isPresent()) {
                throw new DomainException(ErrorCode.ADDRESS_NOT_BOUND, Text.of("problem.address-ownership.1"));
            }
            throw e;
        }
    }
}
