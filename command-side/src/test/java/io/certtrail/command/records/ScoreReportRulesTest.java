package io.certtrail.command.records;

import static org.assertj.core.api.Assertions.assertThat;

import io.certtrail.platform.privacy.PersonNames;
import io.certtrail.platform.time.WorkingDays;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class ScoreReportRulesTest {

    @Test
    void theWorkingDayAfterFridayIsMonday() {
        assertThat(WorkingDays.next(LocalDate.parse("2026-02-27"))).isEqualTo("2026-03-02");
        assertThat(WorkingDays.next(LocalDate.parse("2026-03-02"))).isEqualTo("2026-03-03");
        assertThat(WorkingDays.next(LocalDate.parse("2026-02-28"))).isEqualTo("2026-03-02");
    }

    @Test
    void namesMatchAcrossCaseAccentsSpacingAndOrder() {
        assertThat(PersonNames.samePerson("José", "Núñez", "jose", "NUNEZ")).isTrue();
        assertThat(PersonNames.samePerson("Wan", "Li", "Li", "Wan")).isTrue();
        assertThat(PersonNames.samePerson("瑞瑞", "李", "李", "瑞瑞")).isTrue();
        assertThat(PersonNames.samePerson("Mary-Ann", "O'Neil", "Mary Ann", "ONeil"))
                .isTrue();
        assertThat(PersonNames.samePerson("Wan", "Li", "Wang", "Li")).isFalse();
        assertThat(PersonNames.samePerson(null, null, "Wan", "Li")).isFalse();
    }

    @Test
    void aTypedFullNameMatchesThePrintedOneInAnyWordOrderButNotAPartOfIt() {
        assertThat(PersonNames.sameFullName("李瑞瑞", "李瑞瑞")).isTrue();
        assertThat(PersonNames.sameFullName("li wan", "Wan Li")).isTrue();
        assertThat(PersonNames.sameFullName("Jose Nunez", "José Núñez")).isTrue();
        assertThat(PersonNames.sameFullName("Wan", "Wan Li")).isFalse();
        assertThat(PersonNames.sameFullName(" ", "Wan Li")).isFalse();
        assertThat(PersonNames.sameFullName("Wan Li", null)).isFalse();
    }

    @Test
    void aMaskedNameShowsEachWordsFirstLetterAndLength() {
        assertThat(io.certtrail.platform.privacy.Masking.personName("李瑞瑞")).isEqualTo("李**");
        assertThat(io.certtrail.platform.privacy.Masking.personName("José Núñez"))
                .isEqualTo("J*** N****");
        assertThat(io.certtrail.platform.privacy.Masking.personName("Li")).isEqualTo("L*");
        assertThat(io.certtrail.platform.privacy.Masking.personName("A")).isEqualTo("A*");
        assertThat(io.certtrail.platform.privacy.Masking.personName(null)).isNull();
    }
}
