package io.certtrail.events.account;

/** How the holder proved the link between an address and their records (DOMAIN rules 2 and 3). */
public enum AssociationMethod {
    /** Method 1: the address alone, proven by the activation e-mail. */
    EMAIL,
    /** Method 2: the details of an exam score report plus the address, proven the same way. */
    SCORE_REPORT
}
