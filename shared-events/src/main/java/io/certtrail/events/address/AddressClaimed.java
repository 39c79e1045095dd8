package io.certtrail.events.address;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/** An account proved control of the mailbox and now owns the address. */
@Revision("1")
public record AddressClaimed(String addressKey, String accountId, String previousAccountId, Instant claimedAt)
        implements AddressOwnershipEvent {}
