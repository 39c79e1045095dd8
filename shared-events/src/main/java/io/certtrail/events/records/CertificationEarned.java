package io.certtrail.events.records;

import io.certtrail.events.PersonalData;
import java.time.LocalDate;

/** A certification as the certification office reports it, keyed by the holder's address. */
public record CertificationEarned(
        String addressKey,
        @PersonalData String email,
        String certificationName,
        String certificateNumber,
        LocalDate effectiveDate,
        LocalDate expirationDate,
        boolean renewal) {}
