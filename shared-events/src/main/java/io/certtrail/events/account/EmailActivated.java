package io.certtrail.events.account;

import io.certtrail.events.PersonalData;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * The activation link was used: the address is now associated with the account.
 *
 * @param previousAccountId the account the address moved away from, or null
 * @param registrationNumber for an association by score report, the report's registration number
 *        (its exams are the holder's); null otherwise, and in events stored before it was recorded here
 */
@Revision("1")
public record EmailActivated(
        String accountId,
        String requestId,
        String addressKey,
        @PersonalData String email,
        AssociationMethod method,
        String previousAccountId,
        Instant activatedAt,
        String registrationNumber)
        implements AccountEmailEvent {}
