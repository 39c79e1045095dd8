package io.certtrail.events.sharing;

import io.certtrail.events.PersonalData;
import java.time.Instant;
import java.util.List;
import org.axonframework.serialization.Revision;

/**
 * A holder made a link that shows records they chose to anyone who has it, until it expires or is
 * revoked. The link's secret is never stored: only its SHA-256, by which a visitor's link is found.
 *
 * @param tokenHash the SHA-256 (hex) of the link's secret (at least 128 random bits)
 * @param recordIds the records shown: one certificate, or the transcript's certificates, exams and training
 * @param note the holder's own words shown with it, if any
 */
@Revision("1")
public record ShareLinkCreated(
        String linkId,
        String accountId,
        String tokenHash,
        SharedKind kind,
        List<String> recordIds,
        @PersonalData String note,
        Instant expiresAt,
        Instant createdAt)
        implements ShareLinkEvent {}
