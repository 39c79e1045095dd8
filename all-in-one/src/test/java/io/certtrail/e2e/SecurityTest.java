package io.certtrail.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import io.certtrail.e2e.CertTrailInstance.Response;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;

/** Who may call what, and which tokens are refused: each attempt fails safely, with a problem document. */
class SecurityTest {

    @TempDir
    static Path dataDir;

    static CertTrailInstance app;

    @BeforeAll
    static void start() {
        app = CertTrailInstance.start(dataDir, new MutableClock(Instant.parse("2026-03-02T08:00:00Z")));
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @SuppressWarnings("unchecked")
    private static String token(JWKSource<SecurityContext> keys, String issuer, Instant expiresAt) {
        JwtClaimsSet claims = JwtClaimsSet.builder()
                .issuer(issuer)
                .subject("acct-h0")
                .audience(List.of("certtrail"))
                .issuedAt(expiresAt.minus(Duration.ofHours(1)))
                .expiresAt(expiresAt)
                .claim("roles", List.of("HOLDER", "OPERATOR", "AUDITOR"))
                .build();
        return new NimbusJwtEncoder(keys)
                .encode(JwtEncoderParameters.from(
                        JwsHeader.with(SignatureAlgorithm.RS256).build(), claims))
                .getTokenValue();
    }

    @SuppressWarnings("unchecked")
    private static JWKSource<SecurityContext> realKeys() {
        return app.context.getBean(JWKSource.class);
    }

    private static void assertUnauthenticated(Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(401);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("type").asText()).endsWith("/unauthenticated");
    }

    @Test
    void aValidTokenFromOurIssuerIsAccepted() {
        assertThat(app.getWithToken(
                                "/api/me/email-addresses",
                                token(
                                        realKeys(),
                                        "http://localhost:8080",
                                        Instant.now().plusSeconds(600)))
                        .status())
                .isEqualTo(200);
    }

    @Test
    void aTokenForAnotherAudienceIsRefused() {
        // an ID token, say: its audience is the client that asked for it, not the APIs
        JwtClaimsSet claims = JwtClaimsSet.builder()
                .issuer("http://localhost:8080")
                .subject("acct-h0")
                .audience(List.of("certtrail-portal"))
                .issuedAt(Instant.now())
                .expiresAt(Instant.now().plusSeconds(600))
                .claim("roles", List.of("HOLDER"))
                .build();
        assertUnauthenticated(app.getWithToken(
                "/api/me/email-addresses",
                new NimbusJwtEncoder(realKeys())
                        .encode(JwtEncoderParameters.from(
                                JwsHeader.with(SignatureAlgorithm.RS256).build(), claims))
                        .getTokenValue()));
    }

