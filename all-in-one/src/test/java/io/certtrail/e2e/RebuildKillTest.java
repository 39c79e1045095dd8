package io.certtrail.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import io.certtrail.e2e.CrashRecoveryTest.Child;
import io.certtrail.platform.axon.ProcessingGroups;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A rebuild of every projection, killed with SIGKILL in the middle, on the embedded default: the
 * store opens again, the rebuild goes on from where the store's committed tokens say, and the views
 * end exactly as before the rebuild (the same digests, collection by collection).
 */
class RebuildKillTest {

    private static final int RESULTS = 4_000;

    @TempDir
    Path dataDir;

    @Test
    void aRebuildKilledHalfwayFinishesWithTheSameViews() throws Exception {
        int mongoPort = Child.freePort();
        Child app = Child.start(dataDir, mongoPort);
        Map<String, String> before;
        List<String> rebuilt = new ArrayList<>();
        long killedAt;
        long head;
        try {
            app.associate("alice", "alice-demo", "alice.rebuild@example.com");
            StringBuilder csv = new StringBuilder(
                    "sourceRecordId,registrationNumber,firstName,lastName,email,examCode,examName,examDate,score,passed\n");
            for (int i = 0; i < RESULTS; i++) {
                csv.append("KILL-")
                        .append(i)
                        .append(",REG-KILL-")
                        .append(i)
                        .append(",Given,Family,")
                        .append(i % 10 == 0 ? "alice.rebuild" : "holder" + i % 700)
                        .append("@example.com,H12-811,")
                        .append("HCIA-Datacom,2026-02-20,")
                        .append(600 + i % 400)
                        .append(",true\n");
            }
            HttpResponse<String> imported = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create(app.baseUrl + "/api/operator/record-imports/exams"))
                                    .header("Authorization", "Bearer " + app.userToken("oscar", "oscar-demo"))
                                    .header("Content-Type", "text/csv")
                                    .header("Accept", "application/x-ndjson")
                                    .timeout(Duration.ofMinutes(3))
                                    .POST(HttpRequest.BodyPublishers.ofString(csv.toString()))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            assertThat(imported.body()).contains("\"recorded\":" + RESULTS);
            app.awaitProjectionsAtHead();
            before = digests(mongoPort);

            String operator = app.userToken("oscar", "oscar-demo");
            for (JsonNode processor :
                    app.get("/api/operator/projections", "oscar", "oscar-demo").get("processors")) {
                String name = processor.get("name").asText();
                if (name.equals(ProcessingGroups.MAIL)) {
                    continue; // processors that send mail never replay
                }
                HttpResponse<String> started =
                        app.post("/api/operator/projections/" + name + "/replays", operator, "{\"rebuild\": true}");
                assertThat(started.statusCode())
                        .as(name + ": " + started.body())
                        .isEqualTo(202);
                rebuilt.add(name);
            }
            // kill once the slowest rebuilt projection is somewhere in the middle of the stream
            JsonNode middle = Awaitility.await()
                    .atMost(Duration.ofMinutes(2))
                    .pollInterval(Duration.ofMillis(20))
                    .until(
                            () -> app.get("/api/operator/projections", "oscar", "oscar-demo"),
                            status -> slowest(status, rebuilt)
                                    >= status.get("headPosition").asLong() / 4);
            app.kill();
            killedAt = slowest(middle, rebuilt);
            head = middle.get("headPosition").asLong();
        } finally {
            app.kill();
        }
        assertThat(killedAt)
                .as("killed before every rebuilt projection reached the head")
                .isLessThan(head);
        System.out.println(
                "RebuildKillTest: killed with the slowest of " + rebuilt + " at " + killedAt + " of " + head);

        Child again = Child.start(dataDir, mongoPort);
        try {
            again.awaitProjectionsAtHead();
            assertThat(digests(mongoPort))
                    .as("killed at position %d of %d", killedAt, head)
                    .isEqualTo(before);
        } finally {
            again.kill();
        }
    }

    private static long slowest(JsonNode status, List<String> names) {
        long slowest = Long.MAX_VALUE;
        for (JsonNode processor : status.get("processors")) {
            if (names.contains(processor.get("name").asText())) {
                slowest = Math.min(slowest, processor.get("position").asLong(-1));
            }
        }
        return slowest;
    }

    private static Map<String, String> digests(int mongoPort) throws Exception {
        try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + mongoPort)) {
            return ReadModelDigests.of(client.getDatabase("certtrail"));
        }
    }
}
