package io.certtrail.command.expiry;

import io.certtrail.events.records.CertificationRenewed.RenewalRule;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Comparator;
import java.util.Locale;

/**
 * Rule 24, the renewal rules, as one function of an address's certificates (so a correction or a
 * revocation of any of them is answered by working the dates out again):
 *
 * <ul>
 *   <li>a certificate of a higher level in the same track, which took effect while this one was
 *       valid (its expiration day included), extends this one to its own expiration date;
 *   <li>the same certification earned again while this one was valid renews it the same way;
 *   <li>once this one has expired, neither revives it, unless its catalogue entry says so.
 * </ul>
 *
 * A renewing certificate counts with its record's own dates, not with renewals of its own, so the
 * answer does not depend on the order records arrive in. A certificate earned before this one took
 * effect never renews it, and a revoked one renews nothing. (Public for the benchmark's seeder,
 * which writes the events the aggregate would.)
 */
public final class RenewalRules {

    /** What holds for one certificate: its date, and the certificate and rule that set it (null: its own). */
    public record Outcome(LocalDate expirationDate, HeldCertificate cause, RenewalRule rule) {}

    private RenewalRules() {}

    public static Outcome expiryOf(HeldCertificate held, Collection<HeldCertificate> all) {
        LocalDate own = held.earned().expirationDate();
        LocalDate effective = held.earned().effectiveDate();
        Outcome outcome = new Outcome(own, null, null);
        if (own == null || effective == null || held.revoked()) {
            return outcome;
        }
        boolean revives = held.placement() != null && held.placement().revivesExpired();
        var candidates = all.stream()
                .filter(other -> !other.recordId().equals(held.recordId()) && !other.revoked())
                .filter(other ->
                        other.earned().effectiveDate() != null && other.earned().expirationDate() != null)
                .filter(other -> !other.earned().effectiveDate().isBefore(effective))
                .sorted(Comparator.comparing(
                                (HeldCertificate other) -> other.earned().effectiveDate())
                        .thenComparing(HeldCertificate::recordId))
                .toList();
        for (HeldCertificate other : candidates) {
            RenewalRule rule = ruleOf(held, other);
            LocalDate earned = other.earned().effectiveDate();
            if (rule == null || !other.earned().expirationDate().isAfter(outcome.expirationDate())) {
                continue;
            }
            if (earned.isAfter(outcome.expirationDate()) && !revives) {
                continue; // it had expired when the other was earned
            }
            outcome = new Outcome(other.earned().expirationDate(), other, rule);
        }
        return outcome;
    }

    /** How {@code other} may renew {@code held}, or null if it may not. */
    private static RenewalRule ruleOf(HeldCertificate held, HeldCertificate other) {
        if (normal(held.name()).equals(normal(other.name()))) {
            return other.earned().effectiveDate().isAfter(held.earned().effectiveDate())
                    ? RenewalRule.RECERTIFICATION
                    : null;
        }
        if (held.placement() == null || other.placement() == null) {
            return null;
        }
        return held.placement().track().equalsIgnoreCase(other.placement().track())
                        && other.placement().rank() > held.placement().rank()
                ? RenewalRule.HIGHER_LEVEL
                : null;
    }

    private static String normal(String name) {
        return name == null ? "" : name.trim().toUpperCase(Locale.ROOT);
    }
}
