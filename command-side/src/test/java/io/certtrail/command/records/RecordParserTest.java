package io.certtrail.command.records;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.certtrail.command.records.RecordCommands.RecordExamResult;
import io.certtrail.platform.error.DomainException;
import io.certtrail.platform.privacy.AddressKeys;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RecordParserTest {

    private final AddressKeys keys = new AddressKeys("a-test-secret-of-sixteen+");
    private final RecordParser parser = new RecordParser(keys);
    private final Instant now = Instant.parse("2026-03-01T09:00:00Z");

    private static Map<String, String> exam() {
        Map<String, String> fields = new HashMap<>(Map.of(
                "sourceRecordId",
                "E-1",
                "registrationNumber",
                "reg-1",
                "firstName",
                " Ruirui ",
                "lastName",
                "李",
                "email",
                " Li.Wan@Example.com",
                "examCode",
                "H12-811",
                "examName",
                "HCIA-Datacom",
                "examDate",
                "2026-02-20",
                "score",
                "876"));
        fields.put("passed", "pass");
        return fields;
    }

    @Test
    void aValidExamResultBecomesItsCommandInCanonicalForm() {
        RecordExamResult command = (RecordExamResult) parser.parse(RecordKind.EXAM, exam(), now);
        assertThat(command.recordId()).isEqualTo("EXAM:E-1");
        assertThat(command.exam().email()).isEqualTo("li.wan@example.com");
        assertThat(command.exam().addressKey()).isEqualTo(keys.of("li.wan@example.com"));
        assertThat(command.exam().registrationNumber()).isEqualTo("REG-1");
        assertThat(command.exam().candidateFirstName()).isEqualTo("Ruirui");
        assertThat(command.exam().examDate()).isEqualTo(LocalDate.parse("2026-02-20"));
        assertThat(command.exam().passed()).isTrue();
        assertThat(command.receivedAt()).isEqualTo(now);
    }

    @Test
    void everyProblemOfARecordIsReportedAtOnce() {
        Map<String, String> fields = exam();
        fields.put("score", "lots");
        fields.put("examDate", "20/02/2026");
        fields.put("email", "nobody");
        fields.put("colour", "blue");
        fields.remove("examName");
        assertThatThrownBy(() -> parser.parse(RecordKind.EXAM, fields, now))
                .isInstanceOf(DomainException.class)
                .hasMessageContaining("unknown field 'colour'")
                .hasMessageContaining("email is not a valid e-mail address")
                .hasMessageContaining("examName is required")
                .hasMessageContaining("examDate must be a date")
                .hasMessageContaining("score must be a whole number");
    }

    @Test
    void datesMustBeInOrderAndTextFreeOfControlCharacters() {
        Map<String, String> certification = new HashMap<>(Map.of(
                "sourceRecordId",
                "C-1",
                "email",
                "a@example.com",
                "certificationName",
                "HCIA\u0007",
                "certificateNumber",
                "0101",
                "effectiveDate",
                "2026-02-01",
                "expirationDate",
                "2025-02-01"));
        assertThatThrownBy(() -> parser.parse(RecordKind.CERTIFICATION, certification, now))
                .hasMessageContaining("expirationDate is before effectiveDate")
                .hasMessageContaining("certificationName contains control characters");
    }

    @Test
    void senderIdentifiersAreLimitedToASafeAlphabet() {
        Map<String, String> fields = exam();
        fields.put("sourceRecordId", "../../etc");
        assertThatThrownBy(() -> parser.parse(RecordKind.EXAM, fields, now)).hasMessageContaining("sourceRecordId");
    }
}
