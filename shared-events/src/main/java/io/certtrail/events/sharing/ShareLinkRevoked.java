package io.certtrail.events.sharing;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/** The holder withdrew the link: from now on it shows nothing, as a link that never existed. */
@Revision("1")
public record ShareLinkRevoked(String linkId, String accountId, Instant revokedAt) implements ShareLinkEvent {}
