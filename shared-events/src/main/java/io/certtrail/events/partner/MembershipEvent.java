package io.certtrail.events.partner;

/** Every event of an account's membership in a partner company; the index of the family. */
public sealed interface MembershipEvent permits MembershipRequested, MembershipApproved, MembershipEnded {

    /** The employee's account. */
    String accountId();

    /** The partner company, as its administrators' identity provider names it. */
    String companyId();
}
