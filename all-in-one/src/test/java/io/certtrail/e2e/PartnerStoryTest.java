package io.certtrail.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.certtrail.e2e.CertTrailInstance.Response;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Rule 10 over real HTTP: employees join partner companies, administrators see their own
 * company's employees and nothing of any other company, whatever they send.
 */
class PartnerStoryTest {

    @TempDir
    static Path dataDir;

    static MutableClock clock = new MutableClock(Instant.parse("2026-03-02T08:00:00Z"));
    static CertTrailInstance app;

    @BeforeAll
    static void start() {
        app = CertTrailInstance.start(dataDir, clock);
        // holder8 works for acme, holder9 for globex; each with a certificate
        employee(
                "holder8", "acme.engineer@example.com", "A-1", "HCIA-Datacom", "2026-03-20", "partner-acme", "partner");
        employee(
                "holder9",
                "globex.engineer@example.com",
                "G-1",
                "HCIP-Security",
                "2029-01-01",
                "partner-globex",
                "partner2");
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    private static void employee(
            String user, String email, String certificate, String name, String expires, String company, String admin) {
        app.post("/api/operator/records/certifications", "operator", """
                {"sourceRecordId":"%s","email":"%s","certificationName":"%s","certificateNumber":"N-%s",
                 "effectiveDate":"2025-01-06","expirationDate":"%s","renewal":false}""".formatted(
                        certificate, email, name, certificate, expires));
        app.associate(user, email);
        Response asked = app.post("/api/me/partner-membership", user, "{\"companyId\":\"" + company + "\"}");
        assertThat(asked.status()).as(asked.body()).isEqualTo(202);
        String accountId = "acct-h" + user.substring("holder".length());
        Awaitility.await()
                .atMost(Duration.ofSeconds(10))
                .until(() -> app.get("/api/partner/membership-requests", admin)
                        .body()
                        .contains(accountId));
        Response approved = app.post("/api/partner/memberships/" + accountId + "/approval", admin, "");
        assertThat(approved.status()).as(approved.body()).isEqualTo(200);
        Awaitility.await()
                .atMost(Duration.ofSeconds(10))
                .until(() -> employees(admin, "").toString().contains("N-" + certificate));
    }

    private static JsonNode employees(String admin, String query) {
        Response response = app.get("/api/partner/employees" + query, admin);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    @Test
    void anAdministratorSeesTheirEmployeesWithFiltersCountsAndAnExport() {
        JsonNode page = employees("partner", "");
        assertThat(page.get("employees").get("items"))
                .extracting(e -> e.get("accountId").asText())
                .containsExactly("acct-h8");
        JsonNode row = page.get("employees").get("items").get(0);
        assertThat(row.get("firstName").asText()).isEqualTo("Holder8");
        assertThat(row.get("emails").get(0).asText()).isEqualTo("acme.en****@example.com");
        assertThat(row.get("certifications").get(0).get("status").asText()).isEqualTo("VALID");
        assertThat(page.get("validCertifications").get("HCIA-Datacom").asLong()).isEqualTo(1);
        // by the catalogue's track and level
        assertThat(page.get("validByTrackAndLevel")
                        .get("Datacom")
                        .get("ASSOCIATE")
                        .asLong())
                .isEqualTo(1);

        assertThat(employees("partner", "?expiresWithinDays=30")
                        .get("employees")
                        .get("totalElements")
                        .asLong())
                .isEqualTo(1);
        assertThat(employees("partner", "?certification=HCIP-Security")
                        .get("employees")
                        .get("totalElements")
                        .asLong())
                .isZero();
        assertThat(employees("partner", "?status=EXPIRED")
                        .get("employees")
                        .get("totalElements")
                        .asLong())
                .isZero();
        assertThat(app.get("/api/partner/employees?status=MAYBE", "partner").status())
                .isEqualTo(400);
        assertThat(app.get("/api/partner/employees?sort=salary", "partner").status())
                .isEqualTo(400);
        assertThat(app.get("/api/partner/employees?expiresWithinDays=-1", "partner")
                        .status())
                .isEqualTo(400);

        Response csv = app.get("/api/partner/employees.csv", "partner");
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.contentType()).startsWith("text/csv");
        List<String[]> lines = new ArrayList<>();
        for (String line : csv.body().split("\r\n")) {
            lines.add(line.split(",", -1));
        }
        assertThat(lines.get(0))
                .containsExactly(
                        "accountId",
                        "lastName",
                        "firstName",
                        "memberSince",
                        "kind",
                        "name",
                        "code",
                        "date",
                        "expirationDate",
                        "status",
                        "revokedAt");
        assertThat(lines).hasSize(2);
        assertThat(lines.get(1))
                .containsSubsequence("acct-h8", "Test", "Holder8")
                .contains("CERTIFICATION", "HCIA-Datacom", "N-A-1", "2026-03-20", "VALID");
    }

    @Test
    void aRevokedCertificateReadsRevokedWithItsDateInTheViewAndTheExport() {
        employee(
                "holder12",
                "acme.revoked@example.com",
                "A-12",
                "HCIP-Datacom",
                "2027-03-20",
                "partner-acme",
                "partner");
        Response revoked = app.post(
                "/api/operator/certificate-revocations",
                "operator",
                "{\"recordId\":\"CERT:A-12\",\"reason\":\"Exam result annulled\"}");
        assertThat(revoked.status()).as(revoked.body()).isEqualTo(200);
        Awaitility.await()
                .atMost(Duration.ofSeconds(10))
                .until(() -> employees("partner", "?status=REVOKED")
                                .get("employees")
                                .get("totalElements")
                                .asLong()
                        == 1);
        JsonNode certification = employees("partner", "?status=REVOKED")
                .get("employees")
                .get("items")
                .get(0)
                .get("certifications")
                .get(0);
        assertThat(certification.get("certificateNumber").asText()).isEqualTo("N-A-12");
        assertThat(certification.get("status").asText()).isEqualTo("REVOKED");
        assertThat(certification.get("revokedAt").asText())
                .isEqualTo(clock.instant().toString());
        assertThat(app.get("/api/partner/employees.csv", "partner").body())
                .contains("CERTIFICATION,HCIP-Datacom,N-A-12,2025-01-06,2027-03-20,REVOKED," + clock.instant());
        // leaves again, so the other tests see the company as they left it
        assertThat(app.post("/api/me/partner-membership/ending", "holder12", "{}")
                        .status())
                .isEqualTo(200);
        Awaitility.await()
                .atMost(Duration.ofSeconds(10))
                .until(() -> !employees("partner", "").toString().contains("acct-h12"));
    }

    @Test
    void aCompanyStopsSeeingAnEmployeeWhoLeaves() {
        employee("holder7", "leaver@example.com", "L-1", "HCIA-Datacom", "2029-01-01", "partner-acme", "partner");
        Response left = app.post("/api/me/partner-membership/ending", "holder7", "{\"reason\":\"New job\"}");
        assertThat(left.status()).as(left.body()).isEqualTo(200);
        Awaitility.await()
                .atMost(Duration.ofSeconds(10))
                .until(() -> !employees("partner", "").toString().contains("acct-h7"));
        assertThat(app.get("/api/me/partner-membership", "holder7")
                        .json()
                        .get("companyId")
                        .isNull())
                .isTrue();
        assertThat(app.post("/api/me/partner-membership/ending", "holder7", "{}")
                        .status())
                .isEqualTo(404);
    }

    /**
     * An exam recorded under another address joins the employee's records once they give its score
     * report, for an address already theirs; a later correction of it reaches the view too.
     */
    @Test
    void examsBroughtByAScoreReportForAnActiveAddressShowInTheViewAndMyExams() {
        employee("holder10", "acme.scored@example.com", "S-1", "HCIA-Datacom", "2029-01-01", "partner-acme", "partner");
        String exam = """
                {"sourceRecordId":"PS-1","registrationNumber":"REG-PS-10","firstName":"Ola","lastName":"Nordmann",
                 "email":"centre-only@example.com","examCode":"H12-831","examName":"HCIP-Datacom",
                 "examDate":"2026-02-02","score":%d,"passed":true}""";
        assertThat(app.post("/api/operator/records/exams", "operator", exam.formatted(800))
                        .status())
                .isEqualTo(200);
        app.awaitProjectionsAtHead();
        Response linked = app.post("/api/me/email-associations", "holder10", """
                {"method":"SCORE_REPORT","lastName":"Nordmann","firstName":"Ola","registrationNumber":"REG-PS-10",
                 "email":"acme.scored@example.com","acceptPrivacyStatement":true}""");
        assertThat(linked.status()).as(linked.body()).isEqualTo(202);
        assertThat(linked.json().get("status").asText()).isEqualTo("SCORE_REPORT_LINKED");
        assertThat(linked.json().get("linkExpiresAt").isNull()).isTrue();
        long version = linked.json().get("accountVersion").asLong();
        JsonNode mine = app.get("/api/me/exams?minVersion=" + version, "holder10")
                .json()
                .get("items");
        assertThat(mine).extracting(e -> e.get("recordId").asText()).containsExactly("EXAM:PS-1");
        assertThat(app.get("/api/me/email-addresses", "holder10").body()).contains("REG-PS-10");
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> examScoreOf("acct-h10") == 800);

        // corrected at the centre: the view follows
        assertThat(app.post("/api/operator/records/exams", "operator", exam.formatted(820))
                        .status())
                .isEqualTo(200);
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> examScoreOf("acct-h10") == 820);
        // given again: nothing new
        Response again = app.post("/api/me/email-associations", "holder10", """
                {"method":"SCORE_REPORT","lastName":"Nordmann","firstName":"Ola","registrationNumber":"REG-PS-10",
                 "email":"acme.scored@example.com","acceptPrivacyStatement":true}""");
        assertThat(again.json().get("accountVersion").asLong()).isEqualTo(version);

