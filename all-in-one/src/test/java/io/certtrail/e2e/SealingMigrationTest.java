package io.certtrail.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Rule 32 for a store written before sealing: events stored in the clear still read, and one run
 * with {@code certtrail.migrate.seal-personal-data} seals them in place; the views and the
 * holder's reads are the same before and after.
 */
class SealingMigrationTest {

    @TempDir
    Path dataDir;

    private static List<String> payloads(CertTrailInstance app) {
        return new JdbcTemplate(app.context.getBean(DataSource.class))
                .queryForList("SELECT payload FROM DomainEventEntry", byte[].class).stream()
                        .map(bytes -> new String(bytes, StandardCharsets.UTF_8))
                        .toList();
    }

    @Test
    void eventsStoredInTheClearReadAndAreSealedInPlaceByOneRun() {
        MutableClock clock = new MutableClock(Instant.parse("2026-03-02T08:00:00Z"));
        String before;
        try (CertTrailInstance plain =
                CertTrailInstance.start(dataDir, clock, Map.of("certtrail.personal-data.encryption", "off"))) {
            plain.associate("holder5", "plain.old@example.com");
            plain.awaitProjectionsAtHead();
            assertThat(payloads(plain)).anyMatch(p -> p.contains("plain.old@example.com"));
            before = plain.get("/api/me/email-addresses", "holder5").body();
        }
        // sealing on, events of before in the clear: they read as they are
        try (CertTrailInstance sealed =
                CertTrailInstance.start(dataDir, clock, Map.of("certtrail.migrate.seal-personal-data", "true"))) {
            assertThat(payloads(sealed))
                    .noneMatch(p -> p.contains("plain.old@example.com"))
                    .anyMatch(p -> p.contains("\"pd1:account:acct-h5:"));
            sealed.awaitProjectionsAtHead();
            assertThat(sealed.get("/api/me/email-addresses", "holder5").body())
                    .isEqualTo(before)
                    .contains("plain.old@example.com");
            assertThat(sealed.get("/api/audit/accounts/acct-h5/events", "auditor")
                            .body())
                    .contains("plain.old@example.com"); // the auditor reads it, opened
        }
    }
}
