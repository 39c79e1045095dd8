package io.certtrail.events.account;

import io.certtrail.events.PersonalData;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * A holder asked to associate an address with their account. An activation e-mail follows; the
 * token in it is never part of this event.
 *
 * @param scoreReport present only for {@link AssociationMethod#SCORE_REPORT}
 * @param heldByAnotherAccount whether, when asked, the address was active on another account
 * @param privacyStatement the version of the privacy statement the holder accepted with the request;
 *        null in events stored before it was asked for
 */
@Revision("1")
public record EmailAssociationRequested(
        String accountId,
        String requestId,
        String addressKey,
        @PersonalData String email,
        AssociationMethod method,
        ScoreReport scoreReport,
        boolean heldByAnotherAccount,
        Instant requestedAt,
        Instant expiresAt,
        String privacyStatement)
        implements AccountEmailEvent {}
