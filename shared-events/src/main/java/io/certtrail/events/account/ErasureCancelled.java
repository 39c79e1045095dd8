package io.certtrail.events.account;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/** The holder kept their account: the erasure asked for will not happen. */
@Revision("1")
public record ErasureCancelled(String accountId, Instant cancelledAt) implements AccountEvent {}
