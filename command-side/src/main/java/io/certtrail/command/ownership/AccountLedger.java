package io.certtrail.command.ownership;

import io.certtrail.events.account.DisassociationCause;
import java.time.Instant;

/** Takes an address off an account, in the same unit of work as the ownership change. */
public interface AccountLedger {

    void removeEmail(
            String accountId,
            String addressKey,
            DisassociationCause cause,
            String newAccountId,
            String reason,
            Instant at);
}
