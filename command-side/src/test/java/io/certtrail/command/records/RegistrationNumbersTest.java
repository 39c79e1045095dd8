package io.certtrail.command.records;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RegistrationNumbersTest {

    /** The form refused numbers exam records carried (dots, underscores, fewer than four characters). */
    @Test
    void everyNumberAnExamRecordAcceptsCanBeTypedInTheScoreReportForm() {
        assertThat(RegistrationNumbers.valid("REG.2026_1")).isTrue();
        assertThat(RegistrationNumbers.valid("R1")).isTrue();
        assertThat(RegistrationNumbers.valid("reg-20261")).isTrue();
        assertThat(RegistrationNumbers.canonical(" reg.2026_1 ")).isEqualTo("REG.2026_1");
        assertThat(RegistrationNumbers.valid("-REG")).isFalse();
        assertThat(RegistrationNumbers.valid("REG 1")).isFalse();
        assertThat(RegistrationNumbers.valid("R".repeat(65))).isFalse();
    }
}
