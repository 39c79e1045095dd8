package io.certtrail.command.expiry;

import io.certtrail.events.records.CertificationEarned;
import io.certtrail.events.records.CertificationNoted;
import io.certtrail.platform.certificates.DefaultCatalogue;
import java.time.LocalDate;

/**
 * One certificate of an address as the renewal rules see it: the record's own dates, where the
 * catalogue puts it (null when the catalogue lacks it: then only recertification renews it), and
 * the date a renewal set (null when none holds).
 */
public record HeldCertificate(
        String recordId, CertificationEarned earned, Placement placement, boolean revoked, LocalDate renewedTo) {

    /**
     * @param rank 1 associate, 2 professional, 3 expert
     * @param revivesExpired whether a higher certificate renews it after it expired
     */
    public record Placement(String track, int rank, boolean revivesExpired) {

        /** Where the catalogue puts a certification, as a command states it; null when it lacks it. */
        static Placement of(ExpiryCommands.Catalogued catalogued) {
            return catalogued == null
                    ? null
                    : new Placement(
                            catalogued.track(),
                            DefaultCatalogue.LEVELS.indexOf(catalogued.level()) + 1,
                            catalogued.revivesExpired());
        }
    }

    /** A certificate as its note states it, keeping the date a renewal set before (null: none). */
    static HeldCertificate noted(CertificationNoted event, LocalDate renewedTo) {
        CertificationEarned earned = new CertificationEarned(
                event.addressKey(),
                event.email(),
                event.certificationName(),
                event.certificateNumber(),
                event.effectiveDate(),
                event.expirationDate(),
                false);
        Placement placement = event.track() == null
                ? null
                : new Placement(
                        event.track(), DefaultCatalogue.LEVELS.indexOf(event.level()) + 1, event.revivesExpired());
        return new HeldCertificate(event.recordId(), earned, placement, false, renewedTo);
    }

    /** What the rules compare of a record: all but its {@code renewal} flag, which the note does not keep. */
    static CertificationEarned plain(CertificationEarned earned) {
        return new CertificationEarned(
                earned.addressKey(),
                earned.email(),
                earned.certificationName(),
                earned.certificateNumber(),
                earned.effectiveDate(),
                earned.expirationDate(),
                false);
    }

    /** The date that holds: the record's own, or a later one a renewal set. */
    public LocalDate expirationDate() {
        LocalDate own = earned.expirationDate();
        return renewedTo == null || own == null || own.isAfter(renewedTo) ? own : renewedTo;
    }

    public String name() {
        return earned.certificationName();
    }

    public HeldCertificate renewedTo(LocalDate date) {
        return new HeldCertificate(recordId, earned, placement, revoked, date);
    }

    public HeldCertificate asRevoked() {
        return new HeldCertificate(recordId, earned, placement, true, renewedTo);
    }
}
