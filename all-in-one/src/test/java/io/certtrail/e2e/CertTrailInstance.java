package io.certtrail.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.util.GreenMail;
import io.certtrail.CertTrailAllInOne;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.awaitility.Awaitility;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The real all-in-one application, started as a user starts it (embedded H2 event store, MongoDB
 * wire server and SMTP server), on a given data directory and free ports, driven over real HTTP.
 */
final class CertTrailInstance implements AutoCloseable {

    static final String PASSWORD = "test-password";
    static final int HOLDERS = 16;
    static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern LINK = Pattern.compile("https?://\\S+/email-links/[A-Za-z0-9_-]+");

    final ConfigurableApplicationContext context;
    final String baseUrl;
    final GreenMail smtp;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private CertTrailInstance(ConfigurableApplicationContext context) {
        this.context = context;
        this.baseUrl = "http://127.0.0.1:" + context.getEnvironment().getProperty("local.server.port");
        this.smtp = context.getBean(GreenMail.class);
    }

    /** Generous limits, so stories that send many mails from one client are not throttled. */
    private static final Map<String, String> DEFAULTS = Map.of(
            "certtrail.rate-limits.mail-per-address.capacity", "1000",
            "certtrail.rate-limits.mail-per-address.period", "PT1H",
            "certtrail.rate-limits.mail-per-account.capacity", "1000",
            "certtrail.rate-limits.mail-per-account.period", "PT1H",
            "certtrail.rate-limits.mail-per-client.capacity", "1000",
            "certtrail.rate-limits.mail-per-client.period", "PT1H",
            "certtrail.rate-limits.link-attempts-per-client.capacity", "1000",
            "certtrail.rate-limits.link-attempts-per-client.period", "PT1M");

    static CertTrailInstance start(Path dataDir, Clock clock) {
        return start(dataDir, clock, Map.of());
    }

    static CertTrailInstance start(Path dataDir, Clock clock, Map<String, String> overrides) {
        return start(dataDir, clock, overrides, new Class<?>[0]);
    }

    /** With more beans of the test's own, such as a projection handler that fails on purpose. */
    static CertTrailInstance start(Path dataDir, Clock clock, Map<String, String> overrides, Class<?>... beans) {
        List<String> args =
                new ArrayList<>(List.of("--certtrail.embedded.data-dir=" + dataDir, "--spring.main.banner-mode=off"));
        Map<String, String> settings = new java.util.TreeMap<>(DEFAULTS);
        settings.put("server.port", "0");
        settings.put("certtrail.embedded.mongo-port", "0");
        settings.put("certtrail.embedded.smtp-port", "0");
        settings.putAll(overrides);
        settings.forEach((key, value) -> args.add("--" + key + "=" + value));
        int n = 0;
        for (int i = 0; i < HOLDERS; i++) {
            args.add("--certtrail.identity.users[" + n + "].first-name=Holder" + i);
            args.add("--certtrail.identity.users[" + n + "].last-name=Test");
            n = user(args, n, "holder" + i, "acct-h" + i, "HOLDER");
        }
        args.add("--certtrail.identity.users[" + n + "].third-party=true");
        n = user(args, n, "outsider", "acct-outsider", "HOLDER");
        n = user(args, n, "auditor", "auditor-1", "AUDITOR");
        args.add("--certtrail.identity.users[" + n + "].partner-company=partner-acme");
        args.add("--certtrail.identity.users[" + n + "].email=admin@acme.example.com");
        n = user(args, n, "partner", "acct-partner", "PARTNER_ADMIN");
        args.add("--certtrail.identity.users[" + n + "].partner-company=partner-globex");
        n = user(args, n, "partner2", "acct-partner2", "PARTNER_ADMIN");
        user(args, n, "operator", "operator-1", "OPERATOR");
        ConfigurableApplicationContext context = new SpringApplicationBuilder(CertTrailAllInOne.class)
                .sources(beans)
                .initializers(ctx -> ctx.getBeanFactory().registerSingleton("clock", clock))
                .run(args.toArray(String[]::new));
        return new CertTrailInstance(context);
    }

    private static int user(List<String> args, int index, String name, String accountId, String role) {
        String prefix = "--certtrail.identity.users[" + index + "].";
        args.add(prefix + "username=" + name);
        args.add(prefix + "password={noop}" + PASSWORD);
        args.add(prefix + "account-id=" + accountId);
        args.add(prefix + "roles=" + role);
        return index + 1;
    }

