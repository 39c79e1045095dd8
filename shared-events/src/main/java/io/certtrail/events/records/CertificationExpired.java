package io.certtrail.events.records;

import io.certtrail.events.PersonalData;
import java.time.Instant;
import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/**
 * A certificate reached the end of its expiration date without being renewed: a fact in its
 * history, stated by the expiry schedule the day after. (Views never wait for it: a certificate
 * reads expired after its date whatever the schedule did.)
 *
 * @param email the address it was recorded for
 */
@Revision("1")
public record CertificationExpired(
        String holderId,
        String addressKey,
        String recordId,
        String certificateNumber,
        String certificationName,
        LocalDate expirationDate,
        @PersonalData String email,
        Instant expiredAt) {}
