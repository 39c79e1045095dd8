package io.certtrail.command.mail;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

/** Moments as a person reads them in a mail: "3 December 2026, 01:50 UTC", not an ISO timestamp in nanoseconds. */
public final class MailTimes {

    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern(
                    "d MMMM yyyy, HH:mm 'UTC'", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);

    private MailTimes() {}

    /** Rounded down to the minute: a link said to expire at 01:50 works until 01:50 at least. */
    public static String format(Instant moment) {
        return FORMAT.format(moment.truncatedTo(ChronoUnit.MINUTES));
    }
}
