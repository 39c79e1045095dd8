package io.certtrail.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.certtrail.platform.axon.ProcessingGroups;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * At-least-once delivery: every projection takes events it has already handled without change.
 * After a story that touches every view, the read models are digested, collection by collection;
 * the events since a moment in the middle of the story are then handed to every projection again,
 * twice, and finally every projection is rebuilt from the first event. The digests never change.
 */
class ReplayTest {

    @TempDir
    static Path dataDir;

    static MutableClock clock = new MutableClock(Instant.parse("2026-03-02T08:00:00Z"));
    static CertTrailInstance app;

    @BeforeAll
    static void start() {
        app = CertTrailInstance.start(dataDir, clock);
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @Test
    void replayingASliceTwiceAndRebuildingEverythingReproduceEveryReadModel() throws Exception {
        Instant middle = story();
        Map<String, String> before = digests();
        assertThat(before.keySet())
                .contains(
                        "address_records",
                        "audit_events",
                        "audit_account_history",
                        "my_email_addresses",
                        "certificate_applications",
                        "certificate_register",
                        "suspect_bindings",
                        "partner_employees");

        List<String> projections = replayable();
        // nine query-side projections, the command side's list of approvals due and its expiry schedule
        assertThat(projections).hasSize(11).contains(ProcessingGroups.APPROVALS, ProcessingGroups.EXPIRY);
        for (int round = 1; round <= 2; round++) {
            for (String projection : projections) {
                var started = app.post(
                        "/api/operator/projections/" + projection + "/replays",
                        "operator",
                        "{\"since\":\"" + middle + "\"}");
                assertThat(started.status()).as(started.body()).isEqualTo(202);
            }
            app.awaitReplayed();
            assertThat(digests())
                    .as("after replaying the events since " + middle + ", round " + round)
                    .isEqualTo(before);
        }

        for (String projection : projections) {
            assertThat(app.post(
                                    "/api/operator/projections/" + projection + "/replays",
                                    "operator",
                                    "{\"rebuild\":true}")
                            .status())
                    .isEqualTo(202);
        }
        app.awaitReplayed();
        assertThat(digests()).as("after rebuilding every projection").isEqualTo(before);

        // the mailers act on the world: never replayed; only operators replay
        String rebuild = "{\"rebuild\":true}";
        assertThat(app.post("/api/operator/projections/mail/replays", "operator", rebuild)
                        .status())
                .isEqualTo(409);
        assertThat(app.post("/api/operator/projections/nothing/replays", "operator", rebuild)
                        .status())
                .isEqualTo(404);
        assertThat(app.post("/api/operator/projections/records/replays", "auditor", rebuild)
                        .status())
                .isEqualTo(403);
        // a rebuild clears a view: never what an empty or ambiguous request means
        assertThat(app.post("/api/operator/projections/records/replays", "operator", "")
                        .status())
                .isEqualTo(400);
        assertThat(app.post("/api/operator/projections/records/replays", "operator", "{}")
                        .status())
                .isEqualTo(400);
        assertThat(app.post(
                                "/api/operator/projections/records/replays",
                                "operator",
                                "{\"rebuild\":true,\"since\":\"2026-03-02T08:00:00Z\"}")
                        .status())
                .isEqualTo(400);
        assertThat(app.post("/api/operator/projections/records/replays", "operator", "{\"since\":\"yesterday\"}")
                        .status())
                .isEqualTo(400);
    }

    /** Touches every view: addresses, records, corrections, applications, shipment, membership, unbinding. Returns a moment in its middle. */
    private static Instant story() {
        app.associate("holder0", "replay.a@example.com");
        app.associate("holder1", "replay.b@example.com");
        postRecord("certifications", """
                {"sourceRecordId":"R-1","email":"replay.a@example.com","certificationName":"HCIA-Datacom",
                 "certificateNumber":"0700000000000000001","effectiveDate":"2025-12-02","expirationDate":"2028-12-02",
                 "renewal":false}""");
        postRecord("certifications", """
                {"sourceRecordId":"R-2","email":"replay.b@example.com","certificationName":"HCIE-Datacom",
                 "certificateNumber":"0700000000000000002","effectiveDate":"2025-12-02","expirationDate":"2028-12-02",
                 "renewal":false}""");
        postRecord("exams", """
                {"sourceRecordId":"RX-1","registrationNumber":"REG-R1","firstName":"Someone","lastName":"Else",
                 "email":"replay.a@example.com","examCode":"H12-811","examName":"HCIA-Datacom","examDate":"2026-02-20",
                 "score":800,"passed":true}""");
        clock.advance(Duration.ofMinutes(5));
        Instant middle = clock.instant();
        clock.advance(Duration.ofMinutes(5));
        postRecord("certifications", """
                {"sourceRecordId":"R-1","email":"replay.a@example.com","certificationName":"HCIA-Datacom",
                 "certificateNumber":"0700000000000000001","effectiveDate":"2025-12-02","expirationDate":"2029-06-30",
                 "renewal":true}""");
        var electronic = app.post("/api/me/certificate-applications", "holder0", """
                {"recordId":"CERT:R-1","email":"replay.a@example.com","format":"ELECTRONIC","fullName":"Holder Zero",
                 "phone":"+49 30 1234567","acceptPrivacyStatement":true}""");
        assertThat(electronic.status()).as(electronic.body()).isEqualTo(201);
        var paper = app.post("/api/me/certificate-applications", "holder1", """
                {"recordId":"CERT:R-2","email":"replay.b@example.com","format":"PAPER","fullName":"Holder One",
                 "phone":"+49 30 7654321","acceptPrivacyStatement":true,
                 "mailing":{"recipient":"Holder One","phone":"+49 30 7654321","address":"Unter den Linden 1\\nBerlin"}}""");
        assertThat(paper.status()).as(paper.body()).isEqualTo(201);
        // neither name is the holder's nor a candidate's: the office approves them by hand
        for (String id : List.of("app:CERT:R-1", "app:CERT:R-2")) {
            assertThat(app.post("/api/operator/certificate-applications/" + id + "/approval", "operator", "")
                            .status())
                    .isEqualTo(200);
        }
        assertThat(app.post(
                                "/api/operator/certificate-applications/app:CERT:R-2/shipment",
                                "operator",
                                "{\"courier\":\"DHL\",\"expressOrderNumber\":\"DHL000001\"}")
                        .status())
                .isEqualTo(200);
        assertThat(app.post("/api/me/partner-membership", "holder0", "{\"companyId\":\"partner-acme\"}")
                        .status())
                .isLessThan(300);
        Awaitility.await()
                .atMost(Duration.ofSeconds(10))
                .until(() -> app.post("/api/partner/memberships/acct-h0/approval", "partner", "")
                                .status()
                        == 200);
        app.associate("holder2", "replay.c@example.com");
        var unbound = app.post(
                "/api/operator/email-unbindings",
                "operator",
                "{\"email\":\"replay.c@example.com\",\"reason\":\"Replay test\"}");
        assertThat(unbound.status()).as(unbound.body()).isLessThan(300);
        app.awaitReplayed();
        return middle;
    }

    private static void postRecord(String kind, String json) {
        var response = app.post("/api/operator/records/" + kind, "operator", json);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
    }

    private static List<String> replayable() {
        return app.get("/api/operator/projections", "operator").json().findValues("name").stream()
                .map(JsonNode::asText)
                .filter(name -> !name.equals(ProcessingGroups.MAIL))
                .toList();
    }

    private static Map<String, String> digests() throws Exception {
        return ReadModelDigests.of(app.context.getBean(MongoTemplate.class).getDb());
    }
}
