package io.certtrail.events.account;

/** Why an address left an account. Stored forever: add values, never rename them. */
public enum DisassociationCause {
    /** The holder asked and confirmed through the link sent to the address (rule 6). */
    HOLDER_CONFIRMED,
    /** Another account proved control of the mailbox and took the address over (rule 4). */
    OWNERSHIP_MOVED,
    /** The certification office unbound the address by force (rule 5). */
    FORCED_UNBINDING
}
