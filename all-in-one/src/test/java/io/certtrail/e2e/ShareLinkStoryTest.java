package io.certtrail.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.certtrail.e2e.CertTrailInstance.Response;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * Rule 27 over HTTP: a holder shares a certificate and a transcript; an anonymous visitor sees the
 * page and the JSON with live status and no e-mail address; expiry and revocation end a link, and
 * unknown, expired and revoked links look alike; guessing is rate limited.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ShareLinkStoryTest {

    @TempDir
    static Path dataDir;

    static MutableClock clock = new MutableClock(Instant.parse("2026-03-02T08:00:00Z"));
    static CertTrailInstance app;

    @BeforeAll
    static void start() {
        app = CertTrailInstance.start(
                dataDir,
                clock,
                Map.of(
                        "certtrail.rate-limits.link-attempts-per-client.capacity",
                        "8",
                        "certtrail.rate-limits.link-attempts-per-client.period",
                        "PT1H"));
        app.associate("holder1", "share.li@example.com");
        send("certifications", """
                {"sourceRecordId":"SH-1","email":"share.li@example.com","certificationName":"HCIA-Datacom",
                 "certificateNumber":"0101001099000000901","effectiveDate":"2025-06-02","expirationDate":"2028-06-02"}""");
        send("exams", """
                {"sourceRecordId":"SH-E","registrationNumber":"REG-SH","firstName":"Wan","lastName":"Li",
                 "email":"share.li@example.com","examCode":"H12-811","examName":"HCIA-Datacom","examDate":"2025-05-20",
                 "score":800,"passed":true}""");
        send("exams", """
                {"sourceRecordId":"SH-F","registrationNumber":"REG-SF","firstName":"Wan","lastName":"Li",
                 "email":"share.li@example.com","examCode":"H12-821","examName":"HCIP-Datacom","examDate":"2025-09-20",
                 "score":500,"passed":false}""");
        app.awaitProjectionsAtHead();
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    private static void send(String kind, String json) {
        Response response = app.post("/api/operator/records/" + kind, "operator", json);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
    }

    private static String tokenOf(JsonNode made) {
        String url = made.get("url").asText();
        return url.substring(url.lastIndexOf('/') + 1);
    }

    private static JsonNode make(String json) {
        Response made = app.post("/api/me/share-links", "holder1", json);
        assertThat(made.status()).as(made.body()).isEqualTo(201);
        return made.json();
    }

    private static Response visit(String token) {
        return app.get("/api/public/shares/" + token, null);
    }

    /**
     * Waits (on the holder's own list: each miss of a visitor counts against the client's guessing
     * limit) until the link is in the views, then visits it once.
     */
    private static JsonNode awaitVisible(JsonNode made) {
        String linkId = made.get("linkId").asText();
        Awaitility.await()
                .atMost(Duration.ofSeconds(10))
                .until(() -> app.get("/api/me/share-links", "holder1").body().contains(linkId));
        app.awaitProjectionsAtHead();
        Response visited = visit(tokenOf(made));
        assertThat(visited.status()).as(visited.body()).isEqualTo(200);
        return visited.json();
    }

    @Test
    @Order(1)
    void aVisitorSeesTheSharedCertificateWithItsStatusAndNothingElse() throws Exception {
        JsonNode made = make("""
                {"kind":"CERTIFICATE","recordIds":["CERT:SH-1"],"note":"For the hiring team"}""");
        assertThat(made.get("url").asText()).contains("/share/");
        assertThat(tokenOf(made).length()).isGreaterThanOrEqualTo(22); // at least 128 random bits
        JsonNode shared = awaitVisible(made);
        assertThat(shared.get("kind").asText()).isEqualTo("CERTIFICATE");
        assertThat(shared.get("note").asText()).isEqualTo("For the hiring team");
        JsonNode certificate = shared.get("certificates").get(0);
        assertThat(certificate.get("certificateNumber").asText()).isEqualTo("0101001099000000901");
        assertThat(certificate.get("status").asText()).isEqualTo("VALID");
        assertThat(certificate.get("addToLinkedIn").asText())
                .startsWith("https://www.linkedin.com/profile/add?startTask=CERTIFICATION_NAME&name=HCIA-Datacom")
                .contains("certId=0101001099000000901");
        assertThat(shared.get("exams")).isEmpty();
        assertThat(shared.toString()).doesNotContain("@").doesNotContain("share.li");

        Response page = app.getHtml(app.baseUrl + "/share/" + tokenOf(made));
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.contentType()).startsWith("text/html");
        assertThat(page.body())
                .contains("HCIA-Datacom")
                .contains("0101001099000000901")
                .doesNotContain("@");

        // as a browser shows it: the certificate, its status in its colour
        Chromium chromium = Chromium.orSkip(dataDir);
        String dom = chromium.dom(made.get("url").asText(), 0);
        assertThat(dom)
                .contains("0101001099000000901")
                .contains("class=\"VALID\"")
                .contains("For the hiring team");

        // the holder lists it, never with its secret
        JsonNode mine = app.get("/api/me/share-links", "holder1").json();
        assertThat(mine.toString()).contains(made.get("linkId").asText()).doesNotContain(tokenOf(made));
        // another holder cannot touch it
        Response theirs =
                app.post("/api/me/share-links/" + made.get("linkId").asText() + "/revocation", "holder2", "{}");
        assertThat(theirs.status()).isEqualTo(404);
    }

    @Test
    @Order(2)
    void aTranscriptShowsTheChosenRecordsOnly() {
        JsonNode made = make("""
                {"kind":"TRANSCRIPT","recordIds":["CERT:SH-1","EXAM:SH-E","EXAM:SOMEONE-ELSES"]}""");
        JsonNode shared = awaitVisible(made);
        assertThat(shared.get("certificates")).hasSize(1);
        assertThat(shared.get("exams")).hasSize(1);
        assertThat(shared.get("exams").get(0).get("examCode").asText()).isEqualTo("H12-811");
        assertThat(shared.toString()).doesNotContain("H12-821"); // not chosen
    }

    @Test
    @Order(3)
    void theHolderDownloadsTheirTranscriptAsAPdf() throws Exception {
        java.net.http.HttpResponse<byte[]> pdf = app.getBytes("/api/me/transcript.pdf", "holder1");
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(pdf.headers().firstValue("Content-Type").orElse("")).startsWith("application/pdf");
        try (var document = org.apache.pdfbox.Loader.loadPDF(pdf.body())) {
            String text = new org.apache.pdfbox.text.PDFTextStripper().getText(document);
            assertThat(text)
                    .contains("TRANSCRIPT")
                    .contains("0101001099000000901")
                    .contains("VALID")
                    .contains("H12-811")
                    .contains("H12-821")
                    .contains("NOT PASSED");
            // signed by the issuer (PAdES): a reader shows whether it was altered
            assertThat(document.getSignatureDictionaries()).hasSize(1);
            assertThat(document.getLastSignatureDictionary().getSubFilter()).isEqualTo("ETSI.CAdES.detached");
        }
        // another holder's transcript holds none of it
        java.net.http.HttpResponse<byte[]> theirs = app.getBytes("/api/me/transcript.pdf", "holder2");
        try (var document = org.apache.pdfbox.Loader.loadPDF(theirs.body())) {
            assertThat(new org.apache.pdfbox.text.PDFTextStripper().getText(document))
                    .doesNotContain("0101001099000000901");
        }
    }

    /** Last: its guessing spends the client's limit. */
    @Test
    @Order(4)
    void revokedExpiredAndUnknownLinksLookAlikeAndAnExtensionKeepsOneAlive() {
        JsonNode revoked = make("{\"kind\":\"CERTIFICATE\",\"recordIds\":[\"CERT:SH-1\"]}");
        JsonNode shortLived = make("{\"kind\":\"CERTIFICATE\",\"recordIds\":[\"CERT:SH-1\"],\"expiresInDays\":1}");
        JsonNode extended = make("{\"kind\":\"CERTIFICATE\",\"recordIds\":[\"CERT:SH-1\"],\"expiresInDays\":1}");
        awaitVisible(revoked);
        awaitVisible(shortLived);
        awaitVisible(extended);

        assertThat(app.post("/api/me/share-links/" + revoked.get("linkId").asText() + "/revocation", "holder1", "{}")
                        .status())
                .isEqualTo(200);
        Response extension = app.post(
                "/api/me/share-links/" + extended.get("linkId").asText() + "/extension",
                "holder1",
                "{\"expiresInDays\":30}");
        assertThat(extension.status()).as(extension.body()).isEqualTo(200);
        assertThat(app.post(
                                "/api/me/share-links/" + extended.get("linkId").asText() + "/extension",
                                "holder1",
                                "{\"expiresInDays\":400}")
                        .status())
                .isEqualTo(400);
        Awaitility.await()
                .atMost(Duration.ofSeconds(10))
                .until(() -> visit(tokenOf(revoked)).status() == 404);
        app.awaitProjectionsAtHead();
        clock.advance(Duration.ofDays(2));
        try {
            Response gone = visit(tokenOf(revoked));
            Response expired = visit(tokenOf(shortLived));
            Response unknown = visit("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA");
            assertThat(expired.status()).isEqualTo(404);
            assertThat(unknown.status()).isEqualTo(404);
            assertThat(withoutInstance(gone.body()))
                    .isEqualTo(withoutInstance(expired.body()))
                    .isEqualTo(withoutInstance(unknown.body()));
            assertThat(visit(tokenOf(extended)).status()).isEqualTo(200);
            JsonNode mine = app.get("/api/me/share-links", "holder1").json();
            assertThat(mine.toString()).contains("REVOKED").contains("EXPIRED").contains("ACTIVE");

            // guessing: after a few misses from one client, nothing more is answered for a while
            int status = 0;
            for (int i = 0; i < 10 && status != 429; i++) {
                status = visit("guess" + i + "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")
                        .status();
            }
            assertThat(status).isEqualTo(429);
            assertThat(visit(tokenOf(extended)).status()).isEqualTo(429);
        } finally {
            clock.advance(Duration.ofDays(-2));
        }
    }

    @Test
    @Order(3)
    void badRequestsGetClearErrors() {
        assertThat(app.post("/api/me/share-links", "holder1", "{\"kind\":\"CERTIFICATE\",\"recordIds\":[]}")
                        .status())
                .isEqualTo(400);
        assertThat(app.post(
                                "/api/me/share-links",
                                "holder1",
                                "{\"kind\":\"CERTIFICATE\",\"recordIds\":[\"CERT:SH-1\",\"EXAM:SH-E\"]}")
                        .status())
                .isEqualTo(400);
        assertThat(app.post(
                                "/api/me/share-links",
                                "holder1",
                                "{\"kind\":\"TRANSCRIPT\",\"recordIds\":[\"CERT:SH-1\"],\"expiresInDays\":366}")
                        .status())
                .isEqualTo(400);
        assertThat(app.post("/api/me/share-links/share:nope/revocation", "holder1", "{}")
                        .status())
                .isEqualTo(404);
        assertThat(app.post("/api/me/share-links", null, "{\"kind\":\"CERTIFICATE\",\"recordIds\":[\"CERT:SH-1\"]}")
                        .status())
                .isEqualTo(401);
    }

    /** The problem's {@code instance} names the request's path, which differs by token. */
    private static String withoutInstance(String body) {
        return body.replaceAll("\"instance\":\"[^\"]*\",?", "")
                .replaceAll("\"(correlationId|traceId)\":\"[^\"]*\",?", "");
    }
}
