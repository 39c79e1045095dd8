package io.certtrail.events.account;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * The holder turned the reminders before their certificates expire on or off (they are on until
 * turned off).
 */
@Revision("1")
public record ExpiryRemindersChanged(String accountId, boolean enabled, Instant changedAt) implements AccountEvent {}
