package io.certtrail.command.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.certtrail.platform.error.DomainException;
import io.certtrail.platform.privacy.AddressKeys;
import io.certtrail.platform.privacy.Masking;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EmailAddressesTest {

    @Test
    void addressesAreComparedInOneCanonicalForm() {
        assertThat(EmailAddresses.canonical("  Li.Wan@Example.COM \t")).isEqualTo("li.wan@example.com");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "   ",
                "no-at-sign",
                "a@b",
                "a@@b.com",
                "a b@c.com",
                "a@b .com",
                ".a@b.com",
                "a..b@c.com",
                "a.@b.com",
                "a@-b.com",
                "a@b.com\u0000",
                "<script>@x.com"
            })
    void implausibleAddressesAreRefused(String raw) {
        assertThatThrownBy(() -> EmailAddresses.canonical(raw)).isInstanceOf(DomainException.class);
    }

    @Test
    void overlongAddressesAreRefused() {
        assertThatThrownBy(() -> EmailAddresses.canonical(
                        "a".repeat(64) + "@" + "b".repeat(63) + "." + "c".repeat(63) + "." + "d".repeat(63) + ".com"))
                .isInstanceOf(DomainException.class);
    }

    @Test
    void maskingKeepsAtMostSevenLeadingCharactersAndTheDomain() {
        assertThat(Masking.email("liwanshuang@example.com")).isEqualTo("liwansh****@example.com");
        assertThat(Masking.email("li@example.com")).isEqualTo("l****@example.com");
    }

    @Test
    void addressKeysAreStableAndDependOnTheSecret() {
        AddressKeys keys = new AddressKeys("0123456789abcdef-secret");
        assertThat(keys.of("a@b.com"))
                .isEqualTo(keys.of("a@b.com"))
                .startsWith("addr_")
                .doesNotContain("b.com");
        assertThat(new AddressKeys("another-secret-0123456789").of("a@b.com")).isNotEqualTo(keys.of("a@b.com"));
    }
}
