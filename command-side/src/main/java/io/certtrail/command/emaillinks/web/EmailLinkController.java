package io.certtrail.command.emaillinks.web;

import io.certtrail.command.account.AccountCommands.Accepted;
import io.certtrail.command.account.AccountCommands.ActivateEmail;
import io.certtrail.command.account.AccountCommands.ConfirmEmailDisassociation;
import io.certtrail.command.emaillinks.LinkPurpose;
import io.certtrail.command.emaillinks.LinkTokens;
import io.certtrail.command.emaillinks.LinkTokens.Link;
import io.certtrail.command.support.CommandSender;
import io.certtrail.platform.abuse.RateLimitedException;
import io.certtrail.platform.abuse.RateLimits;
import io.certtrail.platform.axon.CommandFailures;
import io.certtrail.platform.error.DomainException;
import io.certtrail.platform.error.ErrorCode;
import io.certtrail.platform.i18n.Messages;
import io.certtrail.platform.i18n.RequestLanguages;
import io.certtrail.platform.i18n.Text;
import io.certtrail.platform.identity.Role;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.util.Locale;
import java.util.Optional;
import org.axonframework.commandhandling.CommandExecutionException;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;

/**
 * The links in activation and confirmation e-mails. Opening one shows a page with a single
 * button; pressing it (a POST) does the work. Mail scanners that pre-fetch links with GET
 * therefore cannot associate or, worse, disassociate an address on the holder's behalf.
 * The token is the credential: no sign-in is needed, and every unusable token gets the same answer.
 */
@RestController
@RequestMapping("/email-links")
class EmailLinkController {

    private static final String CSP = "default-src 'none'; style-src 'unsafe-inline'; form-action 'self';"
            + " frame-ancestors 'none'; base-uri 'none'";

    private final LinkTokens tokens;
    private final CommandSender commands;
    private final Clock clock;
    private final RateLimits rateLimits;
    private final String portalUrl;
    private final RequestLanguages languages;

    EmailLinkController(
            LinkTokens tokens,
            CommandSender commands,
            Clock clock,
            RateLimits rateLimits,
            io.certtrail.command.support.CommandSideConfiguration.LinkProperties links,
            RequestLanguages languages) {
        this.rateLimits = rateLimits;
        this.portalUrl = links.portalUrl().toString();
        this.languages = languages;
        this.tokens = tokens;
        this.commands = commands;
        this.clock = clock;
    }

    /** @param accountVersion pass as {@code minVersion} to the query API to see the change */
    record Outcome(String outcome, long accountVersion) {}

