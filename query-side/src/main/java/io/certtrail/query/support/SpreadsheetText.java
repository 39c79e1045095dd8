package io.certtrail.query.support;

/**
 * Text going into a CSV file people open in a spreadsheet: a cell that would run as a formula
 * (starting with = + - @, a tab or a carriage return) is prefixed with a quote.
 */
public final class SpreadsheetText {

    private SpreadsheetText() {}

    public static String safe(String value) {
        return value != null && !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
    }
}
