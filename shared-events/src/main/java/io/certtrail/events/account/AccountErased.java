package io.certtrail.events.account;

import java.time.Instant;
import java.util.List;
import org.axonframework.serialization.Revision;

/**
 * The account's personal data was erased: the keys of the account and of every address it ever
 * held are destroyed, so what they sealed reads as erased everywhere. The issuer's records stay
 * (certificate numbers, certifications, dates, status), and so does every event.
 *
 * @param addressKeys every address the account ever held (keys, never addresses)
 */
@Revision("1")
public record AccountErased(String accountId, List<String> addressKeys, Instant erasedAt) implements AccountEvent {}
