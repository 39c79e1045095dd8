package io.certtrail.platform.axon;

import java.util.List;

/**
 * Every processing group (and its processor, of the same name), said once: the handlers'
 * {@code @ProcessingGroup}, the dead-letter queues, the sequencing policies, the processor settings
 * (a test holds the YAML files to this list) and the tests all name them from here.
 */
public final class ProcessingGroups {

    private ProcessingGroups() {}

    // the query side's projections
    public static final String RECORDS = "records";
    public static final String SUSPECT_BINDINGS = "suspect-bindings";
    public static final String AUDIT_TRAIL = "audit-trail";
    public static final String MY_EMAIL_ADDRESSES = "my-email-addresses";
    public static final String CERTIFICATE_APPLICATIONS = "certificate-applications";
    public static final String CERTIFICATE_REGISTER = "certificate-register";
    public static final String PARTNER_VIEW = "partner-view";
    public static final String AUDIT_EVENTS = "audit-events";
    public static final String SHARE_LINKS = "share-links";

    // the command side's
    /** The mailers: never replayed, so without a dead-letter queue of their own. */
    public static final String MAIL = "mail";
    /** What waits for its day of automatic approval. */
    public static final String APPROVALS = "approvals";
    /** What is due on each day: reminders before certificates expire, and their expiry. */
    public static final String EXPIRY = "expiry";

    /** The query side's projections, each its own processor, with a dead-letter queue, in this order. */
    public static final List<String> PROJECTIONS = List.of(
            RECORDS,
            SUSPECT_BINDINGS,
            AUDIT_TRAIL,
            MY_EMAIL_ADDRESSES,
            CERTIFICATE_APPLICATIONS,
            CERTIFICATE_REGISTER,
            PARTNER_VIEW,
            AUDIT_EVENTS,
            SHARE_LINKS);

    /** The command side's processors. */
    public static final List<String> COMMAND_SIDE = List.of(MAIL, APPROVALS, EXPIRY);
}
