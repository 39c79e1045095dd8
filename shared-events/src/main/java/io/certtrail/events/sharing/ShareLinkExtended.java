package io.certtrail.events.sharing;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/** The holder moved the link's expiry. */
@Revision("1")
public record ShareLinkExtended(String linkId, String accountId, Instant expiresAt, Instant extendedAt)
        implements ShareLinkEvent {}
