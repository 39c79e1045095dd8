package io.certtrail.command.expiry;

import io.certtrail.events.records.CertificationEarned;
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
    public record Placement(String track, int rank, boolean revivesExpired) {}

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
