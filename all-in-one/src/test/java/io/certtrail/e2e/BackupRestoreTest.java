package io.certtrail.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.certtrail.embedded.Restore;
import io.certtrail.platform.axon.ProcessingGroups;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * A backup taken while records, new people and associations stream in, restored into a new
 * directory and started there: every aggregate of the restored event store is consistent with its
 * audit view, every view equals a rebuild of it from the restored store, every record acknowledged
 * before the backup began is there, and sealed personal data still opens (its keys came back too).
 */
class BackupRestoreTest {

    @TempDir(cleanup = org.junit.jupiter.api.io.CleanupMode.ON_SUCCESS)
    Path work;

    @Test
    void aBackupUnderLoadRestoresIntoASystemWhoseViewsMatchItsStore() throws Exception {
        Path original = work.resolve("original");
        Path restored = work.resolve("restored");
        Set<String> acknowledgedBeforeBackup = ConcurrentHashMap.newKeySet();
        List<Throwable> failures = new CopyOnWriteArrayList<>();
        String backupName;
        long eventsAtLeast;

        CertTrailInstance app =
                CertTrailInstance.start(original, Clock.systemUTC(), Map.of("certtrail.backup.keep", "2"));
        try {
            app.associate("holder0", "backup.holder@example.com");
            AtomicBoolean stop = new AtomicBoolean();
            AtomicBoolean backupBegun = new AtomicBoolean();
            AtomicInteger sequence = new AtomicInteger();
            List<Thread> drivers = new ArrayList<>();
            for (int d = 0; d < 2; d++) {
                Thread driver = new Thread(() -> {
                    while (!stop.get()) {
                        int n = sequence.incrementAndGet();
                        // every other record names a new person, whose key is made as it is stored
                        String email = n % 2 == 0 ? "backup.holder@example.com" : "person" + n + "@example.com";
                        String body = "{\"sourceRecordId\":\"B-" + n + "\",\"registrationNumber\":\"REG-B-" + n
                                + "\",\"firstName\":\"Given" + n + "\",\"lastName\":\"Family\",\"email\":\"" + email
                                + "\",\"examCode\":\"H12-811\",\"examName\":\"HCIA-Datacom\","
                                + "\"examDate\":\"2026-01-20\",\"score\":800,\"passed\":true}";
                        var response = app.post("/api/operator/records/exams", "operator", body);
                        if (response.status() != 200) {
                            failures.add(new AssertionError(response.status() + " " + response.body()));
                            return;
                        }
                        if (!backupBegun.get()) { // answered before the backup was asked for
                            acknowledgedBeforeBackup.add(
                                    response.json().get("recordId").asText());
                        }
                    }
                });
                driver.start();
                drivers.add(driver);
            }
            Thread.sleep(2_000);
            backupBegun.set(true);
            var backup = app.post("/api/operator/backups", "operator", "");
            assertThat(backup.status()).as(backup.body()).isEqualTo(201);
            backupName = backup.json().get("name").asText();
            eventsAtLeast = backup.json().get("eventsStored").asLong();
            Thread.sleep(1_000);
            stop.set(true);
            for (Thread driver : drivers) {
                driver.join(30_000);
            }
            assertThat(failures).isEmpty();
            assertThat(acknowledgedBeforeBackup).hasSizeGreaterThan(10);
            JsonNode listed = app.get("/api/operator/backups", "operator").json();
            assertThat(listed.at("/backups/0/name").asText()).isEqualTo(backupName);
            Path taken = original.resolve("backups").resolve(backupName);
            assertThat(java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(taken)))
                    .isEqualTo("rw-------");
            Files.copy(taken, work.resolve(backupName));
            // the schedule's pruning keeps the newest (here two, as the test instance is told)
            var backups = app.context.getBean(io.certtrail.embedded.EmbeddedBackups.class);
            for (int i = 0; i < 2; i++) {
                Thread.sleep(5); // names are to the millisecond
                assertThat(app.post("/api/operator/backups", "operator", "").status())
                        .isEqualTo(201);
            }
            backups.prune();
            assertThat(backups.list()).hasSize(2).noneMatch(kept -> kept.name().equals(backupName));
        } finally {
            app.close();
        }

