package io.certtrail.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.certtrail.e2e.CertTrailInstance.Response;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * Rule 32 over HTTP: a holder with a certificate, an application, a share link and a partner
 * membership asks to be forgotten, cancels, asks again; after the grace period the account is
 * erased. Then no view, audit search, auditor's export, rebuilt read model or byte of the event
 * store holds their addresses or names; the certificate still verifies as authentic, without a
 * name; the audit trail keeps every event with its actor and reason; the account reads nothing.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ErasureStoryTest {

    private static final String EMAIL = "erase.zhou@example.com";
    private static final String PRINTED = "Zhou Qiming";
    private static final String NUMBER = "0101001099000000991";
    private static final String NOTE = "For Zhou's next employer";

    @TempDir
    static Path dataDir;

    // Monday: the certificate took effect on Friday, so the application is approved at once
    static MutableClock clock = new MutableClock(Instant.parse("2026-03-02T08:00:00Z"));
    static CertTrailInstance app;

    @BeforeAll
    static void start() {
        app = CertTrailInstance.start(dataDir, clock, Map.of("certtrail.expiry.sweep-interval", "PT1S"));
        Response recorded = app.post("/api/operator/records/certifications", "operator", """
                {"sourceRecordId":"ER-1","email":"%s","certificationName":"HCIA-Datacom",
                 "certificateNumber":"%s","effectiveDate":"2026-02-27","expirationDate":"2029-02-27"}""".formatted(EMAIL, NUMBER));
        assertThat(recorded.status()).as(recorded.body()).isEqualTo(200);
        Response sat = app.post("/api/operator/records/exams", "operator", """
                {"sourceRecordId":"ER-E","registrationNumber":"REG-ER","firstName":"Qiming","lastName":"Zhou",
                 "email":"%s","examCode":"H12-811","examName":"HCIA-Datacom","examDate":"2026-01-20","score":800,
                 "passed":true}""".formatted(EMAIL));
        assertThat(sat.status()).as(sat.body()).isEqualTo(200);
        app.associate("holder8", EMAIL);
        app.awaitProjectionsAtHead();
        Response applied = app.postAsIs("/api/me/certificate-applications", "holder8", """
                {"recordId":"CERT:ER-1","email":"%s","format":"ELECTRONIC","fullName":"%s",
                 "phone":"+86 139 2522 2157","acceptPrivacyStatement":true}""".formatted(EMAIL, PRINTED));
        assertThat(applied.status()).as(applied.body()).isEqualTo(201);
        Response shared = app.post("/api/me/share-links", "holder8", """
                {"kind":"CERTIFICATE","recordIds":["CERT:ER-1"],"note":"%s"}""".formatted(NOTE));
        assertThat(shared.status()).as(shared.body()).isEqualTo(201);
        Response asked = app.post("/api/me/partner-membership", "holder8", "{\"companyId\":\"partner-acme\"}");
        assertThat(asked.status()).as(asked.body()).isEqualTo(202);
        Awaitility.await()
                .atMost(Duration.ofSeconds(10))
                .until(() -> app.get("/api/partner/membership-requests", "partner")
                        .body()
                        .contains("acct-h8"));
        assertThat(app.post("/api/partner/memberships/acct-h8/approval", "partner", "")
                        .status())
                .isEqualTo(200);
        app.awaitProjectionsAtHead();
        // the views hold the holder's data before the erasure: the searches below can fail
        assertThat(app.get("/api/public/certificates/" + NUMBER + "?name=" + "Zhou%20Qiming", null)
                        .json()
                        .get("holderName")
                        .asText())
                .isEqualTo(PRINTED);
        assertThat(everyDocument()).contains(EMAIL);
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    /** Every document of the read-model store, as JSON, one after another. */
    private static String everyDocument() {
        MongoTemplate mongo = app.context.getBean(MongoTemplate.class);
        StringBuilder all = new StringBuilder();
        for (String collection : mongo.getCollectionNames()) {
            for (Document document : mongo.getCollection(collection).find()) {
                all.append(collection).append(' ').append(document.toJson()).append('\n');
            }
        }
        return all.toString();
    }

    @Test
    @Order(1)
    void theHolderAsksCancelsAndAsksAgainAndNothingHappensBeforeTheGracePeriodEnds() {
        Response asked = app.post("/api/me/erasure-request", "holder8", "{\"reason\":\"I leave the programme\"}");
        assertThat(asked.status()).as(asked.body()).isEqualTo(202);
        assertThat(Instant.parse(asked.json().get("effectiveAt").asText()))
                .isEqualTo(clock.instant().plus(Duration.ofDays(30)));
        assertThat(app.post("/api/me/erasure-request/cancellation", "holder8", "{}")
                        .status())
                .isEqualTo(200);
        assertThat(app.post("/api/me/erasure-request/cancellation", "holder8", "{}")
                        .status())
                .isEqualTo(404);
        assertThat(app.post("/api/me/erasure-request", "holder8", "{}").status())
                .isEqualTo(202);
        // a holder cannot ask for someone else; the office can, with a reason
        assertThat(app.post("/api/operator/accounts/acct-h8/erasure-request", "holder8", "{\"reason\":\"x\"}")
                        .status())
                .isEqualTo(403);
        clock.advance(Duration.ofDays(29));
        app.awaitProjectionsAtHead();
        assertThat(app.get("/api/me/email-addresses", "holder8").status()).isEqualTo(200);
    }

    @Test
    @Order(2)
    void afterTheGracePeriodNothingOfThemIsLeftButTheIssuersRecord() throws Exception {
        clock.advance(Duration.ofDays(2));
        // the sweep erases; the account then reads nothing
        Awaitility.await()
                .atMost(Duration.ofSeconds(90))
                .until(() -> app.get("/api/me/email-addresses", "holder8").status() == 410);
        Response refused = app.get("/api/me/certificates", "holder8");
        assertThat(refused.status()).isEqualTo(410);
        assertThat(refused.json().get("code").asText()).isEqualTo("ACCOUNT_ERASED");

        // every view is rebuilt from the store, whose sealed fields now read as erased
        Awaitility.await()
                .atMost(Duration.ofSeconds(90))
                .pollInterval(Duration.ofSeconds(1))
                .until(() -> !everyDocument().contains(EMAIL));
        app.awaitProjectionsAtHead();
        String documents = everyDocument();
        assertThat(documents)
                .doesNotContain(EMAIL)
                .doesNotContain(PRINTED)
                .doesNotContain("Qiming")
                .doesNotContain(NOTE)
                .doesNotContain("I leave the programme");

        // the certificate stays authentic, without a name
        JsonNode verified = app.get("/api/public/certificates/" + NUMBER, null).json();
        assertThat(verified.get("authentic").asBoolean()).isTrue();
        assertThat(verified.get("status").asText()).isEqualTo("VALID");
        assertThat(verified.get("holderName").isNull()).isTrue();

        // the audit trail keeps every event, its actor and why; none of their data
        Response audit = app.get("/api/audit/accounts/acct-h8/events", "auditor");
        List<String> types = new ArrayList<>();
        audit.json().get("events").forEach(e -> types.add(e.get("type").asText()));
        assertThat(types).contains("EmailActivated", "ErasureRequested", "ErasureCancelled", "AccountErased");
        assertThat(audit.body()).doesNotContain(EMAIL).doesNotContain("I leave the programme");
        Response search = app.get("/api/audit/events?accountId=acct-h8", "auditor");
        assertThat(search.body())
                .contains("AccountErased")
                .doesNotContain(EMAIL)
                .doesNotContain(PRINTED);
        Response export = app.get("/api/audit/accounts/acct-h8/export", "auditor");
        assertThat(export.status()).isEqualTo(200);
        assertThat(export.body()).doesNotContain(EMAIL).doesNotContain(PRINTED).doesNotContain(NOTE);
        Response partner = app.get("/api/partner/employees", "partner");
        assertThat(partner.body()).doesNotContain(EMAIL).doesNotContain(PRINTED);

        // and the event store's file holds none of it in the clear: it never did
        String raw = new String(Files.readAllBytes(dataDir.resolve("eventstore.mv.db")), StandardCharsets.ISO_8859_1);
        assertThat(raw)
                .contains(NUMBER)
                .doesNotContain(EMAIL)
                .doesNotContain(PRINTED)
                .doesNotContain(NOTE);
    }
}
