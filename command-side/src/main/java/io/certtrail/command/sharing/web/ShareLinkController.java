package io.certtrail.command.sharing.web;

import io.certtrail.command.sharing.ShareCommands.CreateShareLink;
import io.certtrail.command.sharing.ShareCommands.ExtendShareLink;
import io.certtrail.command.sharing.ShareCommands.RevokeShareLink;
import io.certtrail.command.support.CommandSender;
import io.certtrail.command.support.IdGenerator;
import io.certtrail.command.support.TokenGenerator;
import io.certtrail.events.sharing.SharedKind;
import io.certtrail.platform.error.DomainException;
import io.certtrail.platform.error.ErrorCode;
import io.certtrail.platform.i18n.Text;
import io.certtrail.platform.identity.Caller;
import io.certtrail.platform.privacy.SecretHashes;
import io.certtrail.platform.web.PublicUrls;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The holder's share links (rule 27): make one for a certificate or a transcript of chosen
 * records, extend it, revoke it. The link's secret is in the answer to its making, once, and
 * nowhere else: only its hash is kept. Listing them: {@code GET /api/me/share-links}.
 */
@RestController
@RequestMapping("/api/me/share-links")
class ShareLinkController {

    static final int DEFAULT_DAYS = 90;

    private final CommandSender commands;
    private final IdGenerator ids;
    private final TokenGenerator tokens;
    private final PublicUrls urls;
    private final Clock clock;

    ShareLinkController(CommandSender commands, IdGenerator ids, TokenGenerator tokens, PublicUrls urls, Clock clock) {
        this.commands = commands;
        this.ids = ids;
        this.tokens = tokens;
        this.urls = urls;
        this.clock = clock;
    }

    /**
     * @param recordIds one certificate's record for CERTIFICATE; up to 200 records for TRANSCRIPT
     * @param expiresInDays 1 to 365; default 90
     * @param note shown with it; up to 300 characters
     */
    record NewLink(
            @NotNull SharedKind kind,
            @NotEmpty @Size(max = 200) List<@NotNull @Pattern(regexp = "[A-Z]+:[^\\s]{1,120}") String> recordIds,
            @Min(1) @Max(365) Integer expiresInDays,
            @Size(max = 300) String note) {}

    /** @param url the link to give out: it holds the secret, shown this once */
    record Made(String linkId, String url, Instant expiresAt) {}

    record Extension(@NotNull @Min(1) @Max(365) Integer expiresInDays) {}

    record Changed(String linkId, Instant expiresAt, boolean revoked) {}

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    Made create(@Valid @RequestBody NewLink body, Caller caller, HttpServletRequest request) {
        List<String> recordIds = body.recordIds().stream().distinct().toList();
        if (body.kind() == SharedKind.CERTIFICATE
                && (recordIds.size() != 1 || !recordIds.get(0).startsWith("CERT:"))) {
            throw new DomainException(ErrorCode.INVALID_INPUT, Text.of("problem.share-link-controller.1"));
        }
        String token = tokens.next();
        String linkId = "share:" + ids.next();
        Instant now = clock.instant();
        Instant expiresAt =
                now.plus(Duration.ofDays(body.expiresInDays() == null ? DEFAULT_DAYS : body.expiresInDays()));
        String note = body.note() == null || body.note().isBlank()
                ? null
                : body.note().strip();
        commands.send(
                new CreateShareLink(
                        linkId,
                        caller.accountId(),
                        SecretHashes.sha256(token),
                        body.kind(),
                        recordIds,
                        note,
                        expiresAt,
                        now),
                caller.accountId(),
                caller.primaryRole(),
                request);
        return new Made(linkId, urls.base() + "/share/" + token, expiresAt);
    }

    @PostMapping("/{linkId}/extension")
    Changed extend(
            @PathVariable String linkId,
            @Valid @RequestBody Extension body,
            Caller caller,
            HttpServletRequest request) {
        Instant now = clock.instant();
        Instant expiresAt = now.plus(Duration.ofDays(body.expiresInDays()));
        commands.send(
                new ExtendShareLink(linkId, caller.accountId(), expiresAt, now),
                caller.accountId(),
                caller.primaryRole(),
                request);
        return new Changed(linkId, expiresAt, false);
    }

    @PostMapping("/{linkId}/revocation")
    Changed revoke(@PathVariable String linkId, Caller caller, HttpServletRequest request) {
        commands.send(
                new RevokeShareLink(linkId, caller.accountId(), clock.instant()),
                caller.accountId(),
                caller.primaryRole(),
                request);
        return new Changed(linkId, null, true);
    }
}
