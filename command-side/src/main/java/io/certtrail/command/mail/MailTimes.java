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

    private static final DateTimeFormatter CHINESE = DateTimeFormatter.ofPattern(
                    "yyyy年M月d日 HH:mm '(UTC)'", Locale.SIMPLIFIED_CHINESE)
            .withZone(ZoneOffset.UTC);

    /** Rounded down to the minute: a link said to expire at 01:50 works until 01:50 at least. */
    public static String format(Instant moment) {
        return format(moment, io.certtrail.platform.i18n.Language.EN);
    }

    /** As the reader's language writes a moment: "3 December 2026, 01:50 UTC", "2026年12月3日 01:50 (UTC)". */
    public static String format(Instant moment, io.certtrail.platform.i18n.Language language) {
        return (language == io.certtrail.platform.i18n.Language.ZH_CN ? CHINESE : FORMAT)
                .format(moment.truncatedTo(ChronoUnit.MINUTES));
    }
}
