package io.certtrail.events.partner;

import io.certtrail.events.PersonalData;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.axonframework.serialization.Revision;

/**
 * One week's digest to one partner administrator: their company's employees' certificates that
 * expire within the coming days, as the partner view showed them when it was put together. Stated
 * once per administrator and week.
 *
 * @param week the ISO week, e.g. 2026-W23
 * @param withinDays how far ahead it looked
 * @param certificates what expires, soonest first
 */
@Revision("1")
public record ExpiryDigestDue(
        String digestId,
        String companyId,
        String week,
        String adminAccountId,
        @PersonalData String email,
        int withinDays,
        @PersonalData List<Expiring> certificates,
        Instant dueAt) {

    /** @param employee the employee's name as the partner view shows it */
    public record Expiring(String employee, String certificationName, LocalDate expirationDate) {}
}
