package io.certtrail.command.certificate.web;

import io.certtrail.events.certificate.MailingInformation;
import io.certtrail.platform.error.DomainException;
import io.certtrail.platform.error.ErrorCode;
import io.certtrail.platform.i18n.Text;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.text.Normalizer;

/**
 * What a holder types into an application, checked and normalised before it becomes a command:
 * names in any script (letters and combining marks of every alphabet), but no digits, control or
 * invisible formatting characters, which could make a printed name say something else.
 */
final class ApplicationInput {

    static final String PHONE = "\\+?[0-9][0-9 ()./-]{4,30}";

    private ApplicationInput() {}

    /** @param address the postal address, lines separated by line breaks */
    record MailingRequest(
            @NotBlank @Size(max = 100) String recipient,

            @NotBlank @Pattern(regexp = PHONE, message = "is not a telephone number")
            String phone,

            @NotBlank @Size(max = 400) String address) {

        MailingInformation toMailing() {
            return new MailingInformation(personName(recipient, "recipient"), phone.strip(), postalAddress(address));
        }
    }

    /** NFC, single spaces, letters of any script with their marks and the few signs names use. */
    static String personName(String raw, String field) {
        String name = Normalizer.normalize(raw, Normalizer.Form.NFC).strip().replaceAll("\\s+", " ");
        if (name.isEmpty() || !name.codePoints().allMatch(ApplicationInput::allowedInName)) {
            throw new DomainException(ErrorCode.INVALID_INPUT, Text.of("problem.application-input.1", field));
        }
        return name;
    }

    static String postalAddress(String raw) {
        String address = Normalizer.normalize(raw, Normalizer.Form.NFC).strip();
        boolean clean = address.codePoints()
                .allMatch(
                        cp -> cp == '\n' || (!Character.isISOControl(cp) && Character.getType(cp) != Character.FORMAT));
        if (!clean) {
            throw new DomainException(ErrorCode.INVALID_INPUT, Text.of("problem.application-input.2"));
        }
        return address.replace("\r", "");
    }

    private static boolean allowedInName(int cp) {
        return Character.isLetter(cp)
                || Character.getType(cp) == Character.NON_SPACING_MARK
                || Character.getType(cp) == Character.COMBINING_SPACING_MARK
                || cp == ' '
                || cp == '.'
                || cp == '\''
                || cp == '-'
                || cp == '\u00B7'
                || cp == '\u2019';
    }
}
