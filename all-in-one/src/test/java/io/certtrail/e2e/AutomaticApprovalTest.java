package io.certtrail.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.certtrail.e2e.CertTrailInstance.Response;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The certification office's work that needs no hands: an early application is approved on its day
 * by the durable sweep, also when the application was down when the day came, and the office sees
 * what still waits and why.
 */
class AutomaticApprovalTest {

    @TempDir
    Path dataDir;

    private static void certification(CertTrailInstance app, String id, String email, String number, String effective) {
        Response recorded = app.post(
                "/api/operator/records/certifications", "operator", """
                {"sourceRecordId":"%s","email":"%s","certificationName":"HCIA-Datacom","certificateNumber":"%s",
                 "effectiveDate":"%s","expirationDate":"2029-03-02","renewal":true}""".formatted(id, email, number, effective));
        assertThat(recorded.status()).as(recorded.body()).isEqualTo(200);
        // the exam the holder sat as Wan Li with that address: the name they print is theirs
        Response sat = app.post("/api/operator/records/exams", "operator", """
                {"sourceRecordId":"SAT-%s","registrationNumber":"REG-SAT-%s","firstName":"Wan","lastName":"Li",
                 "email":"%s","examCode":"H12-811","examName":"HCIA-Datacom","examDate":"2026-01-20","score":800,
                 "passed":true}""".formatted(id, id, email));
        assertThat(sat.status()).as(sat.body()).isEqualTo(200);
        app.awaitProjectionsAtHead();
    }

    /** Printed as the exam candidate's name, family name first: no review by the office. */
    private static Response apply(CertTrailInstance app, String user, String recordId, String email) {
        return app.postAsIs("/api/me/certificate-applications", user, """
                {"recordId":"%s","email":"%s","format":"ELECTRONIC","fullName":"Li Wan","phone":"+86 139 2522 2157",
                 "acceptPrivacyStatement":true}""".formatted(recordId, email));
    }

    private static JsonNode waiting(CertTrailInstance app) {
        Response list = app.get("/api/operator/certificate-applications/waiting", "operator");
        assertThat(list.status()).as(list.body()).isEqualTo(200);
        return list.json();
    }

    private static void awaitStatus(CertTrailInstance app, String user, String applicationId, String status) {
        Awaitility.await()
                .atMost(Duration.ofSeconds(20))
                .until(() -> status.equals(app.get("/api/me/certificate-applications/" + applicationId, user)
                        .json()
                        .get("status")
                        .asText()));
    }

