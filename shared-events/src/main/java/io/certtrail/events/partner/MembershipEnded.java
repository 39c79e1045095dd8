package io.certtrail.events.partner;

import io.certtrail.events.PersonalData;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * The membership (or the request for it) ended: the company sees none of the employee's records
 * from now on.
 *
 * @param endedBy the account that ended it: the employee, or an administrator of the company
 * @param byEmployee whether the employee ended it
 * @param wasApproved false when a request was withdrawn or declined before approval
 * @param reason as given, if any
 */
@Revision("1")
public record MembershipEnded(String accountId, String companyId, String endedBy, boolean byEmployee,
        boolean wasApproved, @PersonalData String reason, Instant endedAt) implements MembershipEvent {
}
