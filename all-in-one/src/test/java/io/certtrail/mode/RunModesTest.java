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
                .hasMessage("Production mode needs CERTTRAIL_ISSUER (the OpenID Connect issuer whose tokens to accept)"
                        + " is missing.");
    }

    @Test
    void productionWithoutSmtpRefusesToStart() {
        Map<String, String> settings = production(2525);
        settings.remove("CERTTRAIL_SMTP_HOST");
        assertThatThrownBy(() -> start(settings))
                .isInstanceOf(ModeRefused.class)
                .hasMessage("Production mode needs CERTTRAIL_SMTP_HOST (the SMTP relay mail goes through) is missing.");
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
            assertThat(send(HttpRequest.newBuilder(URI.create(base + "/actuator/health")))
                            .statusCode())
                    .isEqualTo(200);

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

    private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }
}
