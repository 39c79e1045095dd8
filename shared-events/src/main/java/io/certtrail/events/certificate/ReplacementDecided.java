package io.certtrail.events.certificate;

import io.certtrail.events.PersonalData;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * The certification office approved a replacement (logistics ships it like the first package) or
 * refused it, with its reason.
 *
 * @param reason for a refusal; null for an approval
 */
@Revision("1")
public record ReplacementDecided(
        String applicationId,
        String accountId,
        String certificateNumber,
        boolean approved,
        @PersonalData String reason,
        Instant decidedAt)
        implements CertificateApplicationEvent {}
