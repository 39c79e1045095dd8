package io.certtrail.platform.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MaskingTest {

    @Test
    void aPhoneNumberKeepsItsCountryCodeAndLastFourDigits() {
        assertThat(Masking.phone("+86 139 2522 2157")).isEqualTo("+86 *** **** 2157");
        assertThat(Masking.phone("13925222157")).isEqualTo("*******2157");
        assertThat(Masking.phone("+351 912-345-678")).isEqualTo("+351 ***-**5-678");
        assertThat(Masking.phone("1234")).isEqualTo("****");
        assertThat(Masking.phone(null)).isNull();
    }
}
