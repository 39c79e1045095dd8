package io.certtrail.topology;

import static io.certtrail.topology.Topology.managementUrl;
import static io.certtrail.topology.Topology.url;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import io.certtrail.platform.axon.ProcessingGroups;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The command side and two query-side instances as separate applications in their production
 * shape, on the stand-ins for Axon Server and MongoDB: a holder's story crosses the services, and
 * the two query instances split every projection's segments between them, keep building exactly
 * one correct read model while one of them stops in the middle of the stream, and the survivor
 * takes its segments over.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(OutputCaptureExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DistributedTopologyTest {

    private static final Pattern LINK = Pattern.compile("https?://\\S+/email-links/[A-Za-z0-9_-]+");
    private static final List<String> DIGITS =
            List.of("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine");

    @TempDir
    static Path dataDir;

    private Topology topology;
    private ConfigurableApplicationContext command;
    private ConfigurableApplicationContext queryA;
    private ConfigurableApplicationContext queryB;
    private MongoClient mongoClient;
    private MongoDatabase readModels;

    @BeforeAll
    void start() {
        topology = new Topology(dataDir);
        command = topology.startCommandSide();
        queryA = topology.startQuerySide("query-a");
        mongoClient = MongoClients.create(
                "mongodb://127.0.0.1:" + topology.mongo.getLocalAddress().getPort());
        readModels = mongoClient.getDatabase("certtrail");
    }

    @AfterAll
    void stop() {
        for (ConfigurableApplicationContext app : new ConfigurableApplicationContext[] {queryB, queryA}) {
            if (app != null && app.isActive()) {
                app.close();
            }
        }
        if (mongoClient != null) {
            mongoClient.close();
        }
        if (topology != null) {
            topology.close();
        }
    }

    @Test
    @Order(1)
    void eachServiceReportsReadinessOfBothStoresMetricsAndItsOwnApiDocument() {
        for (ConfigurableApplicationContext app : List.of(command, queryA)) {
            JsonNode readiness = topology.get(managementUrl(app, "/actuator/health/readiness"), null)
                    .json();
            assertThat(readiness.path("status").asText()).isEqualTo("UP");
            assertThat(readiness.path("components").fieldNames())
                    .toIterable()
                    .contains("mongo", "eventStore", "readinessState");
            assertThat(topology.get(managementUrl(app, "/actuator/health/liveness"), null)
                            .status())
                    .isEqualTo(200);
            assertThat(topology.get(managementUrl(app, "/actuator/prometheus"), null, "text/plain")
                            .body())
                    .contains("certtrail_processor_lag_events{");
            // the API port serves no health details and no metrics to the world
            assertThat(topology.get(url(app, "/actuator/prometheus"), null, "text/plain")
                            .status())
                    .isIn(401, 403, 404);
        }
        String commandApi = topology.get(url(command, "/v3/api-docs"), null).body();
        String queryApi = topology.get(url(queryA, "/v3/api-docs"), null).body();
        assertThat(commandApi).contains("/api/me/email-associations").doesNotContain("/api/me/email-addresses");
        assertThat(queryApi).contains("/api/me/email-addresses").doesNotContain("/api/me/email-associations");
        assertThat(topology.get(url(queryA, "/swagger-ui/index.html"), null).status())
                .isEqualTo(200);
    }

    @Test
    @Order(2)
    void aHolderAssociatesAtTheCommandSideAndReadsTheAddressAtTheQuerySide(CapturedOutput output) throws Exception {
        String alice = topology.userToken("alice", "alice-demo");
        JsonNode challenge = topology.post(
                        url(command, "/api/me/verification-challenges"), alice, "application/json", "")
                .json();
        String[] words = challenge.get("question").asText().replace("?", "").split(" ");
        String answer = Integer.toString(DIGITS.indexOf(words[2]) + DIGITS.indexOf(words[4]));
        Topology.Response requested = topology.send(
                java.net.http.HttpRequest.newBuilder(java.net.URI.create(url(command, "/api/me/email-associations")))
                        .header("Authorization", "Bearer " + alice)
                        .header("Content-Type", "application/json")
                        .header("X-Correlation-Id", "topology-story-0001")
                        .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"email\":\"wan.li@example.com\","
                                + "\"acceptPrivacyStatement\":true,\"verification\":{\"challengeId\":\""
                                + challenge.get("challengeId").asText() + "\",\"answer\":\"" + answer + "\"}}")));
        assertThat(requested.status()).as(requested.body()).isEqualTo(202);
        // the service's log: JSON lines, the request's line carrying its correlation id, and no address
        assertThat(output.getOut()
                        .lines()
                        .filter(line -> line.contains("\"correlationId\":\"topology-story-0001\""))
                        .toList())
                .anySatisfy(line -> assertThat(line).startsWith("{").contains("POST /api/me/email-associations 202"));
        assertThat(output.getOut()).doesNotContain("wan.li@example.com");

        await().atMost(Duration.ofSeconds(20)).until(() -> topology.smtp.getReceivedMessages().length > 0);
        MimeMessage mail = topology.smtp.getReceivedMessages()[0];
        Matcher link = LINK.matcher(
                com.icegreen.greenmail.util.GreenMailUtil.getBody(mail).replace("=\r\n", ""));
        assertThat(link.find()).isTrue();
        assertThat(link.group()).startsWith("http://127.0.0.1:" + topology.commandPort + "/email-links/");
        Topology.Response activated =
                topology.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(link.group()))
                        .header("Accept", "application/json")
                        .POST(java.net.http.HttpRequest.BodyPublishers.noBody()));
        assertThat(activated.status()).as(activated.body()).isEqualTo(200);
        long version = activated.json().get("accountVersion").asLong();

        JsonNode addresses = topology.get(url(queryA, "/api/me/email-addresses?minVersion=" + version), alice)
                .json();
        assertThat(addresses.get("addresses")).hasSize(1);
        assertThat(addresses.get("addresses").get(0).get("status").asText()).isEqualTo("ACTIVE");
    }

    @Test
    @Order(3)
    void twoQueryInstancesShareTheSegmentsAndBuildOneReadModelWhileOneStops() throws Exception {
        queryB = topology.startQuerySide("query-b");
        String operator = topology.userToken("oscar", "oscar-demo");
        // the balancer hands half of every projection's four segments to the new instance
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            assertThat(claimed(queryA, operator, ProcessingGroups.RECORDS)).hasSize(2);
            assertThat(claimed(queryB, operator, ProcessingGroups.RECORDS)).hasSize(2);
            assertThat(claimed(queryA, operator, ProcessingGroups.AUDIT_EVENTS)).hasSize(2);
            assertThat(claimed(queryB, operator, ProcessingGroups.AUDIT_EVENTS)).hasSize(2);
        });

        String integration = topology.clientToken("training-system", "training-system-demo", "records.write");
        int addresses = 40;
        int batches = 8;
        int perBatch = 50;
        for (int batch = 0; batch < batches; batch++) {
            if (batch == batches / 2) {
                // one instance goes away while the stream is being worked on; its segments must move
                queryA.close();
            }
            StringBuilder lines = new StringBuilder();
            for (int i = 0; i < perBatch; i++) {
                int n = batch * perBatch + i;
                lines.append("{\"sourceRecordId\":\"T-")
                        .append(n)
                        .append("\",\"email\":\"staff")
                        .append(n % addresses)
                        .append("@example.com\",\"courseCode\":\"DC-")
                        .append(n)
                        .append("\",\"courseName\":\"Datacom\",")
                        .append("\"provider\":\"Academy\",\"startDate\":\"2026-01-05\",\"endDate\":\"2026-01-09\",")
                        .append("\"result\":\"COMPLETED\"}\n");
            }
            Topology.Response imported = topology.post(
                    url(command, "/api/operator/record-imports/training"),
                    integration,
                    "application/x-ndjson",
                    lines.toString());
            assertThat(imported.status()).as(imported.body()).isEqualTo(200);
        }

        await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> {
            JsonNode projections = topology.get(url(queryB, "/api/operator/projections"), operator)
                    .json();
            for (JsonNode processor : projections.get("processors")) {
                assertThat(processor.get("claimedSegments"))
                        .as(processor.toString())
                        .hasSize(4);
                assertThat(processor.get("behind").asLong(-1))
                        .as(processor.toString())
                        .isZero();
            }
        });

        // every record exactly once, under its own address: nothing lost, nothing twice
        Map<String, Integer> seen = new HashMap<>();
        for (Document doc : readModels.getCollection("address_records").find()) {
            for (Document training : doc.getList("trainings", Document.class, List.of())) {
                seen.merge(training.getString("recordId"), 1, Integer::sum);
            }
        }
        List<String> missing = new ArrayList<>();
        for (int n = 0; n < batches * perBatch; n++) {
            if (!seen.containsKey("TRAINING:T-" + n)) {
                missing.add("T-" + n + "@" + storedAt(topology.eventStoreUrl, "TRAINING:T-" + n));
            }
        }
        assertThat(missing)
                .as("records missing from the read model (at global index)")
                .isEmpty();
        assertThat(seen).as("records in the read model").hasSize(batches * perBatch);
        assertThat(seen.values()).containsOnly(1);

        // the audit view holds every stored event once
        long stored;
        try (Connection jdbc = DriverManager.getConnection(topology.eventStoreUrl, "sa", "");
                ResultSet count = jdbc.createStatement().executeQuery("SELECT COUNT(*) FROM DomainEventEntry")) {
            count.next();
            stored = count.getLong(1);
        }
        assertThat(readModels.getCollection("audit_events").countDocuments()).isEqualTo(stored);
    }

    private static String storedAt(String url, String aggregate) {
        try (Connection jdbc = DriverManager.getConnection(url, "sa", "");
                var statement = jdbc.prepareStatement(
                        "SELECT globalIndex FROM DomainEventEntry WHERE aggregateIdentifier LIKE ?")) {
            statement.setString(1, "%" + aggregate.substring(aggregate.indexOf(':') + 1));
            try (ResultSet rows = statement.executeQuery()) {
                List<Long> at = new ArrayList<>();
                while (rows.next()) {
                    at.add(rows.getLong(1));
                }
                return at.toString();
            }
        } catch (java.sql.SQLException e) {
            return e.toString();
        }
    }

    private List<Integer> claimed(ConfigurableApplicationContext app, String token, String processor) {
        List<Integer> segments = new ArrayList<>();
        for (JsonNode view : topology.get(url(app, "/api/operator/projections"), token)
                .json()
                .get("processors")) {
            if (view.get("name").asText().equals(processor)) {
                view.get("claimedSegments").forEach(segment -> segments.add(segment.asInt()));
            }
        }
        return segments;
    }
}
