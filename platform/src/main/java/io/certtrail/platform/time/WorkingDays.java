package io.certtrail.platform.time;

import java.time.DayOfWeek;
import java.time.LocalDate;

/**
 * The guides count waiting times in working days: a score report or an e-certificate counts from
 * one working day after the exam; a paper package goes out within five to seven. Monday to Friday;
 * public holidays are not modelled.
 */
public final class WorkingDays {

    private WorkingDays() {}

    /** The first working day after the day. */
    public static LocalDate next(LocalDate day) {
        return plus(day, 1);
    }

    /** The {@code count}-th working day after the day (the day itself is never counted). */
    public static LocalDate plus(LocalDate day, int count) {
        LocalDate result = day;
        for (int i = 0; i < count; i++) {
            result = result.plusDays(1);
            while (!isWorkingDay(result)) {
                result = result.plusDays(1);
            }
        }
        return result;
    }

    /**
     * Working days from {@code from} (not counted) up to and including {@code to}; negative when
     * {@code to} is earlier (the working days since it, {@code to} not counted).
     */
    public static int between(LocalDate from, LocalDate to) {
        if (to.isBefore(from)) {
            return -between(to, from);
        }
        int count = 0;
        for (LocalDate day = from.plusDays(1); !day.isAfter(to); day = day.plusDays(1)) {
            if (isWorkingDay(day)) {
                count++;
            }
        }
        return count;
    }

    public static boolean isWorkingDay(LocalDate day) {
        return day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY;
    }
}
