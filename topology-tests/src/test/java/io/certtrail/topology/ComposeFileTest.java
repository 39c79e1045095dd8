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
        assertThat(services).containsOnlyKeys("axonserver", "mongo", "mailpit", "identity", "command-side",
                "query-side", "gateway");
        assertThat(services.get("query-side")).extractingByKey("deploy").asString().contains("replicas=2");
    }

    @Test
    void everyImageIsPinnedToAVersion() throws IOException {
        services.forEach((name, service) -> {
            String image = (String) service.get("image");
            assertThat(image).as(name).matches(".+:[0-9v][0-9A-Za-z._-]*").doesNotEndWith(":latest");
        });
        assertThat(Files.readString(ROOT.resolve("Dockerfile")))
                .doesNotContainPattern("FROM [^ ]+:latest").containsPattern("FROM eclipse-temurin:17[0-9._]+");
    }

    @Test
    @SuppressWarnings("unchecked")
    void mongoRunsAsAReplicaSetAndTheServicesWriteWithMajority() {
        assertThat((List<String>) services.get("mongo").get("command")).contains("--replSet", "rs0");
        for (String service : List.of("command-side", "query-side")) {
            assertThat(environment(service).get("CERTTRAIL_MONGODB_URI"))
                    .startsWith("mongodb://mongo:27017/").contains("replicaSet=rs0").contains("w=majority");
            assertThat(environment(service).get("AXON_SERVERS")).isEqualTo("axonserver:8124");
        }
        assertThat(environment("command-side").get("CERTTRAIL_SMTP_HOST")).isEqualTo("mailpit");
    }

    @Test
    void theServicesAreBuiltFromThisRepository() {
        for (String service : List.of("identity", "command-side", "query-side")) {
            assertThat(services.get(service)).extractingByKey("build").asString().contains("context=.");
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
        assertThat(gateway).contains("server command-side:8080").contains("server query-side:8080")
                .contains("server identity:9000").containsPattern("GET\\s+query;").containsPattern("default\\s+command;")
                .contains("location /email-links/ { proxy_pass http://command; }");
        Matcher volume = Pattern.compile("\\./deploy/gateway\\.conf:").matcher(Files.readString(ROOT.resolve("docker-compose.yml")));
        assertThat(volume.find()).isTrue();
    }

    private static void assertReads(String configuration, Set<String> variables) {
        for (String variable : variables) {
            assertThat(configuration).as("a configuration file reads " + variable)
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
