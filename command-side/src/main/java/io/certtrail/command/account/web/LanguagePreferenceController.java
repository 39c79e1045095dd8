package io.certtrail.command.account.web;

import io.certtrail.command.account.AccountCommands.SetLanguagePreference;
import io.certtrail.command.support.CommandSender;
import io.certtrail.platform.error.DomainException;
import io.certtrail.platform.error.ErrorCode;
import io.certtrail.platform.i18n.Language;
import io.certtrail.platform.i18n.Text;
import io.certtrail.platform.identity.Caller;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The language CertTrail speaks to the holder: mails, pages, documents and error messages. Kept on
 * the account; without one, each request's {@code Accept-Language} decides, and English otherwise.
 * "My e-mail addresses" shows it.
 */
@RestController
@RequestMapping("/api/me/language")
class LanguagePreferenceController {

    private final CommandSender commands;
    private final Clock clock;

    LanguagePreferenceController(CommandSender commands, Clock clock) {
        this.commands = commands;
        this.clock = clock;
    }

    /** @param language zh-CN or en; null to follow each request's Accept-Language */
    record Preference(String language) {}

    @PutMapping
    Preference set(@RequestBody Preference body, Caller caller, HttpServletRequest request) {
        String language = null;
        if (body.language() != null) {
            language = Language.ofTag(body.language())
                    .map(Language::tag)
                    .orElseThrow(
                            () -> new DomainException(ErrorCode.INVALID_INPUT, Text.of("problem.language-not-spoken")));
        }
        String chosen = commands.send(
                new SetLanguagePreference(caller.accountId(), language, clock.instant()),
                caller.accountId(),
                caller.primaryRole(),
                request);
        return new Preference(chosen);
    }
}
