package io.certtrail.command.ownership;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Commands of {@link AddressOwnership}. */
public final class OwnershipCommands {

    private OwnershipCommands() {}

    public record ClaimAddress(@TargetAggregateIdentifier String addressKey, String accountId, Instant at) {}

    public record ReleaseAddress(@TargetAggregateIdentifier String addressKey, String accountId, Instant at) {}

    public record ForceUnbindAddress(
            @TargetAggregateIdentifier String addressKey, String reason, Instant at) {}
}
