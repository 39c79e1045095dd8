package io.certtrail.events.records;

import io.certtrail.events.PersonalData;
import java.time.Instant;
import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/**
 * The certificates of one address, as the renewal rules and the expiry schedule take them, changed
 * for one certificate: it arrived or was corrected ({@link State#HELD}), it was revoked, or a
 * correction moved it to another address. It states where the catalogue put the certification
 * when the record arrived (track and level are null when the catalogue lacks it), so the rules
 * applied later never depend on a catalogue changed since.
 *
 * @param holderId the aggregate of the address's certificates ({@code HELD:} and the address key)
 * @param level ASSOCIATE, PROFESSIONAL or EXPERT
 * @param revivesExpired whether a higher certificate renews it after it expired
 * @param email the address it was recorded for (reminders go there)
 */
@Revision("1")
public record CertificationNoted(
        String holderId,
        String addressKey,
        String recordId,
        int revision,
        State state,
        String certificationName,
        String certificateNumber,
        LocalDate effectiveDate,
        LocalDate expirationDate,
        String track,
        String level,
        boolean revivesExpired,
        @PersonalData String email,
        Instant notedAt) {

    public enum State {
        HELD,
        REVOKED,
        MOVED_AWAY
    }
}
