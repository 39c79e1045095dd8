package io.certtrail.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.certtrail.e2e.CertTrailInstance.Response;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * Rule 29 over HTTP: the holder's own activity log shows, within a second, who verified their
 * certificate (by network, never the full address), which share links were opened and how often,
 * which partner administrator read their records, and every unbinding, correction and revocation
 * with its reason; an auditor sees the same, and another holder sees none of it.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ActivityLogStoryTest {

    private static final String NUMBER = "0101001099000000701";

    @TempDir
    static Path dataDir;

    static MutableClock clock = new MutableClock(Instant.parse("2026-03-02T08:00:00Z"));
    static CertTrailInstance app;

    @BeforeAll
    static void start() {
        app = CertTrailInstance.start(dataDir, clock);
        certification("2029-02-27");
        app.associate("holder6", "act.zhao@example.com");
        app.associate("holder6", "act.zhao.old@example.com");
        app.associate("holder7", "other.qian@example.com");
        app.awaitProjectionsAtHead();
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    private static void certification(String expires) {
        Response recorded =
                app.post("/api/operator/records/certifications", "operator", """
                {"sourceRecordId":"ACT-1","email":"act.zhao@example.com","certificationName":"HCIA-Datacom",
                 "certificateNumber":"%s","effectiveDate":"2026-02-27","expirationDate":"%s"}""".formatted(NUMBER, expires));
        assertThat(recorded.status()).as(recorded.body()).isEqualTo(200);
    }

    private static List<JsonNode> entries(String user, String path) {
        Response log = app.get(path, user);
        assertThat(log.status()).as(log.body()).isEqualTo(200);
        List<JsonNode> entries = new ArrayList<>();
        log.json().get("entries").forEach(entries::add);
        return entries;
    }

    private static List<JsonNode> mine(String user) {
        return entries(user, "/api/me/activity");
    }

    /** Waits at most a second (the bound) for an entry of the holder's log. */
    private static JsonNode within(Duration bound, String user, Predicate<JsonNode> wanted) {
        JsonNode[] found = new JsonNode[1];
        Awaitility.await().atMost(bound).pollInterval(Duration.ofMillis(50)).until(() -> {
            found[0] = mine(user).stream().filter(wanted).findFirst().orElse(null);
            return found[0] != null;
        });
        return found[0];
    }

    private static Predicate<JsonNode> kind(String kind) {
        return entry -> kind.equals(entry.get("kind").asText());
    }

    @Test
    @Order(1)
    void aVerificationAndAShareLinkOpeningShowWithinASecondByNetworkOnly() {
        assertThat(app.get("/api/public/certificates/" + NUMBER, null).status()).isEqualTo(200);
        JsonNode verified = within(Duration.ofSeconds(1), "holder6", kind("CERTIFICATE_VERIFIED"));
        assertThat(verified.get("certificateNumber").asText()).isEqualTo(NUMBER);
        assertThat(verified.get("network").asText()).isEqualTo("127.0.0.0/24");
        assertThat(verified.toString()).doesNotContain("127.0.0.1");

        Response made = app.post("/api/me/share-links", "holder6", """
                {"kind":"CERTIFICATE","recordIds":["CERT:ACT-1"]}""");
        assertThat(made.status()).as(made.body()).isEqualTo(201);
        String url = made.json().get("url").asText();
        String token = url.substring(url.lastIndexOf('/') + 1);
        String linkId = made.json().get("linkId").asText();
        Awaitility.await()
                .atMost(Duration.ofSeconds(10))
                .until(() -> app.get("/api/me/share-links", "holder6").body().contains(linkId));
        app.awaitProjectionsAtHead();
        assertThat(app.get("/api/public/shares/" + token, null).status()).isEqualTo(200);
        assertThat(app.get("/api/public/shares/" + token, null).status()).isEqualTo(200);
        JsonNode opened = within(Duration.ofSeconds(1), "holder6", kind("SHARE_LINK_OPENED"));
        assertThat(opened.get("linkId").asText()).isEqualTo(linkId);
        JsonNode log = app.get("/api/me/activity", "holder6").json();
        assertThat(log.get("shareLinks").get(0).get("linkId").asText()).isEqualTo(linkId);
        assertThat(log.get("shareLinks").get(0).get("openings").asInt()).isEqualTo(2);
    }

    @Test
    @Order(2)
    void aPartnerAdministratorsReadShowsWhoReadAndWhen() {
        Response asked = app.post("/api/me/partner-membership", "holder6", "{\"companyId\":\"partner-acme\"}");
        assertThat(asked.status()).as(asked.body()).isEqualTo(202);
        Awaitility.await()
                .atMost(Duration.ofSeconds(10))
                .until(() -> app.get("/api/partner/membership-requests", "partner")
                        .body()
                        .contains("acct-h6"));
        assertThat(app.post("/api/partner/memberships/acct-h6/approval", "partner", "")
                        .status())
                .isEqualTo(200);
        // the employment is in the log's view before the read
        Awaitility.await()
                .atMost(Duration.ofSeconds(10))
                .until(() -> app.get("/api/partner/employees", "partner").body().contains("acct-h6"));
        app.awaitProjectionsAtHead();
        clock.advance(Duration.ofMinutes(5));
        Instant readAt = clock.instant();
        assertThat(app.get("/api/partner/employees", "partner").status()).isEqualTo(200);
        JsonNode read = within(
                Duration.ofSeconds(1),
                "holder6",
                kind("PARTNER_READ")
                        .and(e -> e.get("at").asText().equals(readAt.toString())
                                || e.get("lastAt").asText().equals(readAt.toString())));
        assertThat(read.get("administrator").asText()).isEqualTo("admin@acme.example.com");
        assertThat(read.get("companyId").asText()).isEqualTo("partner-acme");
    }

    @Test
    @Order(3)
    void unbindingsCorrectionsAndRevocationsShowWithTheirReasons() {
        certification("2030-02-27"); // the office corrects the expiration date
        JsonNode corrected = within(Duration.ofSeconds(10), "holder6", kind("CORRECTED"));
        assertThat(corrected.get("reason").asText()).contains("expirationDate: 2029-02-27 → 2030-02-27");
        assertThat(corrected.get("what").asText()).isEqualTo("HCIA-Datacom");

        Response revoked = app.post(
                "/api/operator/certificate-revocations",
                "operator",
                "{\"recordId\":\"CERT:ACT-1\",\"reason\":\"Exam result annulled\"}");
        assertThat(revoked.status()).as(revoked.body()).isEqualTo(200);
        JsonNode revocation = within(Duration.ofSeconds(10), "holder6", kind("REVOKED"));
        assertThat(revocation.get("reason").asText()).isEqualTo("Exam result annulled");

        Response unbound = app.post(
                "/api/operator/email-unbindings",
                "operator",
                "{\"email\":\"act.zhao.old@example.com\",\"reason\":\"Holds another person's exam records\"}");
        assertThat(unbound.status()).as(unbound.body()).isEqualTo(200);
        JsonNode unbinding = within(Duration.ofSeconds(10), "holder6", kind("UNBOUND"));
        assertThat(unbinding.get("reason").asText()).contains("Holds another person's exam records");

        // an auditor sees the same log
        List<JsonNode> audited = entries("auditor", "/api/audit/accounts/acct-h6/activity");
        assertThat(audited.stream().map(e -> e.get("kind").asText()))
                .contains(
                        "CERTIFICATE_VERIFIED", "SHARE_LINK_OPENED", "PARTNER_READ", "CORRECTED", "REVOKED", "UNBOUND");
    }

    /**
     * Issue 22's sealing, switched on by default: the event store's file holds the certificate's
     * number but none of the holder's addresses, nor the office's free-text reasons, in the clear.
     */
    @Test
    @Order(6)
    void theEventStoresFileHoldsNoPersonalDataInTheClear() throws Exception {
        app.awaitProjectionsAtHead();
        byte[] file = java.nio.file.Files.readAllBytes(dataDir.resolve("eventstore.mv.db"));
        String raw = new String(file, java.nio.charset.StandardCharsets.ISO_8859_1);
        assertThat(raw).contains(NUMBER).contains("pd1:");
        assertThat(raw)
                .doesNotContain("act.zhao@example.com")
                .doesNotContain("act.zhao.old@example.com")
                .doesNotContain("Holds another person")
                .doesNotContain("Exam result annulled");
    }

    /** Rule 31: everything held about the holder, as JSON, at once; nothing of anybody else. */
    @Test
    @Order(5)
    void theHolderExportsEverythingHeldAboutThemAsJson() {
        long started = System.nanoTime();
        Response export = app.get("/api/me/export", "holder6");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
        assertThat(export.status()).as(export.body()).isEqualTo(200);
        assertThat(export.headers().firstValue("Content-Disposition").orElse(""))
                .contains("certtrail-export-acct-h6.json");
        JsonNode json = export.json();
        assertThat(json.get("format").asText()).isEqualTo("certtrail-personal-data-export/1");
        assertThat(json.get("addresses").toString()).contains("act.zhao@example.com");
        assertThat(json.get("records").get("certifications").toString()).contains(NUMBER);
        assertThat(json.get("shareLinks")).hasSize(1);
        assertThat(json.get("shareLinks").toString()).doesNotContain("/share/"); // never the secret
        assertThat(json.get("partnerMembership").get("companyId").asText()).isEqualTo("partner-acme");
        assertThat(json.get("activity").get("entries").toString()).contains("CERTIFICATE_VERIFIED");
        List<String> types = new ArrayList<>();
        json.get("events").forEach(e -> types.add(e.get("type").asText()));
        assertThat(types)
                .contains(
                        "EmailAssociationRequested", "EmailActivated", "CertificationRecorded", "CertificationRevoked")
                .contains("EmailDisassociated");
        // the holder sees who acted by role; the office's staff and their clients stay theirs
        assertThat(json.get("events").toString()).doesNotContain("\"clientAddress\":\"127.");

        // an auditor's export says who acted and from where; another holder's holds none of this
        JsonNode audited =
                app.get("/api/audit/accounts/acct-h6/export", "auditor").json();
        assertThat(audited.get("events").toString()).contains("\"actor\":\"operator-1\"");
        assertThat(app.get("/api/me/export", "holder7").body())
                .doesNotContain(NUMBER)
                .doesNotContain("act.zhao");
    }

    @Test
    @Order(4)
    void anotherHolderSeesNoneOfIt() {
        assertThat(mine("holder7")).isEmpty();
        Response log = app.get("/api/me/activity", "holder7");
        assertThat(log.body()).doesNotContain(NUMBER).doesNotContain("acme").doesNotContain("annulled");
        Response tooLong = app.get("/api/me/activity?days=1000", "holder6");
        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(tooLong.contentType()).startsWith("application/problem+json");
    }
}