        assertThat(app.post("/api/me/partner-membership/ending", "holder10", "{}")
                        .status())
                .isEqualTo(200);
        Awaitility.await()
                .atMost(Duration.ofSeconds(10))
                .until(() -> !employees("partner", "").toString().contains("acct-h10"));
    }

    /** The score of the employee's one exam in the partner view; -1 while it is not there. */
    private static int examScoreOf(String accountId) {
        for (JsonNode row : employees("partner", "").get("employees").get("items")) {
            if (row.get("accountId").asText().equals(accountId)
                    && row.get("exams").size() == 1) {
                return row.get("exams").get(0).get("score").asInt();
            }
        }
        return -1;
    }

    private record Call(String method, String path, String body) {}

    private static String integrationToken;

    private static Response send(Call call, String path, String user) {
        if (user != null && user.startsWith("client:")) {
            if (integrationToken == null) {
                integrationToken = app.clientToken("exam-centre", "exam-centre-demo");
            }
            return call.method().equals("GET")
                    ? app.getWithToken(path, integrationToken)
                    : app.postWithToken(path, integrationToken, call.body());
        }
        return call.method().equals("GET") ? app.get(path, user) : app.post(path, user, call.body());
    }

    /** Every partner endpoint x every role x own and other tenant: nothing of the other company leaks. */
    @Test
    void tenantIsolationMatrix() {
        List<Call> calls = List.of(
                new Call("GET", "/api/partner/employees", null),
                new Call("GET", "/api/partner/employees.csv", null),
                new Call("GET", "/api/partner/employees?certification=HCIP-Security", null),
                new Call("GET", "/api/partner/membership-requests", null),
                new Call("POST", "/api/partner/memberships/%s/approval", ""),
                new Call("POST", "/api/partner/memberships/%s/ending", "{\"reason\":\"probe\"}"));
        Map<String, String> callers = new LinkedHashMap<>();
        callers.put("anonymous", null);
        callers.put("holder", "holder0");
        callers.put("auditor", "auditor");
        callers.put("operator", "operator");
        callers.put("integration", "client:exam-centre");
        callers.put("acme admin", "partner");
        callers.put("globex admin", "partner2");
        Map<String, String> employeeOf = Map.of("partner", "acct-h8", "partner2", "acct-h9");
        List<String> wrong = new ArrayList<>();
        for (Call call : calls) {
            for (var caller : callers.entrySet()) {
                for (String tenant : List.of("partner", "partner2")) {
                    String target = employeeOf.get(tenant);
                    String path = call.path().formatted(target);
                    if (call.path().endsWith("/ending") && tenant.equals(caller.getValue())) {
                        continue; // ending one's own employee is allowed and tested elsewhere; do not end them here
                    }
                    Response response = send(call, path, caller.getValue());
                    boolean admin = employeeOf.containsKey(String.valueOf(caller.getValue()));
                    boolean own = tenant.equals(caller.getValue());
                    String foreign =
                            admin ? employeeOf.get(caller.getValue().equals("partner") ? "partner2" : "partner") : null;
                    int expected = caller.getValue() == null
                            ? 401
                            : !admin ? 403 : call.method().equals("GET") || own ? 200 : 404;
                    if (response.status() != expected) {
                        wrong.add(caller.getKey() + " " + call.method() + " " + path + " -> " + response.status()
                                + ", expected " + expected);
                    }
                    // a refusal echoes the path the caller sent (instance); beyond that, nothing of the other company
                    String answer = response.body().replace(path, "");
                    if (foreign != null && answer.contains(foreign)) {
                        wrong.add(caller.getKey() + " " + path + " shows " + foreign);
                    }
                    if (foreign != null
                            && answer.contains(foreign.equals("acct-h9") ? "HCIP-Security" : "HCIA-Datacom")) {
                        wrong.add(caller.getKey() + " " + path + " shows the other company's certification");
                    }
                }
            }
        }
        assertThat(wrong).isEmpty();
        // and still exactly one employee each
        assertThat(employees("partner", "").get("employees").get("items"))
                .extracting(e -> e.get("accountId").asText())
                .contains("acct-h8")
                .doesNotContain("acct-h9");
        assertThat(employees("partner2", "").get("employees").get("items"))
                .extracting(e -> e.get("accountId").asText())
                .containsExactly("acct-h9");
    }
}
