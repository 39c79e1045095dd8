package io.certtrail.mode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.certtrail.CertTrailAllInOne;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The all-in-one jar's two modes, started for real: production mode refuses to start without what
 * it needs, and once started has none of the demo's parts; the demo refuses to listen beyond
 * loopback.
 */
class RunModesTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    Path dataDir;

    private Map<String, String> production(int smtpPort) {
        Map<String, String> settings = new TreeMap<>();
        settings.put("certtrail.mode", "production");
        settings.put("certtrail.embedded.data-dir", dataDir.toString());
        settings.put("certtrail.embedded.mongo-port", "0");
        settings.put("server.port", "0");
        settings.put("CERTTRAIL_MANAGEMENT_PORT", "0");
        settings.put("spring.main.banner-mode", "off");
        settings.put("CERTTRAIL_ISSUER", "https://id.example.test/realms/certtrail");
        settings.put("CERTTRAIL_SMTP_HOST", "127.0.0.1");
        settings.put("CERTTRAIL_SMTP_PORT", String.valueOf(smtpPort));
        settings.put("CERTTRAIL_SMTP_STARTTLS", "false");
        settings.put("CERTTRAIL_MAIL_FROM", "certificates@example.test");
        settings.put("CERTTRAIL_PUBLIC_BASE_URL", "https://certificates.example.test");
        settings.put("CERTTRAIL_ADDRESS_KEY_SECRET", "test-address-key-secret-0123456789abcdef");
        settings.put("CERTTRAIL_SIGNING_PASSWORD", "test-signing-password-0123456789abcdef");
        return settings;
    }

    private static ConfigurableApplicationContext start(Map<String, String> settings) {
        List<String> args = new ArrayList<>();
        settings.forEach((key, value) -> args.add("--" + key + "=" + value));
        return new SpringApplicationBuilder(CertTrailAllInOne.class).run(args.toArray(String[]::new));
    }

    @Test
    void productionWithoutAnIssuerRefusesToStartAndSaysSo() {
        Map<String, String> settings = production(2525);
        settings.remove("CERTTRAIL_ISSUER");
        assertThatThrownBy(() -> start(settings))
                .isInstanceOf(ModeRefused.class)
                .hasMessage(
                        "Production mode cannot start: CERTTRAIL_ISSUER (the OpenID Connect issuer whose tokens to accept)"
                                + " is missing.");
    }

    @Test
    void productionWithoutSmtpRefusesToStart() {
        Map<String, String> settings = production(2525);
        settings.remove("CERTTRAIL_SMTP_HOST");
        assertThatThrownBy(() -> start(settings))
                .isInstanceOf(ModeRefused.class)
                .hasMessage(
                        "Production mode cannot start: CERTTRAIL_SMTP_HOST (the SMTP relay mail goes through) is missing.");
    }

    @Test
    void productionWithADemoSecretRefusesToStart() {
        Map<String, String> settings = production(2525);
        settings.put("CERTTRAIL_ADDRESS_KEY_SECRET", "embedded-demo-secret-change-me-please");
        assertThatThrownBy(() -> start(settings))
                .isInstanceOf(ModeRefused.class)
                .hasMessageContaining("CERTTRAIL_ADDRESS_KEY_SECRET")
                .hasMessageContaining("is the demo's, published in the repository");
    }

    @Test
    void theDemoOnANonLoopbackAddressRefusesToStart() {
        assertThatThrownBy(() -> start(Map.of(
                        "certtrail.embedded.data-dir", dataDir.toString(),
                        "server.address", "0.0.0.0",
                        "server.port", "0")))
                .isInstanceOf(ModeRefused.class)
                .hasMessageContaining("The demo listens on loopback only, and server.address is 0.0.0.0");
    }

    @Test
    void productionHasNoDemoUsersNoDevEndpointsAndNoEmbeddedIssuer() throws Exception {
        GreenMail relay = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
        relay.start();
        try (ConfigurableApplicationContext app =
                start(production(relay.getSmtp().getPort()))) {
            String base = "http://127.0.0.1:" + app.getEnvironment().getProperty("local.server.port");
            assertThat(app.getBeanNamesForType(GreenMail.class)).isEmpty(); // no stand-in mail server
            // health and metrics on the management port only (loopback), with the outside relay's health
            String management = "http://127.0.0.1:" + app.getEnvironment().getProperty("local.management.port");
            HttpResponse<String> health = send(HttpRequest.newBuilder(URI.create(management + "/actuator/health")));
            assertThat(health.statusCode()).as(health.body()).isEqualTo(200);
            assertThat(send(HttpRequest.newBuilder(URI.create(management + "/actuator/prometheus")))
                            .body())
                    .contains("certtrail_processor_lag_events");

            String demoUser = "Basic " + Base64.getEncoder().encodeToString("alice:alice-demo".getBytes());
            String demoClient =
                    "Basic " + Base64.getEncoder().encodeToString("exam-centre:exam-centre-demo".getBytes());
            List<HttpRequest.Builder> demoParts = List.of(
                    HttpRequest.newBuilder(URI.create(base + "/dev/tokens"))
                            .header("Authorization", demoUser)
                            .POST(HttpRequest.BodyPublishers.noBody()),
                    HttpRequest.newBuilder(URI.create(base + "/dev/mails")),
                    HttpRequest.newBuilder(URI.create(base + "/dev/mails")).header("Accept", "text/html"),
                    HttpRequest.newBuilder(URI.create(base + "/login")).header("Accept", "text/html"),
                    HttpRequest.newBuilder(URI.create(base + "/login"))
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .POST(HttpRequest.BodyPublishers.ofString("username=alice&password=alice-demo")),
                    HttpRequest.newBuilder(URI.create(base + "/oauth2/token"))
                            .header("Authorization", demoClient)
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials")),
                    HttpRequest.newBuilder(
                            URI.create(base + "/oauth2/authorize?response_type=code&client_id=certtrail-portal")),
                    HttpRequest.newBuilder(URI.create(base + "/oauth2/jwks")),
                    HttpRequest.newBuilder(URI.create(base + "/.well-known/openid-configuration")),
                    HttpRequest.newBuilder(URI.create(base + "/userinfo")).header("Authorization", demoUser));
            for (HttpRequest.Builder request : demoParts) {
                HttpResponse<String> response = send(request);
                assertThat(response.statusCode())
                        .as(request.build().method() + " " + request.build().uri() + ": " + response.body())
                        .isEqualTo(404);
            }
            // the API asks for a token of the outside issuer, and takes no demo credentials instead
            HttpResponse<String> api = send(HttpRequest.newBuilder(URI.create(base + "/api/me/certificates"))
                    .header("Authorization", demoUser));
            assertThat(api.statusCode()).isEqualTo(401);
        } finally {
            relay.stop();
        }
    }

    /**
     * A holder with a token of the outside issuer (served here over HTTP: discovery document and
     * keys) associates an address; the activation mail goes through the outside relay and links to
     * the public address. A token signed by another key is refused.
     */
    @Test
    void productionTakesTheOutsideIssuersTokensAndMailsThroughTheRelay() throws Exception {
        GreenMail relay = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
        relay.start();
        OutsideIssuer issuer = OutsideIssuer.start();
        Map<String, String> settings = production(relay.getSmtp().getPort());
        settings.put("CERTTRAIL_ISSUER", issuer.url());
        try (ConfigurableApplicationContext app = start(settings)) {
            String base = "http://127.0.0.1:" + app.getEnvironment().getProperty("local.server.port");
            String token = issuer.token("acct-prod-1", "HOLDER");

            HttpResponse<String> forged = send(HttpRequest.newBuilder(URI.create(base + "/api/me/email-addresses"))
                    .header("Authorization", "Bearer " + issuer.forged("acct-prod-1", "HOLDER")));
            assertThat(forged.statusCode()).isEqualTo(401);

            HttpResponse<String> challenge =
                    send(HttpRequest.newBuilder(URI.create(base + "/api/me/verification-challenges"))
                            .header("Authorization", "Bearer " + token)
                            .POST(HttpRequest.BodyPublishers.noBody()));
            assertThat(challenge.statusCode()).as(challenge.body()).isEqualTo(200);
            var question = JSON.readTree(challenge.body());
            String[] words = question.get("question").asText().replace("?", "").split(" ");
            List<String> digits =
                    List.of("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine");
            String body = "{\"email\":\"prod.holder@example.test\",\"acceptPrivacyStatement\":true,"
                    + "\"verification\":{\"challengeId\":\""
                    + question.get("challengeId").asText()
                    + "\",\"answer\":\"" + (digits.indexOf(words[2]) + digits.indexOf(words[4])) + "\"}}";
            HttpResponse<String> associated =
                    send(HttpRequest.newBuilder(URI.create(base + "/api/me/email-associations"))
                            .header("Authorization", "Bearer " + token)
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(body)));
            assertThat(associated.statusCode()).as(associated.body()).isEqualTo(202);

            assertThat(relay.waitForIncomingEmail(20_000, 1)).isTrue();
            var mail = relay.getReceivedMessages()[0];
            assertThat(mail.getAllRecipients()[0].toString()).isEqualTo("prod.holder@example.test");
            assertThat(mail.getFrom()[0].toString()).isEqualTo("certificates@example.test");
            assertThat(com.icegreen.greenmail.util.GreenMailUtil.getBody(mail))
                    .contains("https://certificates.example.test/email-links/");
        } finally {
            issuer.stop();
            relay.stop();
        }
    }

    private static final com.fasterxml.jackson.databind.ObjectMapper JSON =
            new com.fasterxml.jackson.databind.ObjectMapper();

    /** An OpenID Connect issuer of the test's own: a discovery document, its keys, and tokens it signs. */
    private record OutsideIssuer(com.sun.net.httpserver.HttpServer server, com.nimbusds.jose.jwk.RSAKey key) {

        static OutsideIssuer start() throws Exception {
            com.nimbusds.jose.jwk.RSAKey key = new com.nimbusds.jose.jwk.gen.RSAKeyGenerator(2048)
                    .keyID(java.util.UUID.randomUUID().toString())
                    .generate();
            com.sun.net.httpserver.HttpServer server =
                    com.sun.net.httpserver.HttpServer.create(new java.net.InetSocketAddress("127.0.0.1", 0), 0);
            OutsideIssuer issuer = new OutsideIssuer(server, key);
            server.createContext(
                    "/.well-known/openid-configuration",
                    exchange -> reply(
                            exchange,
                            "{\"issuer\":\""
                                    + issuer.url() + "\",\"jwks_uri\":\"" + issuer.url()
                                    + "/keys\",\"subject_types_supported\":"
                                    + "[\"public\"],\"id_token_signing_alg_values_supported\":[\"RS256\"],"
                                    + "\"response_types_supported\":[\"code\"],\"authorization_endpoint\":\""
                                    + issuer.url()
                                    + "/authorize\",\"token_endpoint\":\"" + issuer.url() + "/token\"}"));
            server.createContext(
                    "/keys",
                    exchange -> reply(exchange, new com.nimbusds.jose.jwk.JWKSet(key.toPublicJWK()).toString()));
            server.start();
            return issuer;
        }

        private static void reply(com.sun.net.httpserver.HttpExchange exchange, String json)
                throws java.io.IOException {
            byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        }

        String url() {
            return "http://127.0.0.1:" + server.getAddress().getPort();
        }

        String token(String subject, String role) throws Exception {
            return signed(subject, role, key);
        }

        /** The same claims, this issuer's name, another key (with this key's id). */
        String forged(String subject, String role) throws Exception {
            return signed(
                    subject,
                    role,
                    new com.nimbusds.jose.jwk.gen.RSAKeyGenerator(2048)
                            .keyID(key.getKeyID())
                            .generate());
        }

        private String signed(String subject, String role, com.nimbusds.jose.jwk.RSAKey key) throws Exception {
            java.time.Instant now = java.time.Instant.now();
            com.nimbusds.jwt.SignedJWT jwt = new com.nimbusds.jwt.SignedJWT(
                    new com.nimbusds.jose.JWSHeader.Builder(com.nimbusds.jose.JWSAlgorithm.RS256)
                            .keyID(key.getKeyID())
                            .build(),
                    new com.nimbusds.jwt.JWTClaimsSet.Builder()
                            .issuer(url())
                            .subject(subject)
                            .audience("certtrail")
                            .issueTime(java.util.Date.from(now))
                            .expirationTime(java.util.Date.from(now.plusSeconds(600)))
                            .claim("roles", List.of(role))
                            .claim("given_name", "Prod")
                            .claim("family_name", "Holder")
                            .build());
            jwt.sign(new com.nimbusds.jose.crypto.RSASSASigner(key));
            return jwt.serialize();
        }

        void stop() {
            server.stop(0);
        }
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }
}
