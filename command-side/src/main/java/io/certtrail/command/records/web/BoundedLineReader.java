package io.certtrail.command.records.web;

import java.io.IOException;
import java.io.Reader;

/**
 * Reads lines without ever holding more than one bounded line: a line over the limit is skipped
 * to its end and reported as too long, so one huge line cannot exhaust memory.
 */
final class BoundedLineReader {

    /** A line over the limit. */
    static final String TOO_LONG = new String("<too long>");

    private final Reader in;
    private final int maxChars;
    private final char[] buffer = new char[8192];
    private int position;
    private int limit;

    BoundedLineReader(Reader in, int maxChars) {
        this.in = in;
        this.maxChars = maxChars;
    }

    /** @return the next line without its terminator, {@link #TOO_LONG}, or null at the end */
    String next() throws IOException {
        StringBuilder line = new StringBuilder();
        boolean overflow = false;
        boolean any = false;
        while (true) {
            if (position == limit) {
                limit = in.read(buffer);
                position = 0;
                if (limit <= 0) {
                    limit = 0;
                    return any ? finish(line, overflow) : null;
                }
            }
            any = true;
            char c = buffer[position++];
            if (c == '\n') {
                return finish(line, overflow);
            }
            if (!overflow) {
                if (line.length() >= maxChars) {
                    overflow = true;
                    line.setLength(0);
                } else {
                    line.append(c);
                }
            }
        }
    }

    private static String finish(StringBuilder line, boolean overflow) {
        if (overflow) {
            return TOO_LONG;
        }
        int end = line.length();
        if (end > 0 && line.charAt(end - 1) == '\r') {
            line.setLength(end - 1);
        }
        return line.toString();
    }
}
