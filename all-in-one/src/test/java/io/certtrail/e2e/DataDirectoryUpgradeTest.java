package io.certtrail.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.certtrail.embedded.DataDirectory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.util.Set;
import java.util.TreeSet;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * A data directory the previous release wrote (a9cc066, shipped as a test resource; how it was made:
 * upgrade/make-data.sh) opens in this one and reads as it did; views of an older shape are rebuilt;
 * a directory of a newer format is refused before anything in it is opened.
 */
class DataDirectoryUpgradeTest {

    @TempDir
    Path work;

    private Path previousRelease() throws IOException {
        Path dir = work.resolve("data");
        Files.createDirectories(dir);
        try (InputStream resource = getClass().getResourceAsStream("/upgrade/data-a9cc066.zip");
                ZipInputStream zip = new ZipInputStream(resource)) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                Files.copy(zip, dir.resolve(entry.getName()));
            }
        }
        return dir;
    }

    @Test
    void theDataOfThePreviousReleaseOpensAndReads() throws Exception {
        Path dir = previousRelease();
        assertThat(dir.resolve(DataDirectory.MARKER)).doesNotExist();
        Set<String> aggregates = new TreeSet<>();
        try (Connection store = DriverManager.getConnection("jdbc:h2:file:" + dir.resolve("eventstore"), "sa", "");
                ResultSet rows = store.createStatement()
                        .executeQuery("SELECT DISTINCT aggregateIdentifier FROM DomainEventEntry")) {
            while (rows.next()) {
                aggregates.add(rows.getString(1));
            }
        }
        assertThat(aggregates).contains("acct-alice", "CERT:UPC-1", "EXAM:UP-1", "EXAM:UP-2");

        CertTrailInstance app = CertTrailInstance.start(dir, Clock.systemUTC());
        try {
            app.awaitProjectionsAtHead();
            JsonNode verified = app.get("/api/public/certificates/0700000000000000001", null)
                    .json();
            assertThat(verified.get("authentic").asBoolean()).isTrue();
            assertThat(verified.get("status").asText()).isEqualTo("VALID");
            // sealed by the previous release, opened with the keys its read-model store kept
            String export =
                    app.get("/api/audit/accounts/acct-alice/export", "auditor").body();
            assertThat(export)
                    .contains("upgrade.alice@example.com", "\"Wan\"", "\"Li\"", "REG-UP-1", "0700000000000000001")
                    .doesNotContain("erased", "pd1:");
            app.assertConsistent(aggregates);
        } finally {
            app.close();
        }
        assertThat(DataDirectory.read(dir))
                .extracting(DataDirectory.Marker::format, DataDirectory.Marker::views)
                .containsExactly(DataDirectory.FORMAT, DataDirectory.VIEWS);
    }

    @Test
    void viewsOfAnOlderShapeAreRebuiltFromTheStore() throws Exception {
        Path dir = previousRelease();
        DataDirectory.write(dir, new DataDirectory.Marker(DataDirectory.FORMAT, DataDirectory.VIEWS - 1, "test"));
        CertTrailInstance app = CertTrailInstance.start(dir, Clock.systemUTC());
        try {
            MongoTemplate mongo = app.context.getBean(MongoTemplate.class);
            // asked for, then done: the query side takes the request off once every view is rebuilt
            Awaitility.await()
                    .atMost(Duration.ofSeconds(30))
                    .until(() -> DataDirectory.read(dir).views() == DataDirectory.VIEWS
                            && mongo.getCollection("rebuild_requests").countDocuments() == 0);
            app.awaitProjectionsAtHead();
            assertThat(app.get("/api/public/certificates/0700000000000000001", null)
                            .json()
                            .get("authentic")
                            .asBoolean())
                    .isTrue();
        } finally {
            app.close();
        }
    }

    @Test
    void aDirectoryOfANewerFormatIsRefusedBeforeAnythingOpens() throws Exception {
        Path dir = previousRelease();
        DataDirectory.write(dir, new DataDirectory.Marker(DataDirectory.FORMAT + 1, DataDirectory.VIEWS, "9.9.9"));
        long storeBytes = Files.size(dir.resolve("eventstore.mv.db"));
        assertThatThrownBy(() -> CertTrailInstance.start(dir, Clock.systemUTC()))
                .isInstanceOf(DataDirectory.DataDirectoryRefused.class)
                .hasMessageContaining("was written by CertTrail 9.9.9 (data format " + (DataDirectory.FORMAT + 1))
                .hasMessageContaining("would misread it");
        assertThat(Files.size(dir.resolve("eventstore.mv.db"))).isEqualTo(storeBytes);
        assertThat(DataDirectory.read(dir).format()).isEqualTo(DataDirectory.FORMAT + 1);
    }
}
