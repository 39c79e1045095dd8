package io.certtrail.events.sharing;

/** Every event of a holder's share link; the index of the family. */
public sealed interface ShareLinkEvent permits ShareLinkCreated, ShareLinkExtended, ShareLinkRevoked {

    String linkId();

    String accountId();
}
