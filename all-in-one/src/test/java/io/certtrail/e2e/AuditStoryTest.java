package io.certtrail.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.certtrail.e2e.CertTrailInstance.Response;
import io.certtrail.query.audit.AuditEvent;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/**
 * Auditors over real HTTP: every event of every aggregate, searchable by account, address,
 * application, actor, type and time, exported as JSON lines, and checked against the store itself.
 */
class AuditStoryTest {

    @TempDir
    static Path dataDir;

    static MutableClock clock = new MutableClock(Instant.parse("2026-03-02T08:00:00Z"));
    static CertTrailInstance app;
    static String examCentre;
    static Instant afterAssociation;

    @BeforeAll
    static void start() {
        app = CertTrailInstance.start(dataDir, clock);
        examCentre = app.clientToken("exam-centre", "exam-centre-demo");
        Response recorded = app.postWithToken("/api/operator/records/certifications", examCentre, """
                {"sourceRecordId":"AU-1","email":"audited@example.com","certificationName":"HCIA-Datacom",
                 "certificateNumber":"AU-0001","effectiveDate":"2026-01-05","expirationDate":"2029-01-05",
                 "renewal":false}""");
        assertThat(recorded.status()).as(recorded.body()).isEqualTo(200);
        app.associate("holder1", "audited@example.com");
        clock.advance(Duration.ofHours(1));
        afterAssociation = clock.instant();
        Response applied = app.postAsIs("/api/me/certificate-applications", "holder1", """
                {"recordId":"CERT:AU-1","email":"audited@example.com","format":"ELECTRONIC","fullName":"Holder One",
                 "phone":"+1 555 0100","acceptPrivacyStatement":true}""");
        assertThat(applied.status()).as(applied.body()).isEqualTo(201);
        // the printed name is not the account holder's: the office approves it by hand
        assertThat(app.post("/api/operator/certificate-applications/app:CERT:AU-1/approval", "operator", "")
                        .status())
                .isEqualTo(200);
        app.post(
                "/api/operator/email-unbindings",
                "operator",
                "{\"email\":\"audited@example.com\",\"reason\":\"Holds another person's exam records\"}");
        Awaitility.await()
                .atMost(Duration.ofSeconds(10))
                .pollInterval(Duration.ofMillis(20))
                .until(AuditStoryTest::everyProcessorAtTheHead);
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    private static boolean everyProcessorAtTheHead() {
        for (JsonNode processor :
                app.get("/api/operator/projections", "operator").json().get("processors")) {
            if (processor.get("behind").isNull() || processor.get("behind").asLong() > 0) {
                return false;
            }
        }
        return true;
    }

    private static List<JsonNode> search(String query) {
        Response response = app.get("/api/audit/events" + query, "auditor");
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        List<JsonNode> items = new ArrayList<>();
        response.json().get("items").forEach(items::add);
        return items;
    }

    private static List<String> types(List<JsonNode> events) {
        return events.stream().map(e -> e.get("type").asText()).toList();
    }

    @Test
    void everythingAboutAnAccountInStoreOrderEitherWay() {
        List<JsonNode> oldest = search("?accountId=acct-h1&size=100");
        assertThat(types(oldest))
                .containsSubsequence(
                        "EmailAssociationRequested",
                        "AddressClaimed",
                        "EmailActivated",
                        "CertificateApplied",
                        "CertificateApproved",
                        "AddressReleased",
                        "EmailDisassociated");
        List<JsonNode> newest = search("?accountId=acct-h1&order=newest&size=100");
        List<String> reversed = new ArrayList<>(types(oldest));
        java.util.Collections.reverse(reversed);
        assertThat(types(newest)).isEqualTo(reversed);
        assertThat(search("?accountId=acct-h1&size=2&page=1"))
                .extracting(e -> e.get("eventId").asText())
                .containsExactly(
                        oldest.get(2).get("eventId").asText(),
                        oldest.get(3).get("eventId").asText());

        JsonNode unbinding = oldest.stream()
                .filter(e -> e.get("type").asText().equals("EmailDisassociated"))
                .findFirst()
                .orElseThrow();
        assertThat(unbinding.get("actor").asText()).isEqualTo("operator-1");
        assertThat(unbinding.get("actorRole").asText()).isEqualTo("OPERATOR");
        assertThat(unbinding.get("reason").asText()).contains("Holds another person's exam records");
        assertThat(unbinding.get("clientAddress").asText()).isEqualTo("127.0.0.1");
        assertThat(unbinding.get("details").get("email").asText()).isEqualTo("audited@example.com");
        // one request, one chain: the release of the address was caused within the unbinding's chain
        JsonNode released = oldest.stream()
                .filter(e -> e.get("type").asText().equals("AddressReleased"))
                .findFirst()
                .orElseThrow();
        assertThat(released.get("correlationId").asText())
                .isEqualTo(unbinding.get("correlationId").asText());
        assertThat(released.get("causationId").asText()).isNotBlank();
    }

    @Test
    void byAddressApplicationActorTypeAndTime() {
        assertThat(types(search("?email=Audited@Example.com&size=100")))
                .contains(
                        "CertificationRecorded",
                        "EmailAssociationRequested",
                        "AddressClaimed",
                        "EmailActivated",
                        "AddressReleased");
        assertThat(types(search("?applicationId=app:CERT:AU-1")))
                .containsExactly("CertificateApplied", "CertificateApproved");
        // the record and, in their own streams, the claim of the certificate number and the address's
        // certificates taking note of it (rule 24), all by the one who sent the record
        List<JsonNode> byIntegration = search("?actor=exam-centre");
        assertThat(types(byIntegration))
                .containsExactlyInAnyOrder("CertificationRecorded", "CertificateNumberClaimed", "CertificationNoted");
        assertThat(byIntegration)
                .allSatisfy(e -> assertThat(e.get("actorRole").asText()).isEqualTo("INTEGRATION"));
        assertThat(search("?type=EmailActivated&size=100"))
                .allSatisfy(e -> assertThat(e.get("type").asText()).isEqualTo("EmailActivated"));
        List<JsonNode> later = search("?accountId=acct-h1&from=" + afterAssociation + "&size=100");
        assertThat(types(later)).startsWith("CertificateApplied").doesNotContain("EmailActivated");
        assertThat(types(search("?accountId=acct-h1&to=" + afterAssociation + "&size=100")))
                .contains("EmailActivated")
                .doesNotContain("CertificateApplied");

        assertThat(app.get("/api/audit/events?type=Drop%20table", "auditor").status())
                .isEqualTo(400);
        assertThat(app.get("/api/audit/events?from=yesterday", "auditor").status())
                .isEqualTo(400);
        assertThat(app.get("/api/audit/events?order=sideways", "auditor").status())
                .isEqualTo(400);
        assertThat(app.get("/api/audit/events?size=1000", "auditor").status()).isEqualTo(400);
        assertThat(app.get("/api/audit/events", "holder1").status()).isEqualTo(403);
        assertThat(app.get("/api/audit/events", "partner").status()).isEqualTo(403);
    }

    @Test
    void theJsonLinesExportHoldsExactlyTheSearch() throws Exception {
        long total = app.get("/api/audit/events?accountId=acct-h1", "auditor")
                .json()
                .get("totalElements")
                .asLong();
        Response export = app.get("/api/audit/events.jsonl?accountId=acct-h1", "auditor");
        assertThat(export.status()).isEqualTo(200);
        assertThat(export.contentType()).startsWith("application/x-ndjson");
        List<JsonNode> lines = new ArrayList<>();
        for (String line : export.body().split("\n")) {
            lines.add(CertTrailInstance.JSON.readTree(line));
        }
        assertThat(lines).hasSize((int) total);
        assertThat(lines)
                .allSatisfy(
                        line -> assertThat(line.get("accountIds").toString()).contains("acct-h1"));
    }

    @Test
    void theAuditViewIsCheckedAgainstTheEventStoreAndADifferenceIsReported() {
        JsonNode account =
                app.get("/api/audit/aggregates/acct-h1/consistency", "auditor").json();
        assertThat(account.get("consistent").asBoolean()).as(account.toString()).isTrue();
        assertThat(account.get("storeEvents").asLong()).isPositive();
        JsonNode application = app.get("/api/audit/aggregates/app:CERT:AU-1/consistency", "auditor")
                .json();
        assertThat(application.get("consistent").asBoolean())
                .as(application.toString())
                .isTrue();
        assertThat(application.get("storeEvents").asLong()).isEqualTo(2);

        // someone removes an event from the view behind the projection's back: the check says so
        MongoTemplate mongo = app.context.getBean(MongoTemplate.class);
        AuditEvent approved = mongo.findOne(
                Query.query(Criteria.where("applicationId")
                        .is("app:CERT:AU-1")
                        .and("type")
                        .is("CertificateApproved")),
                AuditEvent.class);
        mongo.remove(approved);
        JsonNode tampered = app.get("/api/audit/aggregates/app:CERT:AU-1/consistency", "auditor")
                .json();
        assertThat(tampered.get("consistent").asBoolean()).isFalse();
        assertThat(tampered.get("differences").get(0).get("eventId").asText()).isEqualTo(approved.eventId());
        assertThat(tampered.get("differences").get(0).get("problem").asText()).isEqualTo("MISSING_IN_VIEW");
        mongo.save(approved);
        assertThat(app.get("/api/audit/aggregates/app:CERT:AU-1/consistency", "auditor")
                        .json()
                        .get("consistent")
                        .asBoolean())
                .isTrue();
    }
}
