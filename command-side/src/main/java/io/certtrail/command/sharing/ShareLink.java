package io.certtrail.command.sharing;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import io.certtrail.command.sharing.ShareCommands.CreateShareLink;
import io.certtrail.command.sharing.ShareCommands.ExtendShareLink;
import io.certtrail.command.sharing.ShareCommands.RevokeShareLink;
import io.certtrail.events.sharing.ShareLinkCreated;
import io.certtrail.events.sharing.ShareLinkExtended;
import io.certtrail.events.sharing.ShareLinkRevoked;
import io.certtrail.platform.error.DomainException;
import io.certtrail.platform.error.ErrorCode;
import io.certtrail.platform.i18n.Text;
import java.time.Duration;
import java.time.Instant;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * A holder's share link (rule 27): it shows the records chosen to anyone who has it, until it
 * expires (a year at most from now) or its holder revokes it. Only its holder changes it; to anyone
 * else it is as if it did not exist. Which records a visitor sees is decided when they look: only
 * those still the holder's.
 */
@Aggregate
class ShareLink {

    @AggregateIdentifier
    private String linkId;

    private String accountId;
    private boolean revoked;

    ShareLink() {
        // for Axon
    }

    @CommandHandler
    ShareLink(CreateShareLink command) {
        requireWithinAYear(command.expiresAt(), command.at());
        if (command.recordIds().isEmpty()) {
            throw new DomainException(ErrorCode.INVALID_INPUT, Text.of("problem.share-link.1"));
        }
        apply(new ShareLinkCreated(
                command.linkId(),
                command.accountId(),
                command.tokenHash(),
                command.kind(),
                command.recordIds(),
                command.note(),
                command.expiresAt(),
                command.at()));
    }

    @CommandHandler
    void handle(ExtendShareLink command) {
        requireOwner(command.accountId());
        if (revoked) {
            throw new DomainException(ErrorCode.LINK_NOT_VALID, Text.of("problem.share-link.2"));
        }
        requireWithinAYear(command.expiresAt(), command.at());
        apply(new ShareLinkExtended(linkId, accountId, command.expiresAt(), command.at()));
    }

    /** Revoking it again changes nothing. */
    @CommandHandler
    void handle(RevokeShareLink command) {
        requireOwner(command.accountId());
        if (!revoked) {
            apply(new ShareLinkRevoked(linkId, accountId, command.at()));
        }
    }

    private void requireOwner(String caller) {
        if (!accountId.equals(caller)) {
            throw new DomainException(ErrorCode.NOT_FOUND, Text.of("problem.share-link.3"));
        }
    }

    private static void requireWithinAYear(Instant expiresAt, Instant now) {
        if (!expiresAt.isAfter(now) || expiresAt.isAfter(now.plus(Duration.ofDays(ShareCommands.MAX_DAYS)))) {
            throw new DomainException(ErrorCode.INVALID_INPUT, Text.of("problem.share-link.4"));
        }
    }

    @EventSourcingHandler
    void on(ShareLinkCreated event) {
        linkId = event.linkId();
        accountId = event.accountId();
    }

    @EventSourcingHandler
    void on(ShareLinkRevoked event) {
        revoked = true;
    }
}
