package io.certtrail.command.account;

/**
 * Whether an address is associated with an account, read from the {@code Account} aggregate inside
 * the unit of work of the command being handled, so the answer cannot be stale.
 */
public interface ActiveAddresses {

    boolean isActive(String accountId, String addressKey);
}