    record Response(int status, String contentType, String body, java.net.http.HttpHeaders headers) {
        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (Exception e) {
                throw new AssertionError("not JSON: " + body, e);
            }
        }
    }

    Response get(String path, String user) {
        return send(request(path, user).GET().header("Accept", "application/json"));
    }

    /** A GET whose Accept-Language asks for this language. */
    Response getIn(String language, String path, String user) {
        return send(
                request(path, user).GET().header("Accept", "application/json").header("Accept-Language", language));
    }

    /** A JSON POST (sent as is) whose Accept-Language asks for this language. */
    Response postIn(String language, String path, String user, String json) {
        return send(request(path, user)
                .header("Content-Type", "application/json")
                .header("Accept-Language", language)
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    Response getHtml(String url) {
        return send(HttpRequest.newBuilder(URI.create(url)).GET().header("Accept", "text/html"));
    }

    Response post(String path, String user, String contentType, String body) {
        return send(request(path, user)
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    /**
     * Posts JSON. Association and disassociation requests without a {@code verification} get one
     * solved here, as the portal's page would have the person do, so the stories stay about their
     * own subject; {@link #postAsIs} sends the body untouched.
     */
    Response post(String path, String user, String json) {
        return postAsIs(path, user, withVerification(path, user, json));
    }

    Response postAsIs(String path, String user, String json) {
        return send(request(path, user)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    private static final List<String> DIGITS =
            List.of("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine");

    /** Asks for a challenge and answers it: {"challengeId":…,"answer":…}. */
    JsonNode solvedChallenge(String user) {
        Response challenge =
                send(request("/api/me/verification-challenges", user).POST(HttpRequest.BodyPublishers.noBody()));
        if (challenge.status() != 200) {
            return null;
        }
        String[] words =
                challenge.json().get("question").asText().replace("?", "").split(" ");
        return JSON.createObjectNode()
                .put("challengeId", challenge.json().get("challengeId").asText())
                .put("answer", Integer.toString(DIGITS.indexOf(words[2]) + DIGITS.indexOf(words[4])));
    }

    private String withVerification(String path, String user, String json) {
        if (user == null
                || !(path.equals("/api/me/email-associations") || path.equals("/api/me/email-disassociations"))) {
            return json;
        }
        try {
            JsonNode body = JSON.readTree(json);
            if (!(body instanceof com.fasterxml.jackson.databind.node.ObjectNode object)) {
                return json;
            }
            if (path.equals("/api/me/email-associations") && !object.has("acceptPrivacyStatement")) {
                object.put("acceptPrivacyStatement", true); // as the portal's form sends it, box ticked
            }
            if (object.has("verification")) {
                return JSON.writeValueAsString(object);
            }
            JsonNode solved = solvedChallenge(user);
            if (solved == null) {
                return JSON.writeValueAsString(object);
            }
            object.set("verification", solved);
            return JSON.writeValueAsString(object);
        } catch (Exception notJson) {
            return json; // malformed on purpose: send it as it is
        }
    }

    /**
     * The holder associates the address the whole way: request, the activation mail through SMTP,
     * the link followed. Returns the account version to read with.
     */
    long associate(String user, String email) {
        int before = mailsTo(email).size();
        post("/api/me/email-associations", user, "{\"email\":\"" + email + "\"}");
        Response activated = followLink(linkIn(awaitMail(email, before + 1)));
        if (activated.status() != 200) {
            throw new AssertionError("activation of " + email + " failed: " + activated.body());
        }
        return activated.json().get("accountVersion").asLong();
    }

    /** Waits until every event processor of the instance is at the head of the event stream. */
    void awaitProjectionsAtHead() {
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> {
            for (JsonNode processor :
                    get("/api/operator/projections", "operator").json().get("processors")) {
                if (!processor.get("caughtUp").asBoolean()) {
                    return false;
                }
            }
            return true;
        });
    }

    /**
     * Every processor running at the head of the stream, after a replay or rebuild. (Axon keeps
     * calling a processor "replaying" until an event newer than the reset arrives, so that flag
     * cannot be waited for.)
     */
    void awaitReplayed() {
        Awaitility.await()
                .atMost(Duration.ofSeconds(120))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> {
                    for (JsonNode processor :
                            get("/api/operator/projections", "operator").json().get("processors")) {
                        if (!processor.get("caughtUp").asBoolean()
                                || !processor.get("running").asBoolean()) {
                            return false;
                        }
                    }
                    return true;
                });
    }

    /** The auditor's consistency check of each aggregate: its audit view holds exactly its stored events. */
    void assertConsistent(java.util.Collection<String> aggregates) {
        for (String aggregate : aggregates) {
            JsonNode check = get("/api/audit/aggregates/" + aggregate + "/consistency", "auditor")
                    .json();
            org.assertj.core.api.Assertions.assertThat(check.get("consistent").asBoolean())
                    .as(check.toString())
                    .isTrue();
        }
    }

    /** Follows an e-mail link as the API would: a POST asking for JSON. */
    Response followLink(String link) {
        return send(HttpRequest.newBuilder(URI.create(link))
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.noBody()));
    }

    private final Map<String, String> tokens = new java.util.concurrent.ConcurrentHashMap<>();

    /** The user's access token from the embedded identity provider, or null for an unknown user. */
    String tokenFor(String user) {
        return tokens.computeIfAbsent(user, name -> {
            Response response = send(HttpRequest.newBuilder(URI.create(baseUrl + "/dev/tokens"))
                    .header(
                            "Authorization",
                            "Basic "
                                    + Base64.getEncoder()
                                            .encodeToString((name + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8)))
                    .POST(HttpRequest.BodyPublishers.noBody()));
            return response.status() == 200
                    ? response.json().get("access_token").asText()
                    : "";
        });
    }

    /** A client's token by the client credentials grant, as an integration gets one. */
    String clientToken(String clientId, String secret) {
        return clientToken(clientId, secret, "records.write");
    }

    String clientToken(String clientId, String secret, String scope) {
        Response response = send(HttpRequest.newBuilder(URI.create(baseUrl + "/oauth2/token"))
                .header(
                        "Authorization",
                        "Basic "
                                + Base64.getEncoder()
                                        .encodeToString((clientId + ":" + secret).getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials&scope=" + scope)));
        return response.status() == 200 ? response.json().get("access_token").asText() : null;
    }

    Response getWithToken(String path, String token) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path))
                .header("Authorization", "Bearer " + token)
                .GET());
    }

    Response postWithToken(String path, String token, String json) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    Response put(String path, String user, String json) {
        return send(request(path, user)
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json)));
    }

    HttpResponse<byte[]> getBytes(String path, String user) {
        try {
            return http.send(request(path, user).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    HttpResponse<byte[]> getBytesWithToken(String path, String token) {
        try {
            return http.send(
                    HttpRequest.newBuilder(URI.create(baseUrl + path))
                            .timeout(Duration.ofSeconds(20))
                            .header("Authorization", "Bearer " + token)
                            .GET()
                            .build(),
                    HttpResponse.BodyHandlers.ofByteArray());
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    HttpRequest.Builder requestAs(String path, String user) {
        return request(path, user);
    }

    private HttpRequest.Builder request(String path, String user) {
        HttpRequest.Builder builder =
                HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(20));
        String token = user == null ? "" : tokenFor(user);
        if (!token.isEmpty()) {
            builder.header("Authorization", "Bearer " + token);
        }
        return builder;
    }

    Response send(HttpRequest.Builder builder) {
        try {
            HttpResponse<String> response = http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(
                    response.statusCode(),
                    response.headers().firstValue("Content-Type").orElse(""),
                    response.body(),
                    response.headers());
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    /** Mails received by exactly this address, in order of arrival. */
    List<MimeMessage> mailsTo(String address) {
        List<MimeMessage> mails = new ArrayList<>();
        try {
            for (MimeMessage message : smtp.getReceivedMessages()) {
                for (var recipient : message.getRecipients(Message.RecipientType.TO)) {
                    if (recipient.toString().equalsIgnoreCase(address)) {
                        mails.add(message);
                    }
                }
            }
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        return mails;
    }

    /** Waits for the n-th mail to the address and returns it. */
    MimeMessage awaitMail(String address, int n) {
        Awaitility.await()
                .atMost(Duration.ofSeconds(10))
                .until(() -> mailsTo(address).size() >= n);
        return mailsTo(address).get(n - 1);
    }

    static String text(MimeMessage mail) {
        try {
            return mail.getContent().toString();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    /** The link in a mail, read from the mail's text as the holder's mail program shows it. */
    static String linkIn(MimeMessage mail) {
        Matcher matcher = LINK.matcher(text(mail));
        if (!matcher.find()) {
            throw new AssertionError("no link in mail: " + text(mail));
        }
        return matcher.group();
    }

    @Override
    public void close() {
        context.close();
    }
}