    @Test
    void anEarlyApplicationIsApprovedOnItsDayAlsoAfterARestartThatFallsOnIt() throws Exception {
        MutableClock clock = new MutableClock(Instant.parse("2026-03-02T08:00:00Z")); // Monday
        String first;
        try (CertTrailInstance app = CertTrailInstance.start(dataDir, clock)) {
            certification(app, "AA-1", "early.one@example.com", "0101001099000000201", "2026-03-02");
            app.associate("holder1", "early.one@example.com");
            Response applied = apply(app, "holder1", "CERT:AA-1", "early.one@example.com");
            assertThat(applied.json().get("status").asText()).as(applied.body()).isEqualTo("REQUESTED");
            first = applied.json().get("applicationId").asText();
            Awaitility.await()
                    .atMost(Duration.ofSeconds(10))
                    .until(() -> waiting(app).get("count").asInt() == 1);
            JsonNode waits = waiting(app).get("applications").get(0);
            assertThat(waits.get("applicationId").asText()).isEqualTo(first);
            assertThat(waits.get("reason").asText()).isEqualTo("NOT_YET_ITS_DAY");
            assertThat(waits.get("availableFrom").asText()).isEqualTo("2026-03-03");
            app.awaitProjectionsAtHead();
        }

        // down over night; the first sweep after the start approves it
        clock.advance(Duration.ofDays(1));
        try (CertTrailInstance app =
                CertTrailInstance.start(dataDir, clock, Map.of("certtrail.approvals.sweep-interval", "PT1S"))) {
            awaitStatus(app, "holder1", first, "APPROVED");
            assertThat(app.get("/api/me/certificate-applications/" + first, "holder1")
                            .json()
                            .get("downloadUrl")
                            .asText())
                    .endsWith("/certificate.pdf");
            // this instance's mailbox is new: the approval is its first mail
            assertThat(CertTrailInstance.text(app.awaitMail("early.one@example.com", 1)))
                    .contains("has been approved");
            Awaitility.await()
                    .atMost(Duration.ofSeconds(10))
                    .until(() -> waiting(app).get("count").asInt() == 0);
            JsonNode history = app.get("/api/audit/events?applicationId=" + first + "&order=oldest", "auditor")
                    .json();
            assertThat(history.toString())
                    .contains("CertificateApproved")
                    .contains("certtrail-automatic-approvals")
                    .contains("SYSTEM");

            // and while running: applied on Tuesday, approved on Wednesday without anyone's hand
            certification(app, "AA-2", "early.two@example.com", "0101001099000000202", "2026-03-03");
            app.associate("holder2", "early.two@example.com");
            String second = apply(app, "holder2", "CERT:AA-2", "early.two@example.com")
                    .json()
                    .get("applicationId")
                    .asText();
            Awaitility.await()
                    .atMost(Duration.ofSeconds(10))
                    .until(() -> waiting(app).get("count").asInt() == 1);
            // a revoked one waits for ever, and says why
            certification(app, "AA-3", "early.three@example.com", "0101001099000000203", "2026-03-03");
            app.associate("holder3", "early.three@example.com");
            String third = apply(app, "holder3", "CERT:AA-3", "early.three@example.com")
                    .json()
                    .get("applicationId")
                    .asText();
            assertThat(app.post(
                                    "/api/operator/certificate-revocations",
                                    "operator",
                                    "{\"recordId\":\"CERT:AA-3\",\"reason\":\"Issued in error\"}")
                            .status())
                    .isEqualTo(200);
            // a name that is not the holder's waits for the office, whatever the day
            certification(app, "AA-4", "early.four@example.com", "0101001099000000204", "2026-03-03");
            app.associate("holder4", "early.four@example.com");
            String fourth = app.postAsIs("/api/me/certificate-applications", "holder4", """
                    {"recordId":"CERT:AA-4","email":"early.four@example.com","format":"ELECTRONIC",
                     "fullName":"Somebody Else","phone":"+86 139 2522 2157","acceptPrivacyStatement":true}""")
                    .json()
                    .get("applicationId")
                    .asText();
            clock.advance(Duration.ofDays(1));
            awaitStatus(app, "holder2", second, "APPROVED");
            Awaitility.await()
                    .atMost(Duration.ofSeconds(10))
                    .until(() -> waiting(app).get("count").asInt() == 2);
            JsonNode left = waiting(app).get("applications").get(0);
            assertThat(left.get("applicationId").asText()).isEqualTo(third);
            assertThat(left.get("reason").asText()).isEqualTo("CERTIFICATE_REVOKED");
            JsonNode named = waiting(app).get("applications").get(1);
            assertThat(named.get("applicationId").asText()).isEqualTo(fourth);
            assertThat(named.get("reason").asText()).isEqualTo("NAME_REVIEW");
            // sweeps come and go (one a second here): it stays; once the office accepts a corrected name, a
            // sweep approves it
            Thread.sleep(2_500);
            assertThat(app.get("/api/me/certificate-applications/" + fourth, "holder4")
                            .json()
                            .get("status")
                            .asText())
                    .isEqualTo("REQUESTED");
            assertThat(app.post(
                                    "/api/me/certificate-applications/" + fourth + "/printed-name-correction",
                                    "holder4",
                                    "{\"fullName\":\"Wan Li\"}")
                            .status())
                    .isEqualTo(200);
            assertThat(app.post(
                                    "/api/operator/certificate-applications/" + fourth
                                            + "/printed-name-correction/decision",
                                    "operator",
                                    "{\"approve\":true}")
                            .status())
                    .isEqualTo(200);
            awaitStatus(app, "holder4", fourth, "APPROVED");
            Awaitility.await()
                    .atMost(Duration.ofSeconds(10))
                    .until(() -> waiting(app).get("count").asInt() == 1);
            assertThat(app.get("/api/me/certificate-applications/" + third, "holder3")
                            .json()
                            .get("status")
                            .asText())
                    .isEqualTo("REQUESTED");
            // the office's list is the office's
            assertThat(app.get("/api/operator/certificate-applications/waiting", "holder1")
                            .status())
                    .isEqualTo(403);
        }
    }
}
