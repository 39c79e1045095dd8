package io.certtrail.command.account;

import java.time.Instant;
import java.util.Optional;

/**
 * What an account needs to know and change about who owns an address. Implemented on the
 * {@code AddressOwnership} aggregate inside the same unit of work, so it is strongly consistent.
 */
public interface AddressRegistry {

    /** The account that owns the address now, if any. */
    Optional<String> ownerOf(String addressKey);

    /**
     * Makes the account the owner; the previous owner, if any, loses the address in the same
     * transaction.
     *
     * @return the previous owner
     */
    Optional<String> claim(String addressKey, String accountId, Instant at);

    /** The account gives the address up at the holder's request. */
    void release(String addressKey, String accountId, Instant at);
}
