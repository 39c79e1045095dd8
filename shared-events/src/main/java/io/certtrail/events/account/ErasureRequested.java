package io.certtrail.events.account;

import io.certtrail.events.PersonalData;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * The holder, or the certification office on their behalf, asked for the account's erasure (the
 * right to be forgotten). It takes effect at {@code effectiveAt}, after a grace period in which the
 * holder can cancel it. Who asked is the event's actor.
 *
 * @param reason as given (may name the person)
 */
@Revision("1")
public record ErasureRequested(
        String accountId, @PersonalData String reason, Instant requestedAt, Instant effectiveAt)
        implements AccountEvent {}
