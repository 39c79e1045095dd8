package io.certtrail.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The all-in-one application as its own process, killed with SIGKILL while integrations push
 * records at it, three times at random moments, and started again on the same data each time.
 * Every command acknowledged with a 2xx must have its event in the store, and the read models
 * must end exactly as the stored events say: every record once, in its latest stored version.
 */
class CrashRecoveryTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ADDRESS = "crash.test@example.com";
    private static final List<String> DIGITS =
            List.of("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine");

    /** Kept when the test fails: the store files and each run's log show what happened. */
    @TempDir(cleanup = org.junit.jupiter.api.io.CleanupMode.ON_SUCCESS)
    Path dataDir;

    /** The latest acknowledged version of a record. */
    record Ack(String recordId, String certificateNumber, LocalDate expirationDate, int revision) {}

    @Test
    void everyAcknowledgedCommandSurvivesThreeKillsAndTheViewsConverge() throws Exception {
        long seed = Long.getLong("crash.seed", System.nanoTime());
        Random random = new Random(seed);
        System.out.println("CrashRecoveryTest seed " + seed + " (rerun with -Dcrash.seed=" + seed + ")");
        Map<String, Ack> acknowledged = new ConcurrentHashMap<>();
        AtomicInteger sequence = new AtomicInteger();
        List<String> kills = new ArrayList<>();
        List<Throwable> driverFailures = new java.util.concurrent.CopyOnWriteArrayList<>();

        Child app = Child.start(dataDir);
        try {
            app.associate("alice", "alice-demo", ADDRESS);
            for (int round = 1; round <= 3; round++) {
                int before = acknowledged.size();
                AtomicBoolean stop = new AtomicBoolean();
                List<Thread> drivers = new ArrayList<>();
                for (int d = 0; d < 2; d++) {
                    Random own = new Random(random.nextLong());
                    Child target = app;
                    Thread driver = new Thread(() -> {
                        try {
                            drive(target, own, acknowledged, sequence, stop);
                        } catch (Throwable failure) {
                            driverFailures.add(failure);
                        }
                    });
                    driver.start();
                    drivers.add(driver);
                }
                long killAfter = 1_500 + random.nextInt(4_000);
                Thread.sleep(killAfter);
                app.kill();
                stop.set(true);
                for (Thread driver : drivers) {
                    driver.join(30_000);
                }
                kills.add("round " + round + ": killed after " + killAfter + " ms, " + (acknowledged.size() - before)
                        + " new records acknowledged");
                app = Child.start(dataDir);
            }
            System.out.println("CrashRecoveryTest " + kills);
            // the restarted application takes commands again
            AtomicBoolean stop = new AtomicBoolean();
            Child last = app;
            Thread after = new Thread(() -> {
                try {
                    drive(last, new Random(seed + 1), acknowledged, sequence, stop);
                } catch (Throwable failure) {
                    driverFailures.add(failure);
                }
            });
            after.start();
            Thread.sleep(1_000);
            stop.set(true);
            after.join(30_000);

            assertThat(driverFailures).isEmpty();
            assertThat(acknowledged).hasSizeGreaterThan(20);
            app.awaitProjectionsAtHead();

            // the audit view holds every stored event of every record exactly once, as stored
            for (Ack ack : acknowledged.values()) {
                JsonNode report =
                        app.get("/api/audit/aggregates/" + ack.recordId() + "/consistency", "audrey", "audrey-demo");
                assertThat(report.get("consistent").asBoolean())
                        .as(report.toString())
                        .isTrue();
                assertThat(report.get("storeEvents").asLong())
                        .as(ack.recordId())
                        .isGreaterThanOrEqualTo(1);
            }
            Map<String, String> holderView = app.certificatesOf("alice", "alice-demo");
            app.stop();

            // the store, read directly: every acknowledged version is there
            Map<String, JsonNode> latestStored = latestStoredCertifications(dataDir);
            for (Ack ack : acknowledged.values()) {
                JsonNode stored = latestStored.get(ack.recordId());
                assertThat(stored)
                        .as("stored events of acknowledged " + ack.recordId())
                        .isNotNull();
                assertThat(stored.get("revision").asInt()).as(ack.recordId()).isGreaterThanOrEqualTo(ack.revision());
                if (stored.get("revision").asInt() == ack.revision()) {
                    assertThat(stored.at("/certification/expirationDate").asText())
                            .isEqualTo(ack.expirationDate().toString());
                }
            }
            // the holder's view is exactly the stored records (acknowledged or not): each once, latest version
            Map<String, String> expected = new HashMap<>();
            latestStored
                    .values()
                    .forEach(event -> expected.put(
                            event.at("/certification/certificateNumber").asText(),
                            event.at("/certification/expirationDate").asText()));
            assertThat(holderView).isEqualTo(expected);
        } finally {
            app.kill();
        }
    }

    /** Pushes new records and corrections until told to stop or the application is gone; keeps what was acknowledged. */
    private static void drive(
            Child app, Random random, Map<String, Ack> acknowledged, AtomicInteger sequence, AtomicBoolean stop) {
        while (!stop.get()) {
            List<Ack> known = new ArrayList<>(acknowledged.values());
            Ack next;
            if (!known.isEmpty() && random.nextInt(4) == 0) {
                Ack earlier = known.get(random.nextInt(known.size()));
                next = new Ack(
                        earlier.recordId(),
                        earlier.certificateNumber(),
                        earlier.expirationDate().plusDays(1 + random.nextInt(300)),
                        0);
            } else {
                int n = sequence.incrementAndGet();
                next = new Ack("CERT:K-" + n, String.format("09%017d", n), LocalDate.of(2029, 1, 1), 0);
            }
            String body = "{\"sourceRecordId\":\"" + next.recordId().substring(5) + "\",\"email\":\"" + ADDRESS
                    + "\",\"certificationName\":\"HCIA-Datacom\",\"certificateNumber\":\"" + next.certificateNumber()
                    + "\",\"effectiveDate\":\"2025-12-02\",\"expirationDate\":\"" + next.expirationDate()
                    + "\",\"renewal\":false}";
            HttpResponse<String> response;
            try {
                response = app.post("/api/operator/records/certifications", app.clientToken(), body);
            } catch (IOException | InterruptedException gone) {
                return; // killed: whatever was not answered was not acknowledged
            }
            if (response.statusCode() / 100 != 2) {
                throw new AssertionError("refused: " + response.statusCode() + " " + response.body());
            }
            JsonNode answer = read(response.body());
            Ack ack = new Ack(
                    answer.get("recordId").asText(),
                    next.certificateNumber(),
                    next.expirationDate(),
                    answer.get("revision").asInt());
            acknowledged.merge(ack.recordId(), ack, (a, b) -> a.revision() >= b.revision() ? a : b);
        }
    }

    /** Each certification's latest stored {@code CertificationRecorded}, read from the H2 file itself. */
    private static Map<String, JsonNode> latestStoredCertifications(Path dataDir) throws Exception {
        Map<String, JsonNode> latest = new HashMap<>();
        String url = "jdbc:h2:file:" + dataDir.resolve("eventstore").toAbsolutePath();
        try (Connection connection = DriverManager.getConnection(url, "sa", "");
                ResultSet rows = connection
                        .createStatement()
                        .executeQuery(
                                "SELECT aggregateIdentifier, payload FROM DomainEventEntry WHERE payloadType LIKE "
                                        + "'%CertificationRecorded' ORDER BY globalIndex")) {
            while (rows.next()) {
                latest.put(rows.getString(1), read(new String(rows.getBytes(2), StandardCharsets.UTF_8)));
            }
        }
        return latest;
    }

    private static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + json, e);
        }
    }

    /** One run of the application as a separate JVM, as {@code java -cp … CertTrailAllInOne} starts it. */
    static final class Child {

        private static final Pattern LINK = Pattern.compile("https?://[^\"\\s]+/email-links/[A-Za-z0-9_-]+");

        final Process process;
        final String baseUrl;
        final Path log;
        private final HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        private final Map<String, String> tokens = new ConcurrentHashMap<>();

        private Child(Process process, int port, Path log) {
            this.process = process;
            this.baseUrl = "http://127.0.0.1:" + port;
            this.log = log;
        }

        static Child start(Path dataDir) throws Exception {
            return start(dataDir, freePort());
        }

        /** @param mongoPort where the embedded wire server listens, for a test to read the views directly */
        static Child start(Path dataDir, int mongoPort) throws Exception {
            int port = freePort();
            Path log = Files.createTempFile(dataDir, "run-", ".log");
            List<String> command = List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx384m",
                    "-XX:+UseSerialGC",
                    "-XX:TieredStopAtLevel=1",
                    "-cp",
                    System.getProperty("java.class.path"),
                    "io.certtrail.CertTrailAllInOne",
                    "--server.port=" + port,
                    "--certtrail.identity.issuer=http://127.0.0.1:" + port,
                    "--certtrail.embedded.data-dir=" + dataDir,
                    "--certtrail.embedded.mongo-port=" + mongoPort,
                    "--certtrail.embedded.smtp-port=" + freePort(),
                    "--spring.main.banner-mode=off");
            Process process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .start();
            Child child = new Child(process, port, log);
            try {
                Awaitility.await()
                        .atMost(Duration.ofSeconds(120))
                        .pollInterval(Duration.ofMillis(250))
                        .until(() -> {
                            if (!process.isAlive()) {
                                throw new AssertionError("the application exited: " + child.tail());
                            }
                            return child.health() == 200;
                        });
            } catch (RuntimeException | AssertionError e) {
                child.kill();
                throw new AssertionError("did not start: " + child.tail(), e);
            }
            return child;
        }

        private int health() {
            try {
                return http.send(
                                HttpRequest.newBuilder(URI.create(baseUrl + "/actuator/health"))
                                        .build(),
                                HttpResponse.BodyHandlers.discarding())
                        .statusCode();
            } catch (IOException | InterruptedException notYet) {
                return -1;
            }
        }

        String tail() {
            try {
                List<String> lines = Files.readAllLines(log);
                return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
            } catch (IOException e) {
                return "(no log: " + e + ")";
            }
        }

        /** SIGKILL: no shutdown hook, no flush, nothing. */
        void kill() throws InterruptedException {
            process.destroyForcibly();
            process.waitFor(30, TimeUnit.SECONDS);
        }

        /** SIGTERM: the graceful stop, so the store files can be read afterwards. */
        void stop() throws InterruptedException {
            process.destroy();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                kill();
            }
        }

        String clientToken() {
            return tokens.computeIfAbsent("exam-centre", name -> {
                HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + "/oauth2/token"))
                        .header("Authorization", basic("exam-centre", "exam-centre-demo"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials&scope=records.write"))
                        .build();
                return read(send(request).body()).get("access_token").asText();
            });
        }

        String userToken(String user, String password) {
            return tokens.computeIfAbsent(
                    user,
                    name -> read(send(HttpRequest.newBuilder(URI.create(baseUrl + "/dev/tokens"))
                                            .header("Authorization", basic(user, password))
                                            .POST(HttpRequest.BodyPublishers.noBody())
                                            .build())
                                    .body())
                            .get("access_token")
                            .asText());
        }

        HttpResponse<String> post(String path, String token, String json) throws IOException, InterruptedException {
            return http.send(
                    HttpRequest.newBuilder(URI.create(baseUrl + path))
                            .header("Authorization", "Bearer " + token)
                            .header("Content-Type", "application/json")
                            .header("Accept", "application/json")
                            .timeout(Duration.ofSeconds(30))
                            .POST(HttpRequest.BodyPublishers.ofString(json))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
        }

        JsonNode get(String path, String user, String password) {
            HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(baseUrl + path))
                    .header("Authorization", "Bearer " + userToken(user, password))
                    .header("Accept", "application/json")
                    .build());
            assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
            return read(response.body());
        }

        /** The holder associates the address the whole way: challenge, request, the mail, the link. */
        void associate(String user, String password, String email) throws Exception {
            String token = userToken(user, password);
            JsonNode challenge =
                    read(post("/api/me/verification-challenges", token, "").body());
            String[] words = challenge.get("question").asText().replace("?", "").split(" ");
            int answer = DIGITS.indexOf(words[2]) + DIGITS.indexOf(words[4]);
            HttpResponse<String> requested = post(
                    "/api/me/email-associations",
                    token,
                    "{\"email\":\"" + email
                            + "\",\"acceptPrivacyStatement\":true,\"verification\":{\"challengeId\":\""
                            + challenge.get("challengeId").asText()
                            + "\",\"answer\":\"" + answer + "\"}}");
            assertThat(requested.statusCode()).as(requested.body()).isEqualTo(202);
            String link = Awaitility.await()
                    .atMost(Duration.ofSeconds(30))
                    .until(
                            () -> {
                                Matcher matcher =
                                        LINK.matcher(send(HttpRequest.newBuilder(URI.create(baseUrl + "/dev/mails"))
                                                        .header("Accept", "application/json")
                                                        .build())
                                                .body());
                                return matcher.find() ? matcher.group() : null;
                            },
                            found -> found != null);
            HttpResponse<String> activated = http.send(
                    HttpRequest.newBuilder(URI.create(link))
                            .header("Accept", "application/json")
                            .POST(HttpRequest.BodyPublishers.noBody())
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(activated.statusCode()).as(activated.body()).isEqualTo(200);
        }

        void awaitProjectionsAtHead() {
            Awaitility.await()
                    .atMost(Duration.ofSeconds(120))
                    .pollInterval(Duration.ofMillis(250))
                    .until(() -> {
                        JsonNode projections = get("/api/operator/projections", "oscar", "oscar-demo");
                        for (JsonNode processor : projections.get("processors")) {
                            if (!processor.get("caughtUp").asBoolean()) {
                                return false;
                            }
                        }
                        return true;
                    });
        }

        /** certificate number to expiration date, as the holder's My Certificates shows them. */
        Map<String, String> certificatesOf(String user, String password) {
            Map<String, String> shown = new HashMap<>();
            for (int page = 0; ; page++) {
                JsonNode answer = get("/api/me/certificates?size=100&page=" + page, user, password);
                for (JsonNode item : answer.get("items")) {
                    String previous = shown.put(
                            item.get("certificateNumber").asText(),
                            item.get("expirationDate").asText());
                    assertThat(previous).as("shown twice: " + item).isNull();
                }
                if (page + 1 >= answer.get("totalPages").asInt()) {
                    return shown;
                }
            }
        }

        private HttpResponse<String> send(HttpRequest request) {
            try {
                return http.send(request, HttpResponse.BodyHandlers.ofString());
            } catch (IOException | InterruptedException e) {
                throw new IllegalStateException(e);
            }
        }

        private static String basic(String user, String password) {
            return "Basic "
                    + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        }

        static int freePort() throws IOException {
            try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
                return socket.getLocalPort();
            }
        }
    }
}
