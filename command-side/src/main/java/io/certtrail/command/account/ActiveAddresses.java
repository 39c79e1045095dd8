package io.certtrail.command.account;

/**
 * Whether an address is associated with an account, read from the {@code Account} aggregate inside
 * the unit of work of the command being handled, so the answer cannot be stale.
 */
public interface ActiveAddresses {

    boolean isActive(String accountId, String addressKey);

    /** The addresses active on the account now, to reach its holder (none for an unknown account). */
    default java.util.List<String> emailsOf(String accountId) {
        return java.util.List.of();
    }
}
