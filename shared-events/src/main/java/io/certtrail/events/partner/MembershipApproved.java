package io.certtrail.events.partner;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * An administrator of the company approved: from now on, while the membership lasts, the company
 * sees the employee's records.
 *
 * @param approvedBy the administrator's account
 */
@Revision("1")
public record MembershipApproved(String accountId, String companyId, String approvedBy, Instant approvedAt)
        implements MembershipEvent {}
