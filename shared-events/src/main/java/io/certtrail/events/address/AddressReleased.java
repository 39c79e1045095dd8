package io.certtrail.events.address;

import io.certtrail.events.account.DisassociationCause;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/** The address no longer belongs to any account. */
@Revision("1")
public record AddressReleased(String addressKey, String accountId, DisassociationCause cause, Instant releasedAt)
        implements AddressOwnershipEvent {}
