package io.certtrail.command.records.web;

import java.util.ArrayList;
import java.util.List;

/** Splits one RFC 4180 line: commas, double-quoted fields, doubled quotes inside them. */
final class CsvLine {

    private CsvLine() {}

    static List<String> split(String line) {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        boolean wasQuoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"' && field.isEmpty() && !wasQuoted) {
                quoted = true;
                wasQuoted = true;
            } else if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
                wasQuoted = false;
            } else if (c == '"') {
                throw new IllegalArgumentException("a quote inside an unquoted field");
            } else if (wasQuoted) {
                throw new IllegalArgumentException("text after a closing quote");
            } else {
                field.append(c);
            }
        }
        if (quoted) {
            throw new IllegalArgumentException("an unclosed quote (fields may not span lines)");
        }
        fields.add(field.toString());
        return fields;
    }
}
