package io.certtrail.platform.time;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class WorkingDaysTest {

    private static final LocalDate THURSDAY = LocalDate.of(2026, 12, 3);

    @Test
    void countingSkipsWeekendsAndNeverCountsTheDayItself() {
        assertThat(WorkingDays.next(THURSDAY)).isEqualTo(LocalDate.of(2026, 12, 4));
        assertThat(WorkingDays.plus(THURSDAY, 2)).isEqualTo(LocalDate.of(2026, 12, 7)); // Monday
        assertThat(WorkingDays.plus(THURSDAY, 7)).isEqualTo(LocalDate.of(2026, 12, 14));
        assertThat(WorkingDays.next(LocalDate.of(2026, 12, 5))).isEqualTo(LocalDate.of(2026, 12, 7)); // Saturday
        assertThat(WorkingDays.plus(THURSDAY, 0)).isEqualTo(THURSDAY);
    }

    @Test
    void betweenIsTheInverseOfPlusAndNegativeWhenLate() {
        for (int n = 0; n < 15; n++) {
            assertThat(WorkingDays.between(THURSDAY, WorkingDays.plus(THURSDAY, n)))
                    .isEqualTo(n);
        }
        assertThat(WorkingDays.between(LocalDate.of(2026, 12, 14), THURSDAY)).isEqualTo(-7);
        assertThat(WorkingDays.between(THURSDAY, LocalDate.of(2026, 12, 6))).isEqualTo(1); // Friday only
    }
}
