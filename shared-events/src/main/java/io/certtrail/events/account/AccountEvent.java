package io.certtrail.events.account;

/** Every event the {@code Account} aggregate emits; the index of the family. */
public sealed interface AccountEvent
        permits EmailAssociationRequested, EmailActivated, EmailDisassociationRequested, EmailDisassociated {

    String accountId();

    /** The keyed hash of the canonical address: stable, and no personal data. */
    String addressKey();
}
