package io.certtrail.topology;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import io.certtrail.command.CommandSideApplication;
import io.certtrail.platform.axon.ProcessingGroups;
import io.certtrail.query.QuerySideApplication;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import org.awaitility.Awaitility;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The production topology in one JVM: the demo identity provider, the command side and query
 * sides as separate Spring Boot applications in their production shape (their own configuration
 * files, pooled segmented processors, segment balancing, the management port), the identity
 * provider's jar in its own JVM, and the stand-ins
 * that can run here in place of Axon Server (the JDBC event store on one H2 file, shared as a
 * database server would be) and MongoDB (the wire server). They talk to each other only through
 * those servers and HTTP, as separate machines would.
 */
final class Topology implements AutoCloseable {

    static final ObjectMapper JSON = new ObjectMapper();

    final MongoServer mongo;
    final GreenMail smtp;
    final Process identity;
    final String issuer;
    final String eventStoreUrl;
    final int commandPort;
    ConfigurableApplicationContext command;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    Topology(Path dataDir) {
        mongo = new MongoServer(new MemoryBackend());
        mongo.bind("127.0.0.1", 0);
        smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
        smtp.start();
        int identityPort = freePort();
        issuer = "http://127.0.0.1:" + identityPort;
        identity = startIdentityProvider(dataDir, identityPort, issuer);
        eventStoreUrl = "jdbc:h2:file:" + dataDir.resolve("eventstore").toAbsolutePath()
                + ";DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0";
        commandPort = freePort();
    }

    /** The demo identity provider's runnable jar in its own JVM, as docker compose runs it. */
    private static Process startIdentityProvider(Path dataDir, int port, String issuer) {
        String jar = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(entry -> entry.contains("demo-identity") && entry.endsWith("-exec.jar"))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("demo-identity's exec jar is not on the test class path"));
        try {
            Process process = new ProcessBuilder(
                            Path.of(System.getProperty("java.home"), "bin", "java")
                                    .toString(),
                            "-Xmx256m",
                            "-jar",
                            jar,
                            "--server.port=" + port,
                            "--server.address=127.0.0.1",
                            "--certtrail.identity.issuer=" + issuer,
                            "--spring.main.banner-mode=off")
                    .redirectErrorStream(true)
                    .redirectOutput(dataDir.resolve("identity.log").toFile())
                    .start();
            HttpClient client = HttpClient.newHttpClient();
            Awaitility.await()
                    .atMost(Duration.ofSeconds(90))
                    .pollInterval(Duration.ofMillis(250))
                    .until(() -> {
                        if (!process.isAlive()) {
                            String log = java.nio.file.Files.readString(dataDir.resolve("identity.log"));
                            throw new IllegalStateException("the identity provider exited:\n"
                                    + log.substring(Math.max(0, log.length() - 4000)));
                        }
                        try {
                            return client.send(
                                                    HttpRequest.newBuilder(URI.create(issuer + "/oauth2/jwks"))
                                                            .build(),
                                                    HttpResponse.BodyHandlers.discarding())
                                            .statusCode()
                                    == 200;
                        } catch (IOException notYet) {
                            return false;
                        }
                    });
            return process;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What an operator would put in the environment of every service instance. */
    private List<String> serviceSettings(int port) {
        return new ArrayList<>(List.of(
                "--server.port=" + port,
                "--management.server.port=0",
                "--spring.main.banner-mode=off",
                "--spring.datasource.url=" + eventStoreUrl,
                "--spring.mongodb.uri=mongodb://127.0.0.1:"
                        + mongo.getLocalAddress().getPort() + "/certtrail",
                "--spring.security.oauth2.resourceserver.jwt.issuer-uri=" + issuer,
                "--spring.security.oauth2.resourceserver.jwt.jwk-set-uri=" + issuer + "/oauth2/jwks",
                "--certtrail.address-key-secret=topology-test-secret-0123456789",
                "--certtrail.links.public-base-url=http://127.0.0.1:" + commandPort,
                "--certtrail.processing.balance.interval=PT0.3S",
                "--logging.level.root=WARN",
                "--logging.level.io.certtrail.access=INFO"));
    }

    ConfigurableApplicationContext startCommandSide() {
        List<String> args = serviceSettings(commandPort);
        args.add("--spring.mail.host=127.0.0.1");
        args.add("--spring.mail.port=" + smtp.getSmtp().getPort());
        args.add("--certtrail.verification.secret=topology-test-verification-secret");
        command = CommandSideApplication.builder().profiles("jdbc").run(args.toArray(String[]::new));
        return command;
    }

    /** A query-side instance: every projection in four segments, shared with the other instances. */
    ConfigurableApplicationContext startQuerySide(String instanceId) {
        List<String> args = serviceSettings(0);
        args.add("--certtrail.processing.instance-id=" + instanceId);
        args.add("--certtrail.processing.segments=4");
        args.add("--certtrail.processing.threads=2");
        for (String processor : ProcessingGroups.PROJECTIONS) {
            // claims are looked for every half second instead of every five: the test need not wait
            args.add("--axon.eventhandling.processors." + processor + ".token-claim-interval=500");
        }
        return QuerySideApplication.builder().profiles("jdbc").run(args.toArray(String[]::new));
    }

    static String url(ConfigurableApplicationContext app, String path) {
        return "http://127.0.0.1:" + app.getEnvironment().getProperty("local.server.port") + path;
    }

    static String managementUrl(ConfigurableApplicationContext app, String path) {
        return "http://127.0.0.1:" + app.getEnvironment().getProperty("local.management.port") + path;
    }

    record Response(int status, String body) {
        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("not JSON: " + body, e);
            }
        }
    }

    Response send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    Response get(String url, String token) {
        return get(url, token, "application/json");
    }

    Response get(String url, String token, String accept) {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(URI.create(url)).header("Accept", accept).GET();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return send(request);
    }

    Response post(String url, String token, String contentType, String body) {
        return send(HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", contentType)
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    /** A demo user's token from the identity provider, as the portal would get one. */
    String userToken(String user, String password) {
        Response response = send(HttpRequest.newBuilder(URI.create(issuer + "/dev/tokens"))
                .header("Authorization", basic(user, password))
                .POST(HttpRequest.BodyPublishers.noBody()));
        if (response.status() != 200) {
            throw new AssertionError("no token for " + user + ": " + response);
        }
        return response.json().get("access_token").asText();
    }

    /** An integration's token by the client credentials grant. */
    String clientToken(String client, String secret, String scope) {
        Response response = send(HttpRequest.newBuilder(URI.create(issuer + "/oauth2/token"))
                .header("Authorization", basic(client, secret))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials&scope=" + scope)));
        if (response.status() != 200) {
            throw new AssertionError("no token for " + client + ": " + response);
        }
        return response.json().get("access_token").asText();
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        if (command != null) {
            command.close();
        }
        identity.destroy();
        try {
            identity.waitFor(20, java.util.concurrent.TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        smtp.stop();
        mongo.shutdown();
    }
}
