package io.certtrail.events.partner;

import io.certtrail.events.PersonalData;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * The membership (or the request for it) ended: the company sees none of the employee's records
 * from now on.
 *
 * <p>Revision 2 says how it ended in one word ({@link MembershipEnding}); revision 1 said it in two
 * flags, {@code byEmployee} and {@code wasApproved}, whose four combinations an auditor had to
 * decode. Stored revision 1 events are read through {@code MembershipEndedUpcaster}.
 *
 * @param endedBy the account that ended it: the employee, or an administrator of the company
 * @param reason as given, if any
 */
@Revision("2")
public record MembershipEnded(
        String accountId,
        String companyId,
        String endedBy,
        MembershipEnding ending,
        @PersonalData String reason,
        Instant endedAt)
        implements MembershipEvent {

    public boolean byEmployee() {
        return ending.byEmployee();
    }

    public boolean wasApproved() {
        return ending.wasApproved();
    }
}
