package io.certtrail.events.records;

import io.certtrail.events.PersonalData;
import java.time.Instant;
import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/**
 * A certificate expires in {@code daysLeft} days and nothing has renewed it: its holder is
 * reminded once per reminder day ({@code reminderDay} days before, e.g. 90, 30 and 7) and
 * expiration date, by mail.
 *
 * @param track its track in the catalogue, whose higher levels renew it too; null when the
 *        catalogue lacks it (then only the same certification again renews it)
 */
@Revision("1")
public record ExpiryReminderDue(
        String holderId,
        String addressKey,
        String recordId,
        String certificateNumber,
        String certificationName,
        LocalDate expirationDate,
        int reminderDay,
        int daysLeft,
        String track,
        @PersonalData String email,
        Instant dueAt) {}
