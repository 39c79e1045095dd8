package io.certtrail.events.records;

import io.certtrail.events.PersonalData;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * The certification office withdrew a certificate: public verification says revoked from now on,
 * and it can no longer be applied for or downloaded.
 *
 * @param reason why, as the office states it (may name the person)
 * @param email the address the certificate was recorded for, whose holder is told; null in events
 *        stored before it was added (nobody is told of those)
 */
@Revision("1")
public record CertificationRevoked(
        String recordId,
        String certificateNumber,
        @PersonalData String reason,
        Instant revokedAt,
        @PersonalData String email) {}
