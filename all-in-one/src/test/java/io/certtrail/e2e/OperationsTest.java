package io.certtrail.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.certtrail.e2e.CertTrailInstance.Response;
import io.certtrail.platform.axon.ProcessingGroups;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What operators and API users see of the running system besides the API itself. */
class OperationsTest {

    @TempDir
    static Path dataDir;

    static CertTrailInstance app;

    @BeforeAll
    static void start() {
        app = CertTrailInstance.start(dataDir, Clock.systemUTC());
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @Test
    void oneOpenApiDocumentDescribesBothSidesAndSwaggerUiShowsIt() {
        Response docs = app.get("/v3/api-docs", null);
        assertThat(docs.status()).isEqualTo(200);
        assertThat(docs.json().get("paths").has("/api/me/email-associations")).isTrue();
        assertThat(docs.json().get("paths").has("/api/me/email-addresses")).isTrue();
        assertThat(app.getHtml(app.baseUrl + "/swagger-ui/index.html").status()).isEqualTo(200);
    }

    @Test
    void theRequestsCorrelationIdIsAnsweredAndIsTheAuditedCorrelationOfItsEvents() {
        String correlation = "portal-req-20261122-0001";
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(app.baseUrl + "/api/me/email-associations"))
                .header("Authorization", "Bearer " + app.tokenFor("holder3"))
                .header("Content-Type", "application/json")
                .header("X-Correlation-Id", correlation)
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"email\":\"traced@example.com\",\"acceptPrivacyStatement\":true,\"verification\":"
                                + app.solvedChallenge("holder3") + "}"));
        Response answered = app.send(request);
        assertThat(answered.status()).as(answered.body()).isEqualTo(202);
        assertThat(answered.headers().firstValue("X-Correlation-Id")).contains(correlation);

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            JsonNode items = app.get("/api/audit/events?accountId=acct-h3&size=50", "auditor")
                    .json()
                    .get("items");
            assertThat(items).anySatisfy(event -> {
                assertThat(event.get("type").asText()).isEqualTo("EmailAssociationRequested");
                assertThat(event.get("correlationId").asText()).isEqualTo(correlation);
            });
        });

        // anything but a plain token is replaced, so nobody can write into the logs through it
        Response replaced = app.send(HttpRequest.newBuilder(URI.create(app.baseUrl + "/api/public/certificates/0"))
                .header("X-Correlation-Id", "evil\" injected=1")
                .GET());
        assertThat(replaced.headers().firstValue("X-Correlation-Id").orElseThrow())
                .matches("[0-9a-f-]{36}");
    }

    /** The same figures feed the Prometheus gauge certtrail_processor_lag_events (services only). */
    @Test
    void processorsWithNoHandlerForTheNewestEventsReadNothingBehind() {
        // record events: the mailers and the address view have no handler for them
        for (int i = 0; i < 5; i++) {
            assertThat(app.post("/api/operator/records/exams", "operator", """
                    {"sourceRecordId":"LAG-%d","registrationNumber":"REG-LAG-%d","firstName":"Ruirui","lastName":"Li",
                     "email":"lag%d@example.org","examCode":"H12-811","examName":"HCIA-Datacom","examDate":"2026-02-27",
                     "score":900,"passed":true}""".formatted(i, i, i))
                            .status())
                    .isEqualTo(200);
        }
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode projections =
                    app.get("/api/operator/projections", "operator").json();
            assertThat(projections.get("processors"))
                    .extracting(p -> p.get("name").asText())
                    .contains(ProcessingGroups.MAIL, ProcessingGroups.MY_EMAIL_ADDRESSES, ProcessingGroups.RECORDS);
            assertThat(projections.get("processors")).allSatisfy(processor -> {
                assertThat(processor.get("behind").asLong())
                        .as(processor.toString())
                        .isZero();
                assertThat(processor.get("caughtUp").asBoolean())
                        .as(processor.toString())
                        .isTrue();
            });
        });
    }

    @Test
    void errorsTheFrameworkDetectsAreProblemDocumentsWithACode() {
        for (String method : List.of("GET", "POST")) {
            Response error = app.send(HttpRequest.newBuilder(URI.create(app.baseUrl + "/error"))
                    .method(method, HttpRequest.BodyPublishers.noBody()));
            assertThat(error.status()).as(method + " /error").isEqualTo(404);
            assertThat(error.contentType()).startsWith("application/problem+json");
            assertThat(error.json().get("code").asText()).isEqualTo("NOT_FOUND");
        }
        // TRACE: refused, never echoed, and Allow names what the resource really takes
        Response trace = app.send(HttpRequest.newBuilder(URI.create(app.baseUrl + "/api/public/certificates/1"))
                .header("Authorization", "Bearer secret-that-must-not-echo")
                .method("TRACE", HttpRequest.BodyPublishers.noBody()));
        assertThat(trace.status()).isEqualTo(405);
        assertThat(trace.contentType()).startsWith("application/problem+json");
        assertThat(trace.json().get("code").asText()).isEqualTo("METHOD_NOT_ALLOWED");
        assertThat(trace.json().get("type").asText()).endsWith("/invalid-request");
        assertThat(trace.body()).doesNotContain("secret-that-must-not-echo");
        assertThat(trace.headers().firstValue("Allow").orElseThrow()).isEqualTo("GET, HEAD, OPTIONS");

        Response wrongMethod = app.send(app.requestAs("/api/me/email-addresses", "holder1")
                .method("DELETE", HttpRequest.BodyPublishers.noBody()));
        assertThat(wrongMethod.status()).isEqualTo(405);
        assertThat(wrongMethod.json().get("code").asText()).isEqualTo("METHOD_NOT_ALLOWED");
        assertThat(wrongMethod.headers().firstValue("Allow").orElseThrow()).doesNotContain("PUT", "DELETE");
        Response wrongType = app.post("/api/operator/certificate-revocations", "operator", "text/plain", "x");
        assertThat(wrongType.status()).isEqualTo(415);
        assertThat(wrongType.json().get("code").asText()).isEqualTo("UNSUPPORTED_MEDIA_TYPE");

        // a bad moment in the audit search says what to give, not which Java type failed
        Response badFrom = app.get("/api/audit/events?from=yesterday", "auditor");
        assertThat(badFrom.status()).isEqualTo(400);
        assertThat(badFrom.body()).contains("2026-12-02T08:00:00Z").doesNotContain("java.");

        // the same key twice: refused, not "the last one wins"
        Response twice = app.postAsIs(
                "/api/operator/certificate-revocations",
                "operator",
                "{\"recordId\":\"CERT:A-1\",\"recordId\":\"CERT:B-2\",\"reason\":\"checking\"}");
        assertThat(twice.status()).isEqualTo(400);
        assertThat(twice.json().get("code").asText()).isEqualTo("INVALID_INPUT");

        // the demo token endpoint is for programs: a missing password is a 401 whatever they accept
        Response token = app.send(HttpRequest.newBuilder(URI.create(app.baseUrl + "/dev/tokens"))
                .header("Accept", "text/html")
                .POST(HttpRequest.BodyPublishers.noBody()));
        assertThat(token.status()).isEqualTo(401);
    }

    @Test
    void theLinkPageNamesItsAddressAndLeadsOnAndMailsSayWhenLinksExpireAsPeopleWriteIt() {
        Response asked = app.post("/api/me/email-associations", "holder2", "{\"email\":\"Page.Reader@example.com\"}");
        assertThat(asked.status()).as(asked.body()).isEqualTo(202);
        var mail = app.awaitMail("page.reader@example.com", 1);
        assertThat(CertTrailInstance.text(mail))
                .containsPattern("expires at [0-9]{1,2} [A-Z][a-z]+ 20[0-9]{2}, [0-9]{2}:[0-9]{2} UTC")
                .doesNotContainPattern("T[0-9]{2}:[0-9]{2}:[0-9]{2}");
        String link = CertTrailInstance.linkIn(mail);
        Response page = app.getHtml(link);
        assertThat(page.body()).contains("page.reader@example.com").contains("<button");
        Response done = app.send(HttpRequest.newBuilder(URI.create(link))
                .header("Accept", "text/html")
                .POST(HttpRequest.BodyPublishers.noBody()));
        assertThat(done.body()).contains("Associated").contains("href=\"http://localhost:3000/\"");

        // the mail catcher lists the newest mail first, whichever mailbox it went to
        app.post("/api/me/email-associations", "holder2", "{\"email\":\"aaa-newest@example.com\"}");
        app.awaitMail("aaa-newest@example.com", 1);
        assertThat(app.get("/dev/mails", null).json().get(0).get("to").get(0).asText())
                .isEqualTo("aaa-newest@example.com");
    }
}
