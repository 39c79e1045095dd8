package io.certtrail.command.records;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * One rule for an exam's registration number, wherever it arrives: in an exam record from an exam
 * centre and on the score-report form, so every number a record carries can be typed in the form.
 * Compared in upper case.
 */
public final class RegistrationNumbers {

    public static final Pattern PATTERN = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
    public static final String RULE = "letters, digits and . _ - (at most 64, starting with a letter or digit)";

    private RegistrationNumbers() {}

    public static boolean valid(String number) {
        return number != null && PATTERN.matcher(number).matches();
    }

    public static String canonical(String number) {
        return number.strip().toUpperCase(Locale.ROOT);
    }
}
