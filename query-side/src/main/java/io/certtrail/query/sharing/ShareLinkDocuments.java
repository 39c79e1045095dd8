package io.certtrail.query.sharing;

import io.certtrail.events.sharing.SharedKind;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** The share links' read models, fetched by {@code _id} only. */
public final class ShareLinkDocuments {

    private ShareLinkDocuments() {}

    /** A holder's links, one document per account. */
    @Document("share_links")
    public record MyShareLinks(@Id String accountId, List<Link> links) {
        public MyShareLinks {
            links = links == null ? new ArrayList<>() : new ArrayList<>(links);
        }
    }

    /** @param tokenHash the SHA-256 of the link's secret, by which a visitor's link is found */
    public record Link(
            String linkId,
            String tokenHash,
            SharedKind kind,
            List<String> recordIds,
            String note,
            Instant createdAt,
            Instant expiresAt,
            Instant revokedAt) {}

    /** Where a link's secret leads: the holder and the link. */
    @Document("share_tokens")
    public record ShareToken(@Id String tokenHash, String accountId, String linkId) {}
}
