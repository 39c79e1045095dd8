package io.certtrail.events.account;

/** The account events about one of its addresses. */
public sealed interface AccountEmailEvent extends AccountEvent
        permits EmailAssociationRequested, EmailActivated, EmailDisassociationRequested, EmailDisassociated {

    /** The keyed hash of the canonical address: stable, and no personal data. */
    String addressKey();
}
