package io.certtrail.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.certtrail.e2e.CertTrailInstance.Response;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * Rule 30 over HTTP and SMTP: Chinese and English. The holder's choice decides, else the request's
 * Accept-Language, else English: a Chinese problem document, a Chinese mail through SMTP, the
 * verification page in Chinese in the browser.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LanguagesStoryTest {

    @TempDir
    static Path dataDir;

    static MutableClock clock = new MutableClock(Instant.parse("2026-03-02T08:00:00Z"));
    static CertTrailInstance app;

    @BeforeAll
    static void start() {
        app = CertTrailInstance.start(dataDir, clock);
        Response recorded = app.post("/api/operator/records/certifications", "operator", """
                {"sourceRecordId":"LANG-1","email":"yu.lan@example.com","certificationName":"HCIA-Datacom",
                 "certificateNumber":"0101001099000000801","effectiveDate":"2025-06-02","expirationDate":"2028-06-02"}""");
        assertThat(recorded.status()).as(recorded.body()).isEqualTo(200);
        app.awaitProjectionsAtHead();
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @Test
    @Order(1)
    void aProblemDocumentIsInTheLanguageTheRequestAsksFor() {
        Response chinese = app.getIn("zh-CN,zh;q=0.9,en;q=0.5", "/api/public/certificates/no:such", null);
        assertThat(chinese.status()).isEqualTo(400);
        assertThat(chinese.contentType()).startsWith("application/problem+json");
        JsonNode problem = chinese.json();
        assertThat(problem.get("title").asText()).isEqualTo("输入无效");
        assertThat(problem.get("detail").asText()).isEqualTo("证书编号由 1 至 64 个字母、数字、点、连字符或下划线组成。");
        assertThat(problem.get("code").asText()).isEqualTo("INVALID_INPUT"); // the code stays the same

        Response english = app.getIn("fr-FR,en;q=0.5", "/api/public/certificates/no:such", null);
        assertThat(english.json().get("title").asText()).isEqualTo("Invalid input");

        // a signed-out request refused by the security filters answers in the asked language too
        Response unauthenticated = app.getIn("zh-CN", "/api/me/email-addresses", null);
        assertThat(unauthenticated.status()).isEqualTo(401);
        assertThat(unauthenticated.json().get("title").asText()).isEqualTo("未认证");
    }

    @Test
    @Order(2)
    void theHoldersChoiceDecidesOverTheRequestAndMailsGoInIt() throws Exception {
        Response chosen = app.put("/api/me/language", "holder2", "{\"language\":\"zh-CN\"}");
        assertThat(chosen.status()).as(chosen.body()).isEqualTo(200);
        Awaitility.await()
                .atMost(Duration.ofSeconds(10))
                .until(() -> "zh-CN"
                        .equals(app.get("/api/me/email-addresses", "holder2")
                                .json()
                                .path("language")
                                .asText()));

        // an English request of a holder who chose Chinese gets Chinese
        Response refused = app.getIn("en", "/api/me/activity?days=1000", "holder2");
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().get("title").asText()).isEqualTo("输入无效");
        assertThat(refused.json().get("detail").asText()).isEqualTo("days 为 1 至 366。");

        // the activation mail arrives in Chinese through SMTP
        int before = app.mailsTo("yu.lan@example.com").size();
        Response asked = app.post("/api/me/email-associations", "holder2", "{\"email\":\"yu.lan@example.com\"}");
        assertThat(asked.status()).as(asked.body()).isEqualTo(202);
        MimeMessage mail = app.awaitMail("yu.lan@example.com", before + 1);
        assertThat(mail.getSubject()).isEqualTo("激活您的电子邮件地址关联");
        assertThat(CertTrailInstance.text(mail)).contains("要完成关联，请打开此链接").contains("/email-links/");

        // documents too: the transcript's labels are Chinese, the records as they were written
        java.net.http.HttpResponse<byte[]> transcript = app.getBytes("/api/me/transcript.pdf", "holder2");
        assertThat(transcript.statusCode()).isEqualTo(200);
        try (org.apache.pdfbox.pdmodel.PDDocument pdf = org.apache.pdfbox.Loader.loadPDF(transcript.body())) {
            assertThat(new org.apache.pdfbox.text.PDFTextStripper().getText(pdf))
                    .contains("成绩单")
                    .contains("证书")
                    .doesNotContain("TRANSCRIPT");
        }

        // a language CertTrail does not speak is refused, in the holder's language
        Response unknown = app.put("/api/me/language", "holder2", "{\"language\":\"fr\"}");
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.json().get("detail").asText()).startsWith("language 为 zh-CN 或 en");
    }

    @Test
    @Order(3)
    void theVerificationPageIsInChineseInAChineseBrowser() throws Exception {
        Chromium chromium = Chromium.orSkip(dataDir);
        String dom = chromium.domIn("zh-CN", app.baseUrl + "/verify/0101001099000000801");
        assertThat(dom)
                .contains("lang=\"zh-CN\"")
                .contains("验证证书")
                .contains("真实有效")
                .contains("HCIA-Datacom");
        String english = chromium.domIn("en-US", app.baseUrl + "/verify/0101001099000000801");
        assertThat(english).contains("lang=\"en\"").contains("Authentic and valid");
    }
}
