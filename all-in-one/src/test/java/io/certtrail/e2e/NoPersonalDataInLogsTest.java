package io.certtrail.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.certtrail.e2e.CertTrailInstance.Response;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * Runs the whole story, including failures, with every log line captured, then searches the log
 * for the personal data and secrets that passed through: addresses, names, registration numbers,
 * free-text reasons, link tokens, passwords, client secrets and access tokens. None may appear.
 */
@ExtendWith(OutputCaptureExtension.class)
class NoPersonalDataInLogsTest {

    @TempDir
    Path dataDir;

    @Test
    void aFullRunLogsNoPersonalDataAndNoTokens(CapturedOutput output) {
        List<String> secrets = new ArrayList<>(List.of(
                "log-victim@example.com",
                "logs-second@example.org",
                "Zhaoxia",
                "Oyelaran",
                "REG-LOG-4711",
                "Confidential reason 8812",
                "Ruirui"));
        try (CertTrailInstance app = CertTrailInstance.start(
                dataDir,
                new MutableClock(Instant.parse("2026-03-02T08:00:00Z")),
                java.util.Map.of("logging.level.io.certtrail.access", "INFO"))) {
            app.post("/api/operator/records/exams", "operator", """
                    {"sourceRecordId":"LOG-1","registrationNumber":"REG-LOG-4711","firstName":"Zhaoxia",
                     "lastName":"Oyelaran","email":"log-victim@example.com","examCode":"H12-811",
                     "examName":"HCIA-Datacom","examDate":"2026-02-20","score":800,"passed":true}""");
            app.post("/api/operator/record-imports/exams", "operator", "text/csv", """
                    sourceRecordId,registrationNumber,firstName,lastName,email,examCode,examName,examDate,score,passed
                    LOG-2,REG-LOG-4711,Ruirui,Oyelaran,logs-second@example.org,H12-811,HCIA,2026-02-20,lots,true
                    """);
            app.post("/api/me/email-associations", "holder0", "{\"email\":\"log-victim@example.com\"}");
            String link = CertTrailInstance.linkIn(app.awaitMail("log-victim@example.com", 1));
            secrets.add(link.substring(link.lastIndexOf('/') + 1));
            app.getHtml(link);
            Response activated = app.followLink(link);
            assertThat(activated.status()).isEqualTo(200);
            app.followLink(link); // used twice: refused
            app.post("/api/me/email-associations", "holder1", """
                    {"method":"SCORE_REPORT","lastName":"Oyelaran","firstName":"Zhaoxia","registrationNumber":"REG-LOG-4711","email":"logs-second@example.org"}""");
            String second = CertTrailInstance.linkIn(app.awaitMail("logs-second@example.org", 1));
            secrets.add(second.substring(second.lastIndexOf('/') + 1));
            app.post("/api/me/email-associations", "holder2", "{\"email\":\"log-victim@example.com\",}");
            app.post("/api/me/email-associations", "holder2", "{\"email\":\"not-valid log-victim@example.com\"}");
            app.post(
                    "/api/operator/email-unbindings",
                    "operator",
                    "{\"email\":\"log-victim@example.com\",\"reason\":\"Confidential reason 8812\"}");
            app.get("/api/operator/suspect-bindings", "operator");
            app.get("/api/audit/accounts/acct-h0/events", "auditor");
            app.get("/api/me/exams", "holder0");
            // credentials pass through too: a user's password, a client's secret, access tokens
            secrets.add(CertTrailInstance.PASSWORD);
            secrets.add(app.tokenFor("holder0"));
            String clientToken = app.clientToken("exam-centre", "exam-centre-demo");
            secrets.add(clientToken);
            secrets.add("exam-centre-demo");
            app.postWithToken("/api/operator/records/exams", clientToken, "{\"sourceRecordId\":\"LOG-3\"}");
            app.clientToken("exam-centre", "wrong-secret-4431");
            secrets.add("wrong-secret-4431");
            // refusals of unknown things: each a 4xx, none worth a stack trace (the fuzzer saw 24 KB per request)
            assertThat(app.post(
                                    "/api/operator/certificate-revocations",
                                    "operator",
                                    "{\"recordId\":\"CERT:NEVER-RECORDED\",\"reason\":\"checking\"}")
                            .status())
                    .isEqualTo(404);
            assertThat(app.put(
                                    "/api/me/certificate-applications/app:CERT:NEVER-RECORDED/mailing-information",
                                    "holder0",
                                    "{\"recipient\":\"Li Wan\",\"phone\":\"+86 10 1234 5678\",\"address\":\"1 Road\"}")
                            .status())
                    .isBetween(400, 499);
            assertThat(app.post(
                                    "/api/operator/email-unbindings",
                                    "operator",
                                    "{\"email\":\"never-bound@example.com\",\"reason\":\"checking\"}")
                            .status())
                    .isEqualTo(409);
            assertThat(app.post(
                                    "/api/operator/certificate-applications/app:CERT:NEVER-RECORDED/approval",
                                    "operator",
                                    "{}")
                            .status())
                    .isEqualTo(404);
        }
        String log = output.getAll();
        assertThat(log).contains("Tomcat started on port"); // the capture did see the application
        // the request log names routes, not paths: the link was followed, its token is not written
        assertThat(log).contains("POST /email-links/{token} 200").contains("POST /api/me/email-associations 202");
        assertThat(log).as("a stack trace in the log").doesNotContainPattern("\\n\\s+at [a-z][\\w.$]+\\(");
        for (String secret : secrets) {
            assertThat(log).as("the log mentions a secret or personal datum").doesNotContain(secret);
        }
    }
}