    @Test
    void expiredForeignForgedAndMalformedTokensAreRefused() throws Exception {
        assertUnauthenticated(app.getWithToken(
                "/api/me/email-addresses",
                token(realKeys(), "http://localhost:8080", Instant.now().minusSeconds(600))));
        assertUnauthenticated(app.getWithToken(
                "/api/me/email-addresses",
                token(
                        realKeys(),
                        "https://issuer.elsewhere.example",
                        Instant.now().plusSeconds(600))));
        RSAKey otherKey = new RSAKeyGenerator(2048).keyID("attacker").generate();
        assertUnauthenticated(app.getWithToken(
                "/api/me/email-addresses",
                token(
                        new ImmutableJWKSet<>(new JWKSet(otherKey)),
                        "http://localhost:8080",
                        Instant.now().plusSeconds(600))));
        assertUnauthenticated(app.getWithToken("/api/me/email-addresses", "not.a.token"));
        assertUnauthenticated(app.get("/api/me/email-addresses", null));
        // HTTP Basic is not accepted by the APIs
        assertUnauthenticated(app.send(java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create(app.baseUrl + "/api/me/email-addresses"))
                .header(
                        "Authorization",
                        "Basic "
                                + java.util.Base64.getEncoder()
                                        .encodeToString(("holder0:" + CertTrailInstance.PASSWORD).getBytes()))
                .GET()));
    }

    @Test
    void integrationsSignInAsClientsAndMayOnlyPushRecords() {
        String examCentre = app.clientToken("exam-centre", "exam-centre-demo");
        assertThat(examCentre).isNotNull();
        assertThat(app.clientToken("exam-centre", "wrong-secret")).isNull();
        Response recorded = app.postWithToken("/api/operator/records/exams", examCentre, """
                {"sourceRecordId":"SEC-1","registrationNumber":"REG-SEC","firstName":"A","lastName":"B",
                 "email":"sec@example.com","examCode":"H12-811","examName":"HCIA","examDate":"2026-02-20",
                 "score":800,"passed":true}""");
        assertThat(recorded.status()).as(recorded.body()).isEqualTo(200);
        assertThat(app.getWithToken("/api/operator/suspect-bindings", examCentre)
                        .status())
                .isEqualTo(403);
        assertThat(app.getWithToken("/api/me/email-addresses", examCentre).status())
                .isEqualTo(403);
        assertThat(app.getWithToken("/api/audit/accounts/acct-h0/events", examCentre)
                        .status())
                .isEqualTo(403);
    }

    @Test
    void aRequestLineTomcatCannotReadGetsAProblemDocumentNotAnHtmlPage() throws Exception {
        java.net.URI base = java.net.URI.create(app.baseUrl);
        try (java.net.Socket socket = new java.net.Socket(base.getHost(), base.getPort())) {
            socket.getOutputStream()
                    .write(("GET /api/public/certificates/0101?name=李瑞瑞 HTTP/1.1\r\nHost: localhost"
                                    + "\r\nConnection: close\r\n\r\n")
                            .getBytes(java.nio.charset.StandardCharsets.UTF_8));
            String answer = new String(socket.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            assertThat(answer)
                    .startsWith("HTTP/1.1 400")
                    .contains("application/problem+json")
                    .contains("\"code\":\"INVALID_REQUEST\"")
                    .doesNotContain("<html");
        }
    }

    private record Endpoint(String method, String path, String body, Set<String> allowed) {}

    @Test
    void everyRoleAgainstEveryEndpoint() {
        String json = "{}";
        List<Endpoint> endpoints = List.of(
                new Endpoint("POST", "/api/me/verification-challenges", "", Set.of("HOLDER")),
                new Endpoint("POST", "/api/me/email-associations", json, Set.of("HOLDER")),
                new Endpoint("POST", "/api/me/email-disassociations", json, Set.of("HOLDER")),
                new Endpoint("GET", "/api/me/email-addresses", null, Set.of("HOLDER")),
                new Endpoint("GET", "/api/me/training", null, Set.of("HOLDER")),
                new Endpoint("GET", "/api/me/exams", null, Set.of("HOLDER")),
                new Endpoint("GET", "/api/me/certificates", null, Set.of("HOLDER")),
                new Endpoint("GET", "/api/me/certificate-applications", null, Set.of("HOLDER")),
                new Endpoint("GET", "/api/me/certificate-applications/eligible", null, Set.of("HOLDER")),
                new Endpoint("POST", "/api/me/certificate-applications", json, Set.of("HOLDER")),
                new Endpoint(
                        "GET", "/api/me/certificate-applications/app:CERT:X/certificate.pdf", null, Set.of("HOLDER")),
                new Endpoint(
                        "POST", "/api/operator/certificate-applications/app:CERT:X/approval", "", Set.of("OPERATOR")),
                new Endpoint(
                        "POST",
                        "/api/operator/certificate-applications/app:CERT:X/shipment",
                        json,
                        Set.of("OPERATOR", "LOGISTICS")),
                new Endpoint("GET", "/api/operator/shipment-queue", null, Set.of("OPERATOR", "LOGISTICS")),
                new Endpoint("GET", "/api/operator/shipment-queue.csv", null, Set.of("OPERATOR", "LOGISTICS")),
                new Endpoint("POST", "/api/operator/certificate-revocations", json, Set.of("OPERATOR")),
                new Endpoint("GET", "/api/operator/certificate-applications/waiting", null, Set.of("OPERATOR")),
                new Endpoint("GET", "/api/operator/certificate-applications/to-review", null, Set.of("OPERATOR")),
                new Endpoint(
                        "POST",
                        "/api/operator/certificate-applications/app:CERT:X/replacement/decision",
                        json,
                        Set.of("OPERATOR")),
                new Endpoint("POST", "/api/me/certificate-applications/app:CERT:X/replacement", json, Set.of("HOLDER")),
                new Endpoint(
                        "POST",
                        "/api/me/certificate-applications/app:CERT:X/printed-name-correction",
                        json,
                        Set.of("HOLDER")),
                new Endpoint(
                        "POST",
                        "/api/operator/certificate-applications/app:CERT:X/printed-name-correction/decision",
                        json,
                        Set.of("OPERATOR")),
                new Endpoint(
                        "POST", "/api/operator/certificate-applications/app:CERT:X/voiding", json, Set.of("OPERATOR")),
                new Endpoint("PUT", "/api/operator/catalogue/certifications/HCIP-Security", json, Set.of("OPERATOR")),
                new Endpoint("GET", "/api/operator/catalogue/unknown-certifications", null, Set.of("OPERATOR")),
                new Endpoint("GET", "/api/me/partner-membership", null, Set.of("HOLDER")),
                new Endpoint("POST", "/api/me/partner-membership", json, Set.of("HOLDER")),
                new Endpoint("GET", "/api/partner/employees", null, Set.of("PARTNER_ADMIN")),
                new Endpoint("GET", "/api/partner/employees.csv", null, Set.of("PARTNER_ADMIN")),
                new Endpoint("GET", "/api/partner/membership-requests", null, Set.of("PARTNER_ADMIN")),
                new Endpoint("GET", "/api/partner/head-count", null, Set.of("PARTNER_ADMIN")),
                new Endpoint("PUT", "/api/partner/expiry-digest", json, Set.of("PARTNER_ADMIN")),
                new Endpoint("PUT", "/api/me/expiry-reminders", json, Set.of("HOLDER")),
                new Endpoint("GET", "/api/me/share-links", null, Set.of("HOLDER")),
                new Endpoint("POST", "/api/me/share-links", json, Set.of("HOLDER")),
                new Endpoint("POST", "/api/me/share-links/share:x/extension", json, Set.of("HOLDER")),
                new Endpoint("POST", "/api/me/share-links/share:x/revocation", "", Set.of("HOLDER")),
                new Endpoint("GET", "/api/me/transcript.pdf", null, Set.of("HOLDER")),
                new Endpoint("GET", "/api/me/certificate-applications/app:x/credential", null, Set.of("HOLDER")),
                new Endpoint("POST", "/api/partner/memberships/acct-h1/approval", "", Set.of("PARTNER_ADMIN")),
                new Endpoint("POST", "/api/operator/email-unbindings", json, Set.of("OPERATOR")),
                new Endpoint("GET", "/api/operator/suspect-bindings", null, Set.of("OPERATOR")),
                new Endpoint("GET", "/api/operator/projections", null, Set.of("OPERATOR")),
                new Endpoint("GET", "/api/operator/backups", null, Set.of("OPERATOR")),
                new Endpoint("POST", "/api/operator/backups", "", Set.of("OPERATOR")),
                // every client is an integration; logistics' scopes add its queue and shipments
                new Endpoint(
                        "POST", "/api/operator/records/exams", json, Set.of("OPERATOR", "INTEGRATION", "LOGISTICS")),
                new Endpoint("GET", "/api/audit/accounts/acct-h0/events", null, Set.of("AUDITOR")),
                new Endpoint("GET", "/api/audit/events", null, Set.of("AUDITOR")),
                new Endpoint("GET", "/api/me/activity", null, Set.of("HOLDER")),
                new Endpoint("GET", "/api/me/export", null, Set.of("HOLDER")),
                new Endpoint("POST", "/api/me/erasure-request/cancellation", "", Set.of("HOLDER")),
                new Endpoint("POST", "/api/me/erasure-request", json, Set.of("HOLDER")),
                new Endpoint("PUT", "/api/me/language", json, Set.of("HOLDER")),
                new Endpoint("POST", "/api/operator/accounts/acct-h9/erasure-request", json, Set.of("OPERATOR")),
                new Endpoint("GET", "/api/audit/accounts/acct-h0/export", null, Set.of("AUDITOR")),
                new Endpoint("GET", "/api/audit/accounts/acct-h0/activity", null, Set.of("AUDITOR")),
                new Endpoint("GET", "/api/audit/events.jsonl", null, Set.of("AUDITOR")),
                new Endpoint("GET", "/api/audit/aggregates/acct-h0/consistency", null, Set.of("AUDITOR")),
                new Endpoint("GET", "/actuator/env", null, Set.of()),
                new Endpoint("GET", "/api/anything-else", null, Set.of()));
        Map<String, String> tokens = new LinkedHashMap<>();
        tokens.put("HOLDER", app.tokenFor("holder0"));
        tokens.put("PARTNER_ADMIN", app.tokenFor("partner"));
        tokens.put("AUDITOR", app.tokenFor("auditor"));
        tokens.put("OPERATOR", app.tokenFor("operator"));
        tokens.put("INTEGRATION", app.clientToken("training-system", "training-system-demo"));
        tokens.put("LOGISTICS", app.clientToken("logistics", "logistics-demo", "shipments.read+shipments.write"));
        List<String> wrong = new ArrayList<>();
        for (Endpoint endpoint : endpoints) {
            Response anonymous = call(endpoint, null);
            if (anonymous.status() != 401) {
                wrong.add("anonymous " + endpoint.path() + " -> " + anonymous.status());
            }
            tokens.forEach((role, token) -> {
                int status = call(endpoint, token).status();
                boolean allowed = endpoint.allowed().contains(role);
                if (allowed ? status == 401 || status == 403 : status != 403) {
                    wrong.add(role + " " + endpoint.method() + " " + endpoint.path() + " -> " + status);
                }
            });
        }
        assertThat(wrong).isEmpty();
    }

    private static Response call(Endpoint endpoint, String token) {
        var builder = java.net.http.HttpRequest.newBuilder(java.net.URI.create(app.baseUrl + endpoint.path()));
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        if (endpoint.method().equals("GET")) {
            return app.send(builder.GET());
        }
        return app.send(builder.header("Content-Type", "application/json")
                .method(endpoint.method(), java.net.http.HttpRequest.BodyPublishers.ofString(endpoint.body())));
    }
}
