package io.certtrail.command.expiry;

import io.certtrail.events.records.CertificationEarned;
import io.certtrail.events.records.CertificationNoted.State;
import java.time.Instant;
import java.time.LocalDate;

/**
 * How a certification record tells its address's {@link HeldCertifications} of a change, inside
 * the unit of work of its own command (so the record's event and the renewals it causes are stored
 * together or not at all), and how an application reads the date that holds.
 */
public interface HeldCertificationsLink {

    void note(String recordId, int revision, State state, CertificationEarned earned, Instant at);

    /** The expiration date that holds for a certificate: its record's own, or a later one a renewal set. */
    LocalDate expirationDate(String recordId, CertificationEarned earned);
}