    @GetMapping(value = "/{token}", produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<String> confirmationPage(@PathVariable String token, HttpServletRequest request) {
        Locale locale = languages.of(request).locale();
        try {
            rateLimits.consume(RateLimits.Policy.LINK_ATTEMPTS_PER_CLIENT, request.getRemoteAddr());
        } catch (RateLimitedException e) {
            return page(
                    locale,
                    HttpStatus.TOO_MANY_REQUESTS,
                    Messages.render("page.link.too-many", locale),
                    "<p>" + HtmlUtils.htmlEscape(e.detail().in(locale)) + "</p>");
        }
        Optional<Link> link = tokens.findUsable(token);
        if (link.isEmpty()) {
            return page(
                    locale,
                    HttpStatus.NOT_FOUND,
                    Messages.render("page.link.not-valid", locale),
                    "<p>" + t(locale, "problem.email-link-not-valid") + "</p>" + onward(locale));
        }
        boolean activation = link.get().purpose() == LinkPurpose.ACTIVATE_ASSOCIATION;
        String kind = activation ? "associate" : "disassociate";
        // the address came to this mailbox with the link: whoever holds the link learns nothing new
        String address = link.get().email() == null
                ? ""
                : "<p>" + t(locale, "page.link.address") + " <strong data-address>"
                        + HtmlUtils.htmlEscape(link.get().email()) + "</strong></p>";
        return page(
                locale,
                HttpStatus.OK,
                Messages.render("page.link." + kind + ".title", locale),
                address + "<p>" + t(locale, "page.link." + kind + ".what") + "</p>"
                        + "<form method=\"post\"><button type=\"submit\">"
                        + t(locale, "page.link." + kind + ".button") + "</button></form>"
                        + "<p>" + t(locale, "page.link.not-you") + "</p>");
    }

    @PostMapping(value = "/{token}", produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<String> followFromBrowser(@PathVariable String token, HttpServletRequest request) {
        Locale locale = languages.of(request).locale();
        try {
            Outcome outcome = follow(token, request);
            String kind = "ASSOCIATED".equals(outcome.outcome()) ? "associated" : "disassociated";
            return page(
                    locale,
                    HttpStatus.OK,
                    Messages.render("page.link." + kind + ".title", locale),
                    "<p>" + t(locale, "page.link." + kind) + "</p>" + onward(locale));
        } catch (DomainException e) {
            return page(
                    locale,
                    HttpStatus.valueOf(e.code().status()),
                    Messages.render("page.link.not-valid", locale),
                    "<p>" + HtmlUtils.htmlEscape(e.detail().in(locale)) + "</p>" + onward(locale));
        }
    }

    private String onward(Locale locale) {
        return "<p><a href=\"" + HtmlUtils.htmlEscape(portalUrl) + "\">" + t(locale, "page.link.onward") + "</a></p>";
    }

    private static String t(Locale locale, String key) {
        return HtmlUtils.htmlEscape(Messages.render(key, locale));
    }

    @PostMapping(value = "/{token}", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Outcome> followFromApi(@PathVariable String token, HttpServletRequest request) {
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(follow(token, request));
    }

    private Outcome follow(String token, HttpServletRequest request) {
        rateLimits.consume(RateLimits.Policy.LINK_ATTEMPTS_PER_CLIENT, request.getRemoteAddr());
        long started = System.nanoTime();
        try {
            return followChecked(token, request);
        } catch (DomainException e) {
            if (e.code() == ErrorCode.LINK_NOT_VALID) {
                // Unknown, expired, used and superseded links take different paths (a superseded one is
                // refused by the account); answering all of them no sooner than a fixed floor keeps the
                // timing from telling a guesser which kind a token was.
                sleepUntil(started + REFUSAL_FLOOR_NANOS);
            }
            throw e;
        }
    }

    private static final long REFUSAL_FLOOR_NANOS = java.util.concurrent.TimeUnit.MILLISECONDS.toNanos(150);

    private static void sleepUntil(long deadline) {
        long wait = deadline - System.nanoTime();
        if (wait > 0) {
            try {
                java.util.concurrent.TimeUnit.NANOSECONDS.sleep(wait);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private Outcome followChecked(String token, HttpServletRequest request) {
        Link link = tokens.findUsable(token)
                .orElseThrow(
                        () -> new DomainException(ErrorCode.LINK_NOT_VALID, Text.of("problem.email-link-not-valid")));
        Object command = link.purpose() == LinkPurpose.ACTIVATE_ASSOCIATION
                ? new ActivateEmail(link.accountId(), link.requestId(), clock.instant())
                : new ConfirmEmailDisassociation(link.accountId(), link.requestId(), clock.instant());
        try {
            // The mailbox owner acts for the account that asked: the audit records that account as the actor.
            Accepted accepted = commands.send(command, link.accountId(), Role.HOLDER, request);
            tokens.consume(link.requestId());
            return new Outcome(
                    link.purpose() == LinkPurpose.ACTIVATE_ASSOCIATION ? "ASSOCIATED" : "DISASSOCIATED",
                    accepted.accountVersion());
        } catch (CommandExecutionException e) {
            if (CommandFailures.codeOf(e)
                    .filter(ErrorCode.LINK_NOT_VALID::equals)
                    .isPresent()) {
                tokens.consume(link.requestId());
                throw new DomainException(ErrorCode.LINK_NOT_VALID, Text.of("problem.email-link-not-valid"));
            }
            throw e;
        }
    }

    private static ResponseEntity<String> page(Locale locale, HttpStatus status, String title, String body) {
        String html =
                "<!doctype html><html lang=\"" + locale.toLanguageTag() + "\"><head><meta charset=\"utf-8\"><title>"
                        + HtmlUtils.htmlEscape(title) + " - CertTrail</title>"
                        + "<style>body{font-family:sans-serif;max-width:40rem;margin:4rem auto}button{font-size:1.1rem}</style>"
                        + "</head><body><h1>" + HtmlUtils.htmlEscape(title) + "</h1>" + body + "</body></html>";
        return ResponseEntity.status(status)
                .contentType(new MediaType(MediaType.TEXT_HTML, java.nio.charset.StandardCharsets.UTF_8))
                .cacheControl(CacheControl.noStore())
                .header("Content-Security-Policy", CSP)
                .header("Referrer-Policy", "no-referrer")
                .header("Content-Language", locale.toLanguageTag())
                .body(html);
    }
}
