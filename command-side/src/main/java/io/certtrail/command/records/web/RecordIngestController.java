package io.certtrail.command.records.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.certtrail.command.records.RecordCommands.RecordOutcome;
import io.certtrail.command.records.RecordKind;
import io.certtrail.command.records.RecordParser;
import io.certtrail.command.support.CommandSender;
import io.certtrail.platform.error.DomainException;
import io.certtrail.platform.error.ErrorCode;
import io.certtrail.platform.i18n.Text;
import io.certtrail.platform.identity.Caller;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Where the training system, the exam centre and the certification office push records: one at a
 * time, or in bulk as JSON lines or CSV with a line-by-line report.
 */
@RestController
@RequestMapping("/api/operator")
class RecordIngestController {

    static final String NDJSON = "application/x-ndjson";

    private final RecordParser parser;
    private final CommandSender commands;
    private final Clock clock;

    private final org.springframework.beans.factory.ObjectProvider<io.certtrail.platform.privacy.encryption.PersonKeys>
            keys;

    RecordIngestController(
            RecordParser parser,
            CommandSender commands,
            Clock clock,
            org.springframework.beans.factory.ObjectProvider<io.certtrail.platform.privacy.encryption.PersonKeys>
                    keys) {
        this.keys = keys;
        this.parser = parser;
        this.commands = commands;
        this.clock = clock;
    }

    @PostMapping(value = "/records/{kind}", consumes = MediaType.APPLICATION_JSON_VALUE)
    RecordOutcome ingest(@PathVariable String kind, Caller caller, HttpServletRequest request) throws IOException {
        RecordKind recordKind = kind(kind);
        JsonNode body;
        try {
            body = RecordImporter.JSON.readTree(request.getInputStream());
        } catch (IOException e) {
            throw new DomainException(ErrorCode.INVALID_INPUT, Text.of("problem.record-ingest-controller.1"));
        }
        if (body == null || !body.isObject()) {
            throw new DomainException(ErrorCode.INVALID_INPUT, Text.of("problem.record-ingest-controller.2"));
        }
        try {
            Object command = parser.parse(recordKind, RecordImporter.fields((ObjectNode) body), clock.instant());
            return commands.send(command, caller.accountId(), caller.primaryRole(), request);
        } catch (RecordImporter.Rejected e) {
            throw new DomainException(ErrorCode.INVALID_INPUT, Text.of("problem.record-rejected", e.getMessage()));
        }
    }

    /**
     * Bulk import. {@code Content-Type: application/x-ndjson} (one JSON object per line) or
     * {@code text/csv} (a header line naming the fields, then one record per line). Answers
     * {@code application/x-ndjson}: one outcome per input line, then a summary.
     */
    // Answers NDJSON; a client that asks for JSON gets the same lines (each one a JSON object), as
    // integrations sending Accept: application/json always have. Anything else: 406 before a line is read.
    @PostMapping(
            value = "/record-imports/{kind}",
            consumes = {NDJSON, "text/csv"},
            produces = {NDJSON, MediaType.APPLICATION_JSON_VALUE})
    void importRecords(
            @PathVariable String kind, Caller caller, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        RecordKind recordKind = kind(kind);
        RecordImporter.Format format = request.getContentType().toLowerCase().startsWith("text/csv")
                ? RecordImporter.Format.CSV
                : RecordImporter.Format.JSON_LINES;
        Reader in = new InputStreamReader(
                request.getInputStream(),
                StandardCharsets.UTF_8
                        .newDecoder()
                        .onMalformedInput(CodingErrorAction.REPLACE)
                        .onUnmappableCharacter(CodingErrorAction.REPLACE));
        response.setStatus(200);
        response.setContentType(NDJSON);
        response.setCharacterEncoding("UTF-8");
        Writer out = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
        new RecordImporter(
                        parser,
                        command -> commands.send(command, caller.accountId(), caller.primaryRole(), request),
                        clock::instant,
                        people -> {
                            var personKeys = keys.getIfAvailable();
                            if (personKeys != null) {
                                personKeys.prepare(people);
                            }
                        })
                .run(recordKind, format, in, out);
        out.flush();
    }

    private static RecordKind kind(String path) {
        return RecordKind.fromPath(path)
                .orElseThrow(
                        () -> new DomainException(ErrorCode.NOT_FOUND, Text.of("problem.record-ingest-controller.3")));
    }
}
