package io.certtrail.command.records.web;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.certtrail.command.records.RecordCommands.Outcome;
import io.certtrail.command.records.RecordCommands.RecordOutcome;
import io.certtrail.command.records.RecordKind;
import io.certtrail.command.records.RecordParser;
import io.certtrail.platform.error.DomainException;
import io.certtrail.platform.web.SafeStackTrace;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.time.Instant;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import org.axonframework.commandhandling.CommandExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A bulk import, one line at a time in both directions: a line is read, recorded, and its outcome
 * written before the next is read, so memory stays flat whatever the size, and one bad line never
 * costs the good ones.
 */
final class RecordImporter {

    enum Format {
        JSON_LINES,
        CSV
    }

    static final int MAX_LINE_CHARS = 16_384;
    private static final Logger log = LoggerFactory.getLogger(RecordImporter.class);
    /** Refuses anything after the record's object ({"a":1}} is not one record), and a field given twice. */
    static final ObjectMapper JSON = new ObjectMapper()
            .enable(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(com.fasterxml.jackson.core.JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    private final RecordParser parser;
    private final Function<Object, RecordOutcome> send;
    private final Supplier<Instant> now;

    RecordImporter(RecordParser parser, Function<Object, RecordOutcome> send, Supplier<Instant> now) {
        this.parser = parser;
        this.send = send;
        this.now = now;
    }

    void run(RecordKind kind, Format format, Reader in, Writer out) throws IOException {
        BoundedLineReader lines = new BoundedLineReader(in, MAX_LINE_CHARS);
        JsonGenerator report = JSON.getFactory().createGenerator(out);
        report.setRootValueSeparator(null);
        Map<Outcome, Long> counts = new EnumMap<>(Outcome.class);
        long rejected = 0;
        long number = 0;
        List<String> header = null;
        String line;
        while ((line = lines.next()) != null) {
            number++;
            if (line != BoundedLineReader.TOO_LONG && line.isBlank()) {
                continue;
            }
            try {
                if (line == BoundedLineReader.TOO_LONG) {
                    throw new Rejected("the line is longer than " + MAX_LINE_CHARS + " characters");
                }
                if (format == Format.CSV && header == null) {
                    header = header(kind, line);
                    continue;
                }
                Map<String, String> fields = format == Format.CSV ? row(header, line) : object(line);
                RecordOutcome outcome = send.apply(parser.parse(kind, fields, now.get()));
                counts.merge(outcome.outcome(), 1L, Long::sum);
                write(report, number, outcome.outcome().name(), outcome.recordId(), outcome.revision(), null);
            } catch (Rejected | DomainException e) {
                rejected++;
                write(report, number, "REJECTED", null, 0, e.getMessage());
            } catch (CommandExecutionException e) {
                rejected++;
                write(
                        report,
                        number,
                        "REJECTED",
                        null,
                        0,
                        e.getDetails().isPresent()
                                ? e.getMessage()
                                : "not recorded because of a fault on our side; send this line again");
            } catch (RuntimeException e) {
                rejected++;
                log.error("Import line failed: {}", SafeStackTrace.of(e));
                write(
                        report,
                        number,
                        "REJECTED",
                        null,
                        0,
                        "not recorded because of a fault on our side; send this line again");
            }
            if (number % 1000 == 0) {
                report.flush();
            }
            if (format == Format.CSV && header == null) {
                break; // without a usable header no row can be read
            }
        }
        report.writeStartObject();
        report.writeObjectFieldStart("summary");
        report.writeNumberField("lines", number);
        for (Outcome outcome : Outcome.values()) {
            report.writeNumberField(outcome.name().toLowerCase(), counts.getOrDefault(outcome, 0L));
        }
        report.writeNumberField("rejected", rejected);
        report.writeEndObject();
        report.writeEndObject();
        report.writeRaw('\n');
        report.flush();
    }

    private static void write(
            JsonGenerator report, long line, String outcome, String recordId, int revision, String reason)
            throws IOException {
        report.writeStartObject();
        report.writeNumberField("line", line);
        report.writeStringField("outcome", outcome);
        if (recordId != null) {
            report.writeStringField("recordId", recordId);
            report.writeNumberField("revision", revision);
        }
        if (reason != null) {
            report.writeStringField("reason", reason);
        }
        report.writeEndObject();
        report.writeRaw('\n');
    }

    private static List<String> header(RecordKind kind, String line) {
        List<String> names;
        try {
            names = CsvLine.split(line.startsWith("\uFEFF") ? line.substring(1) : line).stream()
                    .map(String::strip)
                    .toList();
        } catch (IllegalArgumentException e) {
            throw new Rejected("the header line is not valid CSV: " + e.getMessage());
        }
        Set<String> known = RecordParser.fields(kind);
        Set<String> seen = new HashSet<>();
        for (String name : names) {
            if (!known.contains(name) || !seen.add(name)) {
                throw new Rejected("the header names an unknown or repeated column; expected columns from "
                        + known.stream().sorted().toList());
            }
        }
        return names;
    }

    private static Map<String, String> row(List<String> header, String line) {
        List<String> values;
        try {
            values = CsvLine.split(line);
        } catch (IllegalArgumentException e) {
            throw new Rejected("not valid CSV: " + e.getMessage());
        }
        if (values.size() != header.size()) {
            throw new Rejected("has " + values.size() + " columns, the header has " + header.size());
        }
        Map<String, String> fields = new LinkedHashMap<>();
        for (int i = 0; i < header.size(); i++) {
            fields.put(header.get(i), values.get(i));
        }
        return fields;
    }

    static Map<String, String> object(String line) {
        JsonNode node;
        try {
            node = JSON.readTree(line);
        } catch (IOException e) {
            throw new Rejected("not valid JSON");
        }
        if (node == null || !node.isObject()) {
            throw new Rejected("not a JSON object");
        }
        return fields((ObjectNode) node);
    }

    static Map<String, String> fields(ObjectNode node) {
        RecordParser.JsonFields fields = new RecordParser.JsonFields();
        var names = node.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            JsonNode value = node.get(name);
            if (value.isContainerNode()) {
                throw new Rejected("field '" + name + "' must be text, a number or true/false");
            }
            fields.put(
                    name,
                    value.isNull() ? null : value.asText(),
                    value.isNull()
                            ? RecordParser.JsonKind.NULL
                            : value.isTextual()
                                    ? RecordParser.JsonKind.TEXT
                                    : value.isBoolean() ? RecordParser.JsonKind.BOOLEAN : RecordParser.JsonKind.NUMBER);
        }
        return fields;
    }

    /** A line the importer could not read as a record. */
    static final class Rejected extends RuntimeException {
        Rejected(String reason) {
            super(reason, null, false, false);
        }
    }
}
