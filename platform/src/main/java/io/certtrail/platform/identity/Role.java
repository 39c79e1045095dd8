package io.certtrail.platform.identity;

/** What a signed-in caller may do. Spring authorities are {@code ROLE_} + the name. */
public enum Role {
    HOLDER,
    PARTNER_ADMIN,
    AUDITOR,
    OPERATOR,
    /** A system (training system, exam centre, certification office, logistics), signed in as an OAuth2 client. */
    INTEGRATION
}
