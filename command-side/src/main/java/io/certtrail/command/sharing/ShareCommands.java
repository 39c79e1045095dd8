package io.certtrail.command.sharing;

import io.certtrail.events.sharing.SharedKind;
import java.time.Instant;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Commands of {@link ShareLink}: made, extended and revoked by the holder who owns it. */
public final class ShareCommands {

    /** A link lives a year at most from its creation or its latest extension. */
    public static final int MAX_DAYS = 365;

    private ShareCommands() {}

    public record CreateShareLink(
            @TargetAggregateIdentifier String linkId,
            String accountId,
            String tokenHash,
            SharedKind kind,
            List<String> recordIds,
            String note,
            Instant expiresAt,
            Instant at) {}

    public record ExtendShareLink(
            @TargetAggregateIdentifier String linkId, String accountId, Instant expiresAt, Instant at) {}

    public record RevokeShareLink(@TargetAggregateIdentifier String linkId, String accountId, Instant at) {}
}
