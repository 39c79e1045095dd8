package io.certtrail.events.partner;

import io.certtrail.events.PersonalData;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * A partner administrator turned the weekly digest of their employees' certificates about to
 * expire on or off.
 *
 * @param email where it goes: the address the identity provider stated for the administrator
 */
@Revision("1")
public record ExpiryDigestSubscriptionChanged(
        String digestId,
        String companyId,
        String adminAccountId,
        @PersonalData String email,
        boolean enabled,
        Instant changedAt) {}