        Path file = work.resolve(backupName);
        // never over a directory that holds anything
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Restore.into(file, original))
                .hasMessageContaining("is not empty: restore into a new directory");
        Restore.into(file, restored);
        Set<String> aggregates = new java.util.TreeSet<>();
        Set<String> eventIds = new java.util.TreeSet<>();
        long events;
        try (Connection store =
                        DriverManager.getConnection("jdbc:h2:file:" + restored.resolve("eventstore"), "sa", "");
                ResultSet rows = store.createStatement()
                        .executeQuery("SELECT DISTINCT aggregateIdentifier FROM DomainEventEntry")) {
            while (rows.next()) {
                aggregates.add(rows.getString(1));
            }
            ResultSet ids = store.createStatement().executeQuery("SELECT eventIdentifier FROM DomainEventEntry");
            while (ids.next()) {
                eventIds.add(ids.getString(1));
            }
            ResultSet count = store.createStatement().executeQuery("SELECT COUNT(*) FROM DomainEventEntry");
            count.next();
            events = count.getLong(1);
        }
        assertThat(events).isGreaterThanOrEqualTo(eventsAtLeast);
        assertThat(aggregates).containsAll(acknowledgedBeforeBackup);

        CertTrailInstance again = CertTrailInstance.start(restored, Clock.systemUTC());
        try {
            again.awaitProjectionsAtHead();
            again.assertConsistent(aggregates);
            // the audit view holds exactly the restored store's events: none from after the backup
            Set<String> audited = new java.util.TreeSet<>();
            again.context
                    .getBean(MongoTemplate.class)
                    .getDb()
                    .getCollection("audit_events")
                    .find()
                    .forEach(document -> audited.add(String.valueOf(document.get("_id"))));
            assertThat(audited).isEqualTo(eventIds);
            // the holder's sealed name opens: the person keys came back with the events
            var export = again.get("/api/me/export", "holder0");
            assertThat(export.status()).isEqualTo(200);
            assertThat(export.body()).contains("\"Given2\"").doesNotContain("erased");

            MongoTemplate views = again.context.getBean(MongoTemplate.class);
            Map<String, String> carriedOn = withoutAuditPositions(ReadModelDigests.ofIgnoringListOrder(views.getDb()));
            Map<String, String> auditCarriedOn = auditEventsWithoutPositions(views);
            for (JsonNode processor :
                    again.get("/api/operator/projections", "operator").json().get("processors")) {
                String name = processor.get("name").asText();
                if (!name.equals(ProcessingGroups.MAIL)) {
                    var rebuild = again.post(
                            "/api/operator/projections/" + name + "/replays", "operator", "{\"rebuild\":true}");
                    assertThat(rebuild.status()).as(name + " " + rebuild.body()).isEqualTo(202);
                }
            }
            again.awaitReplayed();
            // lists in views hold events as they arrived: two clients' commits can arrive out of order
            assertThat(withoutAuditPositions(ReadModelDigests.ofIgnoringListOrder(views.getDb())))
                    .as("the views the restored system carried on with, against a rebuild from its store")
                    .isEqualTo(carriedOn);
            assertThat(auditEventsWithoutPositions(views)).isEqualTo(auditCarriedOn);
        } finally {
            again.close();
        }
    }

    private static Map<String, String> withoutAuditPositions(Map<String, String> digests) {
        Map<String, String> others = new java.util.TreeMap<>(digests);
        others.remove("audit_events");
        return others;
    }

    /**
     * The audit view's documents without their {@code position}: the processor's position when the
     * event reached it. An event whose transaction committed after a later one's (two clients at
     * once) fills a gap and is given the newer position live, its own in a rebuild: found here, and
     * true of any live audit view, backed up or not (README, Reliability).
     */
    private static Map<String, String> auditEventsWithoutPositions(MongoTemplate views) {
        Map<String, String> documents = new java.util.TreeMap<>();
        for (org.bson.Document document :
                views.getDb().getCollection("audit_events").find()) {
            document.remove("position");
            documents.put(String.valueOf(document.get("_id")), document.toJson());
        }
        return documents;
    }
}
