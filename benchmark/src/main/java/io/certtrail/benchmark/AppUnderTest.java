package io.certtrail.benchmark;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The all-in-one jar, started as a process of its own on the embedded default, as a user starts it. */
final class AppUnderTest implements AutoCloseable {

    private final Process process;
    private final int port;
    private final Path log;
    private final Path work;
    private final int mongoPort;
    final long launchedAt = System.nanoTime();

    private AppUnderTest(Process process, int port, int mongoPort, Path log, Path work) {
        this.work = work;
        this.mongoPort = mongoPort;
        this.process = process;
        this.port = port;
        this.log = log;
    }

    static AppUnderTest start(Path jar, Path work, String heap, List<String> settings) throws IOException {
        int port = freePort();
        int mongoPort = freePort();
        Path log = work.resolve("app.log");
        List<String> command = new ArrayList<>(
                List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx" + heap));
        // BENCHMARK_APP_JVM_ARGS adds JVM options, e.g. a flight recording to profile a run:
        // -XX:StartFlightRecording=filename=app.jfr,settings=profile
        String extra = System.getenv("BENCHMARK_APP_JVM_ARGS");
        if (extra != null && !extra.isBlank()) {
            command.addAll(List.of(extra.trim().split("\\s+")));
        }
        command.addAll(List.of(
                "-jar",
                jar.toAbsolutePath().toString(),
                "--server.port=" + port,
                "--certtrail.identity.issuer=http://localhost:" + port,
                "--certtrail.embedded.data-dir=" + work.resolve("data").toAbsolutePath(),
                "--certtrail.embedded.mongo-port=" + mongoPort));
        command.addAll(settings);
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        return new AppUnderTest(process, port, mongoPort, log, work);
    }

    /** The read-model store's file, in MB (the wire server's, under the data directory). */
    double readModelStoreMegabytes() throws java.io.IOException {
        Path file = work.resolve("data").resolve(io.certtrail.embedded.DurableH2Backend.FILE);
        return java.nio.file.Files.exists(file) ? java.nio.file.Files.size(file) / 1024.0 / 1024.0 : Double.NaN;
    }

    /** The documents' size as the embedded wire server counts them (dbStats dataSize), in MB. */
    double liveDataMegabytes() {
        try (com.mongodb.client.MongoClient client =
                com.mongodb.client.MongoClients.create("mongodb://127.0.0.1:" + mongoPort)) {
            org.bson.Document stats = client.getDatabase("certtrail").runCommand(new org.bson.Document("dbStats", 1));
            return ((Number) stats.get("dataSize")).doubleValue() / 1024 / 1024;
        }
    }

    String baseUrl() {
        return "http://localhost:" + port;
    }

    long pid() {
        return process.pid();
    }

    Duration sinceLaunch() {
        return Duration.ofNanos(System.nanoTime() - launchedAt);
    }

    void awaitHealthy(Duration timeout) throws InterruptedException {
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("The application exited; see " + log);
            }
            try {
                HttpResponse<String> health = http.send(
                        HttpRequest.newBuilder(URI.create(baseUrl() + "/actuator/health"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                if (health.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("The application did not become healthy in " + timeout + "; see " + log);
    }

    /** Heap in use now and after a full collection (what stays live), in MB, through jcmd. */
    long[] heapMegabytes() throws IOException, InterruptedException {
        long before = usedHeap();
        jcmd("GC.run");
        return new long[] {before, usedHeap()};
    }

    /** CPU seconds the application process has used so far (user + system), from /proc. */
    double cpuSeconds() throws IOException {
        return cpuSecondsOf(pid());
    }

    /** CPU seconds a process has used so far (user + system), from /proc. */
    static double cpuSecondsOf(long pid) throws IOException {
        String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / 100.0; // clock ticks, USER_HZ = 100
    }

    long rssMegabytes() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid()), "status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024;
            }
        }
        return -1;
    }

    private long usedHeap() throws IOException, InterruptedException {
        // G1: "garbage-first heap total 524288K, used 123456K"; Serial: one "used" per generation
        Matcher used = Pattern.compile("(heap|generation)\\s+total \\d+K, used (\\d+)K")
                .matcher(jcmd("GC.heap_info"));
        long kilobytes = 0;
        while (used.find()) {
            kilobytes += Long.parseLong(used.group(2));
        }
        return kilobytes / 1024;
    }

    private String jcmd(String what) throws IOException, InterruptedException {
        Process jcmd = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(), Long.toString(pid()), what)
                .redirectErrorStream(true)
                .start();
        String out = new String(jcmd.getInputStream().readAllBytes());
        jcmd.waitFor(30, TimeUnit.SECONDS);
        return out;
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** A graceful stop: the embedded servers flush and close their files. */
    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
