package io.certtrail.events.account;

import io.certtrail.events.PersonalData;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * The address left the account; its records leave with it.
 *
 * @param newAccountId for {@link DisassociationCause#OWNERSHIP_MOVED}: the account that took it over
 * @param reason for {@link DisassociationCause#FORCED_UNBINDING}: the certification office's reason
 */
@Revision("1")
public record EmailDisassociated(
        String accountId,
        String addressKey,
        @PersonalData String email,
        DisassociationCause cause,
        String newAccountId,
        @PersonalData String reason,
        Instant disassociatedAt)
        implements AccountEmailEvent {}
