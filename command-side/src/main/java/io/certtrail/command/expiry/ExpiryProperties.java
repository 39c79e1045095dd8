package io.certtrail.command.expiry;

import java.time.DayOfWeek;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The expiry schedule ({@code certtrail.expiry}).
 *
 * @param reminderDays how many days before a certificate expires its holder is reminded; default 90, 30, 7
 * @param sweepInterval how often the schedule is swept; default one minute
 * @param digestDay the day of the week partner administrators get their digest (or the first day
 *        after it the service runs); default Monday
 * @param digestDays how far ahead the digest looks; default 90 days
 */
@ConfigurationProperties("certtrail.expiry")
public record ExpiryProperties(
        List<Integer> reminderDays, Duration sweepInterval, DayOfWeek digestDay, Integer digestDays) {

    public ExpiryProperties {
        reminderDays = reminderDays == null || reminderDays.isEmpty()
                ? List.of(90, 30, 7)
                : reminderDays.stream()
                        .distinct()
                        .sorted(java.util.Comparator.reverseOrder())
                        .toList();
        if (reminderDays.stream().anyMatch(day -> day < 0 || day > 366)) {
            throw new IllegalArgumentException("certtrail.expiry.reminder-days are 0 to 366 days");
        }
        sweepInterval = sweepInterval == null ? Duration.ofMinutes(1) : sweepInterval;
        digestDay = digestDay == null ? DayOfWeek.MONDAY : digestDay;
        digestDays = digestDays == null ? 90 : digestDays;
        if (digestDays < 1 || digestDays > 366) {
            throw new IllegalArgumentException("certtrail.expiry.digest-days is 1 to 366 days");
        }
    }
}
