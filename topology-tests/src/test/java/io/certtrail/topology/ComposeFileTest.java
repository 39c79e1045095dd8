package io.certtrail.topology;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * docker-compose.yml cannot be run here (no engine), so it is read and checked: the services the
 * topology needs, pinned images, MongoDB as a replica set with majority writes, and every setting
 * the services are given is one their configuration files actually read. {@code .ci/run} also has
 * Debian's docker-compose parse it.
 */
class ComposeFileTest {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static Map<String, Map<String, Object>> services;

    @BeforeAll
    @SuppressWarnings("unchecked")
    static void read() throws IOException {
        Map<String, Object> compose = new Yaml().load(Files.readString(ROOT.resolve("docker-compose.yml")));
        services = (Map<String, Map<String, Object>>) compose.get("services");
    }

    @Test
    void hasEveryPartOfTheTopology() {
        assertThat(services)
                .containsOnlyKeys(
                        "axonserver", "mongo", "mailpit", "identity", "command-side", "query-side", "gateway");
        assertThat(services.get("query-side"))
                .extractingByKey("deploy")
                .asString()
                .contains("replicas=2");
    }

    @Test
    void everyImageIsPinnedToAVersion() throws IOException {
        services.forEach((name, service) -> {
            String image = (String) service.get("image");
            assertThat(image).as(name).matches(".+:[0-9v][0-9A-Za-z._-]*").doesNotEndWith(":latest");
        });
        assertThat(Files.readString(ROOT.resolve("Dockerfile")))
                .doesNotContainPattern("FROM [^ ]+:latest")
                .containsPattern("FROM eclipse-temurin:17[0-9._]+");
    }

    @Test
    @SuppressWarnings("unchecked")
    void mongoRunsAsAReplicaSetAndTheServicesWriteWithMajority() {
        assertThat((List<String>) services.get("mongo").get("command")).contains("--replSet", "rs0");
        for (String service : List.of("command-side", "query-side")) {
            assertThat(environment(service).get("CERTTRAIL_MONGODB_URI"))
                    .startsWith("mongodb://mongo:27017/")
                    .contains("replicaSet=rs0")
                    .contains("w=majority");
            assertThat(environment(service).get("AXON_SERVERS")).isEqualTo("axonserver:8124");
        }
        assertThat(environment("command-side").get("CERTTRAIL_SMTP_HOST")).isEqualTo("mailpit");
    }

    @Test
    void theServicesAreBuiltFromThisRepository() {
        for (String service : List.of("identity", "command-side", "query-side")) {
            assertThat(services.get(service))
                    .extractingByKey("build")
                    .asString()
                    .contains("context=.");
        }
    }

    /** A misspelt variable would be ignored silently at run time: each must be read by a configuration file. */
    @Test
    void everyVariableGivenToAServiceIsReadByItsConfiguration() throws IOException {
        String commandConfig = config("platform/src/main/resources/certtrail-service.yml")
                + config("command-side/src/main/resources/command-side.yml");
        String queryConfig = config("platform/src/main/resources/certtrail-service.yml")
                + config("query-side/src/main/resources/query-side.yml");
        String identityConfig = config("demo-identity/src/main/resources/demo-identity.yml");
        assertReads(commandConfig, environment("command-side").keySet());
        assertReads(queryConfig, environment("query-side").keySet());
        assertReads(identityConfig, environment("identity").keySet());
    }

    @Test
    void theGatewaySendsReadsToTheQuerySideAndEverythingElseToTheCommandSide() throws IOException {
        String gateway = Files.readString(ROOT.resolve("deploy/gateway.conf"));
        assertThat(gateway)
                .contains("server command-side:8080")
                .contains("server query-side:8080")
                .contains("server identity:9000")
                .containsPattern("GET\\s+query;")
                .containsPattern("default\\s+command;")
                .contains("location /email-links/ { proxy_pass http://command; }");
        Matcher volume = Pattern.compile("\\./deploy/gateway\\.conf:")
                .matcher(Files.readString(ROOT.resolve("docker-compose.yml")));
        assertThat(volume.find()).isTrue();
    }

