package io.certtrail.command.records.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ImportReadingTest {

    @Test
    void csvFieldsMayBeQuotedAndHoldCommasAndQuotes() {
        assertThat(CsvLine.split("a,\"b, c\",\"say \"\"hi\"\"\",,e"))
                .containsExactly("a", "b, c", "say \"hi\"", "", "e");
        assertThat(CsvLine.split("李,瑞瑞")).containsExactly("李", "瑞瑞");
    }

    @Test
    void malformedCsvIsRefused() {
        assertThatThrownBy(() -> CsvLine.split("a,\"open")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CsvLine.split("a,b\"c")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CsvLine.split("\"a\"b")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aLineOverTheLimitIsSkippedWholeAndReadingGoesOn() throws IOException {
        String input = "first\r\n" + "x".repeat(50) + "\nthird\n\nlast";
        BoundedLineReader reader = new BoundedLineReader(new StringReader(input), 10);
        List<String> lines = new ArrayList<>();
        String line;
        while ((line = reader.next()) != null) {
            lines.add(line == BoundedLineReader.TOO_LONG ? "<too long>" : line);
        }
        assertThat(lines).containsExactly("first", "<too long>", "third", "", "last");
    }

    @Test
    void aJsonLineGivingAFieldTwiceIsRefusedNotReadAsTheLastOne() throws Exception {
        assertThatThrownBy(
                        () -> RecordImporter.JSON.readTree("{\"email\":\"a@example.com\",\"email\":\"b@example.com\"}"))
                .isInstanceOf(com.fasterxml.jackson.core.JsonProcessingException.class);
        assertThat(RecordImporter.JSON
                        .readTree("{\"email\":\"a@example.com\"}")
                        .get("email")
                        .asText())
                .isEqualTo("a@example.com");
    }
}
