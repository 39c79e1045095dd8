package io.certtrail.command.expiry;

import io.certtrail.events.partner.ExpiryDigestDue;
import io.certtrail.events.records.CertificationEarned;
import io.certtrail.events.records.CertificationNoted;
import io.certtrail.events.records.CertificationNoted.State;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Commands of {@link HeldCertifications}, the certificates of one address. */
public final class ExpiryCommands {

    private static final String PREFIX = "HELD:";

    private ExpiryCommands() {}

    public static String holderIdOf(String addressKey) {
        return PREFIX + addressKey;
    }

    /**
     * A certificate of the address arrived, was corrected, revoked or moved away (sent by its record,
     * in the record's unit of work).
     *
     * @param catalogued where the catalogue puts it; null when the catalogue lacks it
     */
    public record NoteCertification(
            @TargetAggregateIdentifier String holderId,
            String recordId,
            int revision,
            State state,
            CertificationEarned earned,
            Catalogued catalogued,
            Instant at) {

        /** The note this change is recorded as. */
        CertificationNoted noted() {
            return new CertificationNoted(
                    holderId,
                    earned.addressKey(),
                    recordId,
                    revision,
                    state,
                    earned.certificationName(),
                    earned.certificateNumber(),
                    earned.effectiveDate(),
                    earned.expirationDate(),
                    catalogued == null ? null : catalogued.track(),
                    catalogued == null ? null : catalogued.level(),
                    catalogued != null && catalogued.revivesExpired(),
                    earned.email(),
                    at);
        }
    }

    /** @param level ASSOCIATE, PROFESSIONAL or EXPERT */
    public record Catalogued(String track, String level, boolean revivesExpired) {}

    /**
     * The expiry schedule's question about one certificate on {@code today}: remind its holder if a
     * reminder day has come (the nearest one, once per day and expiration date), or state that it
     * expired. Asking again, or about a certificate renewed or revoked since, changes nothing.
     *
     * @param reminderDays how many days before expiry holders are reminded, e.g. 90, 30, 7
     */
    public record ReviewExpiry(
            @TargetAggregateIdentifier String holderId,
            String recordId,
            LocalDate today,
            List<Integer> reminderDays,
            Instant at) {}

    public static String digestIdOf(String companyId) {
        return "DIGEST:" + companyId;
    }

    /** A partner administrator turns the weekly digest on (to the address their sign-in states) or off. */
    public record SetExpiryDigest(
            @TargetAggregateIdentifier String digestId,
            String companyId,
            String adminAccountId,
            String email,
            boolean enabled,
            Instant at) {}

    /** This week's digest, to every administrator of the company who asked for it and has not had it. */
    public record SendExpiryDigest(
            @TargetAggregateIdentifier String digestId,
            String companyId,
            String week,
            int withinDays,
            List<ExpiryDigestDue.Expiring> certificates,
            Instant at) {}

    /** What the review did. */
    public enum Review {
        REMINDED,
        EXPIRED,
        NOTHING_DUE
    }
}
