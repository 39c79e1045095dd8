package io.certtrail.command.support;

import java.time.DayOfWeek;
import java.time.LocalDate;

/** "One working day after": the guides' waiting time before a score report or a certificate counts. */
public final class WorkingDays {

    private WorkingDays() {
    }

    /** The first Monday-to-Friday after the day. Public holidays are not modelled. */
    public static LocalDate next(LocalDate day) {
        LocalDate next = day.plusDays(1);
        while (next.getDayOfWeek() == DayOfWeek.SATURDAY || next.getDayOfWeek() == DayOfWeek.SUNDAY) {
            next = next.plusDays(1);
        }
        return next;
    }
}
