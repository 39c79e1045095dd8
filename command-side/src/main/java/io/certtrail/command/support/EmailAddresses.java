package io.certtrail.command.support;

import io.certtrail.platform.error.DomainException;
import io.certtrail.platform.error.ErrorCode;
import io.certtrail.platform.i18n.Text;
import java.util.Locale;
import java.util.regex.Pattern;

/** The one canonical form of an address: trimmed, lower-case, and plausibly deliverable. */
public final class EmailAddresses {

    private static final int MAX_LENGTH = 254;
    // Deliberately plain: one @, no spaces or control characters, a dotted domain of DNS-like labels.
    private static final Pattern PLAUSIBLE = Pattern.compile(
            "^[a-z0-9.!#$%&'*+/=?^_`{|}~-]{1,64}@(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z]{2,63}$");

    private EmailAddresses() {}

    public static String canonical(String raw) {
        if (raw == null || raw.isBlank()) {
            throw new DomainException(ErrorCode.INVALID_EMAIL, Text.of("problem.email-addresses.1"));
        }
        String address = raw.strip().toLowerCase(Locale.ROOT);
        if (address.length() > MAX_LENGTH
                || !PLAUSIBLE.matcher(address).matches()
                || address.startsWith(".")
                || address.contains("..")
                || address.contains(".@")) {
            throw new DomainException(ErrorCode.INVALID_EMAIL, Text.of("problem.email-addresses.2"));
        }
        return address;
    }
}
