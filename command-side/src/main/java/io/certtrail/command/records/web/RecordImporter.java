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
import java.util.ArrayList;
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
    private final java.util.function.Consumer<java.util.Collection<String>> keys;

    RecordImporter(RecordParser parser, Function<Object, RecordOutcome> send, Supplier<Instant> now) {
        this(parser, send, now, people -> {});
    }

    /** @param keys makes the keys of these people ahead of their records (rule 32) */
    RecordImporter(
            RecordParser parser,
            Function<Object, RecordOutcome> send,
            Supplier<Instant> now,
            java.util.function.Consumer<java.util.Collection<String>> keys) {
        this.parser = parser;
        this.send = send;
        this.now = now;
        this.keys = keys;
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
        List<Pending> block = new ArrayList<>();
        long[] rejectedCount = {0};
        while ((line = lines.next()) != null) {
            number++;
            if (line != BoundedLineReader.TOO_LONG && line.isBlank()) {
                continue;
            }
            if (format == Format.CSV && header == null && line == BoundedLineReader.TOO_LONG) {
                rejectedCount[0]++;
                write(report, number, "REJECTED", null, 0, "the line is longer than " + MAX_LINE_CHARS + " characters");
                break; // without a usable header no row can be read
            }
            if (format == Format.CSV && header == null) {
                try {
                    header = header(kind, line);
                } catch (Rejected e) {
                    rejectedCount[0]++;
                    write(report, number, "REJECTED", null, 0, e.getMessage());
                    break; // without a usable header no row can be read
                }
                continue;
            }
            block.add(parse(kind, format, header, number, line));
            if (block.size() == BLOCK) {
                send(block, counts, rejectedCount, report);
                block.clear();
                report.flush();
            }
        }
        send(block, counts, rejectedCount, report);
        rejected = rejectedCount[0];
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

    /** Lines read ahead: their people's keys are made in one write before their records are sent. */
    static final int BLOCK = 200;

    /** One line, parsed: its command, or why it was refused. */
    private record Pending(long number, Object command, String refused) {}

    private Pending parse(RecordKind kind, Format format, List<String> header, long number, String line) {
        try {
            if (line == BoundedLineReader.TOO_LONG) {
                throw new Rejected("the line is longer than " + MAX_LINE_CHARS + " characters");
            }
            Map<String, String> fields = format == Format.CSV ? row(header, line) : object(line);
            return new Pending(number, parser.parse(kind, fields, now.get()), null);
        } catch (Rejected | DomainException e) {
            return new Pending(number, null, e.getMessage());
        }
    }

    private void send(List<Pending> block, Map<Outcome, Long> counts, long[] rejected, JsonGenerator report)
            throws IOException {
        java.util.Set<String> people = new java.util.LinkedHashSet<>();
        for (Pending pending : block) {
            String address = addressOf(pending.command());
            if (address != null) {
                people.add("address:" + address);
            }
        }
        if (!people.isEmpty()) {
            try {
                keys.accept(people);
            } catch (RuntimeException e) {
                log.warn("Keys not made ahead of an import block (each record makes its own): {}", e.toString());
            }
        }
        for (Pending pending : block) {
            if (pending.refused() != null) {
                rejected[0]++;
                write(report, pending.number(), "REJECTED", null, 0, pending.refused());
                continue;
            }
            try {
                RecordOutcome outcome = send.apply(pending.command());
                counts.merge(outcome.outcome(), 1L, Long::sum);
                write(report, pending.number(), outcome.outcome().name(), outcome.recordId(), outcome.revision(), null);
            } catch (DomainException e) {
                rejected[0]++;
                write(report, pending.number(), "REJECTED", null, 0, e.getMessage());
            } catch (CommandExecutionException e) {
                rejected[0]++;
                write(
                        report,
                        pending.number(),
                        "REJECTED",
                        null,
                        0,
                        e.getDetails().isPresent()
                                ? e.getMessage()
                                : "not recorded because of a fault on our side; send this line again");
            } catch (RuntimeException e) {
                rejected[0]++;
                log.error("Import line failed: {}", SafeStackTrace.of(e));
                write(
                        report,
                        pending.number(),
                        "REJECTED",
                        null,
                        0,
                        "not recorded because of a fault on our side; send this line again");
            }
        }
    }

    /** The address a record command is about: its record's {@code addressKey}. */
    private static String addressOf(Object command) {
        if (command == null || !command.getClass().isRecord()) {
            return null;
        }
        for (var component : command.getClass().getRecordComponents()) {
            try {
                Object value = component.getAccessor().invoke(command);
                if (value != null && value.getClass().isRecord()) {
                    for (var inner : value.getClass().getRecordComponents()) {
                        if (inner.getName().equals("addressKey")) {
                            Object key = inner.getAccessor().invoke(value);
                            return key instanceof String text ? text : null;
                        }
                    }
                }
            } catch (ReflectiveOperationException e) {
                return null;
            }
        }
        return null;
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
