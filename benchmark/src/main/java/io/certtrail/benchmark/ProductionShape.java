package io.certtrail.benchmark;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import io.certtrail.platform.axon.ProcessingGroups;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.h2.tools.Server;

/**
 * The production shape on stand-ins whose per-operation cost is small: two query sides, each its
 * own process from its own jar (as docker compose runs them), sharing every processor's segments;
 * the JDBC event store served by an H2 TCP server in place of Axon Server, the wire server's memory
 * backend in place of MongoDB, the demo identity provider for the operator's token. The stand-ins run
 * in the benchmark's process, so the query sides' own CPU is CertTrail's cost alone.
 */
final class ProductionShape implements AutoCloseable {

    static final int QUERY_SIDES = 2;
    /** Each processor's segments, shared by the query sides: one each. */
    static final int SEGMENTS = QUERY_SIDES;

    private static final List<String> PROJECTIONS = ProcessingGroups.PROJECTIONS;

    private final Path work;
    private final Path root;
    private final Server eventStore;
    private final MongoServer mongo;
    private final List<Process> processes = new ArrayList<>();
    private final List<Integer> ports = new ArrayList<>();
    private String issuer;
    long launchedAt;
    private double cpuAtStart;

    private ProductionShape(Path work, Path root, Server eventStore, MongoServer mongo) {
        this.work = work;
        this.root = root;
        this.eventStore = eventStore;
        this.mongo = mongo;
    }

    /**
     * Stand-ins over a copy of the seeded event store, taken before the embedded run wrote to it.
     *
     * @param root the project's directory, whose modules' {@code target} hold the runnable jars
     */
    static ProductionShape prepare(Path work, Path root, Path seededEventStore) throws IOException, SQLException {
        Path data = Files.createDirectories(work.resolve("production"));
        Files.copy(seededEventStore, data.resolve(seededEventStore.getFileName()));
        Server eventStore = Server.createTcpServer(
                        "-tcpPort", "0", "-baseDir", data.toAbsolutePath().toString(), "-ifExists")
                .start();
        MongoServer mongo = new MongoServer(new MemoryBackend());
        mongo.bind("127.0.0.1", 0);
        return new ProductionShape(work, root, eventStore, mongo);
    }

    /** The identity provider, then the query sides (their launch is where the rebuild's time starts). */
    void start(String addressKeySecret) throws IOException, InterruptedException {
        int identityPort = AppUnderTest.freePort();
        issuer = "http://127.0.0.1:" + identityPort;
        processes.add(launch(
                jar("demo-identity"),
                "identity",
                "256m",
                List.of(
                        "--server.port=" + identityPort,
                        "--server.address=127.0.0.1",
                        "--certtrail.identity.issuer=" + issuer,
                        "--spring.main.banner-mode=off"),
                null));
        awaitOk(issuer + "/oauth2/jwks", processes.get(0), Duration.ofMinutes(2));
        launchedAt = System.nanoTime();
        for (int instance = 0; instance < QUERY_SIDES; instance++) {
            int port = AppUnderTest.freePort();
            ports.add(port);
            List<String> settings = new ArrayList<>(List.of(
                    "--spring.profiles.active=jdbc",
                    "--server.port=" + port,
                    "--server.address=127.0.0.1",
                    "--management.server.port=0",
                    "--spring.main.banner-mode=off",
                    "--spring.datasource.url=jdbc:h2:tcp://127.0.0.1:" + eventStore.getPort() + "/eventstore",
                    "--spring.mongodb.uri=mongodb://127.0.0.1:"
                            + mongo.getLocalAddress().getPort() + "/certtrail",
                    "--spring.security.oauth2.resourceserver.jwt.issuer-uri=" + issuer,
                    "--spring.security.oauth2.resourceserver.jwt.jwk-set-uri=" + issuer + "/oauth2/jwks",
                    "--certtrail.address-key-secret=" + addressKeySecret,
                    "--certtrail.processing.instance-id=query-" + instance,
                    "--certtrail.processing.segments=" + SEGMENTS,
                    "--certtrail.processing.threads=1",
                    "--certtrail.processing.balance.interval=PT0.5S",
                    "--logging.level.root=WARN"));
            for (String processor : PROJECTIONS) {
                // the second instance claims its segments within a second, not five
                settings.add("--axon.eventhandling.processors." + processor + ".token-claim-interval=500");
            }
            String options = System.getenv("BENCHMARK_QUERY_JVM_ARGS");
            processes.add(launch(
                    jar("query-side"),
                    "query-" + instance,
                    "512m",
                    settings,
                    options == null ? null : options.replace("{instance}", Integer.toString(instance))));
        }
        for (int instance = 0; instance < QUERY_SIDES; instance++) {
            awaitOk(
                    baseUrl(instance) + "/api/public/certificates/0",
                    processes.get(1 + instance),
                    Duration.ofMinutes(3));
        }
        cpuAtStart = queryCpuSeconds();
    }

    /** CPU seconds of the query sides since both answered requests: their start-up is not the rebuild's cost. */
    double queryCpuSinceStarted() throws IOException {
        return queryCpuSeconds() - cpuAtStart;
    }

    String issuer() {
        return issuer;
    }

    String baseUrl(int instance) {
        return "http://127.0.0.1:" + ports.get(instance);
    }

    Duration sinceLaunch() {
        return Duration.ofNanos(System.nanoTime() - launchedAt);
    }

    /** CPU seconds the query sides have used so far (user + system), from /proc. */
    private double queryCpuSeconds() throws IOException {
        double seconds = 0;
        for (Process process : processes.subList(1, processes.size())) {
            seconds += AppUnderTest.cpuSecondsOf(process.pid());
        }
        return seconds;
    }

    /** @param jvmOptions more options, or null (e.g. a flight recording per process: filename=query-{instance}.jfr) */
    private Process launch(Path jar, String name, String heap, List<String> settings, String jvmOptions)
            throws IOException {
        List<String> command = new ArrayList<>(
                List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx" + heap));
        if (jvmOptions != null && !jvmOptions.isBlank()) {
            command.addAll(List.of(jvmOptions.trim().split("\\s+")));
        }
        command.addAll(List.of("-jar", jar.toAbsolutePath().toString()));
        command.addAll(settings);
        return new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(work.resolve(name + ".log").toFile())
                .start();
    }

    /** The module's runnable jar, as the benchmark's build leaves it. */
    private Path jar(String module) throws IOException {
        try (Stream<Path> files = Files.list(root.resolve(module).resolve("target"))) {
            return files.filter(file -> file.getFileName().toString().endsWith("-exec.jar"))
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException("no runnable jar in " + module + "/target"));
        }
    }

    /** Any answer but a refused connection or a 5xx: the process serves requests. */
    private void awaitOk(String url, Process process, Duration timeout) throws InterruptedException {
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("A process of the production shape exited; see its log in " + work);
            }
            try {
                int status = http.send(
                                HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.discarding())
                        .statusCode();
                if (status < 500) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException(url + " did not answer within " + timeout + "; see the logs in " + work);
    }

    @Override
    public void close() throws InterruptedException {
        for (Process process : processes) {
            process.destroy();
        }
        for (Process process : processes) {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
        mongo.shutdownNow();
        eventStore.stop();
    }
}