    /**
     * Each HTTP health check runs, as docker would run it, against a stand-in that answers as Spring
     * Boot's health endpoint does: healthy only for the whole UP, whatever its components say.
     */
    @Test
    @SuppressWarnings("unchecked")
    void everyHealthCheckReadsTheTopLevelStatus() throws Exception {
        Map<String, Object> anchors = new Yaml().load(Files.readString(ROOT.resolve("docker-compose.yml")));
        Map<String, List<String>> checks = new java.util.TreeMap<>();
        checks.put("services", (List<String>) ((Map<String, Object>) anchors.get("x-service-healthcheck")).get("test"));
        checks.put("axonserver", (List<String>)
                ((Map<String, Object>) services.get("axonserver").get("healthcheck")).get("test"));
        for (String service : List.of("command-side", "query-side")) {
            assertThat(((Map<String, Object>) services.get(service).get("healthcheck")).get("test"))
                    .isEqualTo(checks.get("services"));
        }
        String componentUpWholeDown = "{\"components\":{\"eventStore\":{\"status\":\"DOWN\"},"
                + "\"mongo\":{\"status\":\"UP\"},\"readinessState\":{\"status\":\"UP\"}},\"status\":\"DOWN\"}";
        String statusFirstWholeDown = "{\"status\":\"DOWN\",\"components\":{\"mongo\":{\"status\":\"UP\"}}}";
        String up = "{\"components\":{\"eventStore\":{\"status\":\"UP\"},\"mongo\":{\"status\":\"UP\"}},"
                + "\"status\":\"UP\"}";
        String statusFirstUp = "{\"status\":\"UP\",\"components\":{\"mongo\":{\"status\":\"UP\"}}}";
        checks.forEach((name, check) -> {
            assertThat(check.subList(0, 3)).as(name).containsExactly("CMD", "bash", "-c");
            assertThat(healthy(check.get(3), 503, componentUpWholeDown))
                    .as(name + ": whole DOWN, a component UP")
                    .isFalse();
            assertThat(healthy(check.get(3), 503, statusFirstWholeDown))
                    .as(name + ": whole DOWN first")
                    .isFalse();
            // a body that says DOWN is not healthy even if a proxy in between changed the status code
            assertThat(healthy(check.get(3), 200, componentUpWholeDown))
                    .as(name + ": DOWN with 200")
                    .isFalse();
            assertThat(healthy(check.get(3), 200, up)).as(name + ": UP").isTrue();
            assertThat(healthy(check.get(3), 200, statusFirstUp))
                    .as(name + ": UP first")
                    .isTrue();
        });
    }

    @Test
    @SuppressWarnings("unchecked")
    void mongoIsHealthyOnlyOnceItHasAPrimary() {
        List<String> check =
                (List<String>) ((Map<String, Object>) services.get("mongo").get("healthcheck")).get("test");
        // mongosh exits 0 whatever an expression evaluates to: only quit(1) makes the check fail
        assertThat(String.join(" ", check))
                .contains("rs.initiate(")
                .contains("db.hello().isWritablePrimary")
                .contains("quit(1)");
    }

    /** Runs a compose health check command against a local stand-in answering with the given status and body. */
    private static boolean healthy(String composeScript, int status, String body) {
        com.sun.net.httpserver.HttpServer server;
        try {
            server = com.sun.net.httpserver.HttpServer.create(
                    new java.net.InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        server.createContext("/", exchange -> {
            byte[] bytes = body.getBytes(java.nio.charset.StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/vnd.spring-boot.actuator.v3+json");
            exchange.sendResponseHeaders(status, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        server.start();
        try {
            // what docker does: compose's $$ is a $, and the port is the stand-in's
            String script = composeScript
                    .replace("$$", "$")
                    .replaceAll(
                            "/dev/tcp/127\\.0\\.0\\.1/[0-9]+",
                            "/dev/tcp/127.0.0.1/" + server.getAddress().getPort());
            Process process = new ProcessBuilder("bash", "-c", script)
                    .redirectErrorStream(true)
                    .start();
            if (!process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("the health check did not finish: " + script);
            }
            return process.exitValue() == 0;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        } finally {
            server.stop(0);
        }
    }

    private static void assertReads(String configuration, Set<String> variables) {
        for (String variable : variables) {
            assertThat(configuration)
                    .as("a configuration file reads " + variable)
                    .containsPattern(Pattern.quote("${" + variable) + "[:}]");
        }
    }

    private static String config(String path) throws IOException {
        return Files.readString(ROOT.resolve(path));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> environment(String service) {
        return (Map<String, String>) services.get(service).get("environment");
    }
}
