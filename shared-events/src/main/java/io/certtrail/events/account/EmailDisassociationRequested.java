package io.certtrail.events.account;

import io.certtrail.events.PersonalData;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/** The holder asked to disassociate an address; a confirmation e-mail follows. */
@Revision("1")
public record EmailDisassociationRequested(
        String accountId,
        String requestId,
        String addressKey,
        @PersonalData String email,
        Instant requestedAt,
        Instant expiresAt)
        implements AccountEmailEvent {}
