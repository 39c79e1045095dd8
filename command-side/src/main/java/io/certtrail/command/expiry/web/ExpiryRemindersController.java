package io.certtrail.command.expiry.web;

import io.certtrail.command.account.AccountCommands.SetExpiryReminders;
import io.certtrail.command.support.CommandSender;
import io.certtrail.platform.identity.Caller;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.time.Clock;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The holder turns off (or on again) the mails that remind them before a certificate of theirs
 * expires. The setting is the account's: it covers every address on it. "My e-mail addresses"
 * shows it.
 */
@RestController
@RequestMapping("/api/me/expiry-reminders")
class ExpiryRemindersController {

    private final CommandSender commands;
    private final Clock clock;

    ExpiryRemindersController(CommandSender commands, Clock clock) {
        this.commands = commands;
        this.clock = clock;
    }

    record Setting(@NotNull Boolean enabled) {}

    @PutMapping
    Setting set(@Valid @RequestBody Setting body, Caller caller, HttpServletRequest request) {
        boolean enabled = commands.send(
                new SetExpiryReminders(caller.accountId(), body.enabled(), clock.instant()),
                caller.accountId(),
                caller.primaryRole(),
                request);
        return new Setting(enabled);
    }
}
