package io.certtrail.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.certtrail.e2e.CertTrailInstance.Response;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
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
                .POST(HttpRequest.BodyPublishers.ofString("{\"email\":\"traced@example.com\",\"verification\":"
                        + app.solvedChallenge("holder3") + "}"));
        Response answered = app.send(request);
        assertThat(answered.status()).as(answered.body()).isEqualTo(202);
        assertThat(answered.headers().firstValue("X-Correlation-Id")).contains(correlation);

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            JsonNode items = app.get("/api/audit/events?accountId=acct-h3&size=50", "auditor").json().get("items");
            assertThat(items).anySatisfy(event -> {
                assertThat(event.get("type").asText()).isEqualTo("EmailAssociationRequested");
                assertThat(event.get("correlationId").asText()).isEqualTo(correlation);
            });
        });

        // anything but a plain token is replaced, so nobody can write into the logs through it
        Response replaced = app.send(HttpRequest.newBuilder(URI.create(app.baseUrl + "/api/public/certificates/0"))
                .header("X-Correlation-Id", "evil\" injected=1").GET());
        assertThat(replaced.headers().firstValue("X-Correlation-Id").orElseThrow()).matches("[0-9a-f-]{36}");
    }

    @Test
    void processorsWithNoHandlerForTheNewestEventsReadNothingBehind() {
        // record events: the mailers and the address view have no handler for them
        for (int i = 0; i < 5; i++) {
            assertThat(app.post("/api/operator/records/exams", "operator", """
                    {"sourceRecordId":"LAG-%d","registrationNumber":"REG-LAG-%d","firstName":"Ruirui","lastName":"Li",
                     "email":"lag%d@example.org","examCode":"H12-811","examName":"HCIA-Datacom","examDate":"2026-02-27",
                     "score":900,"passed":true}""".formatted(i, i, i)).status()).isEqualTo(200);
        }
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode projections = app.get("/api/operator/projections", "operator").json();
            assertThat(projections.get("processors")).extracting(p -> p.get("name").asText())
                    .contains("mail", "my-email-addresses", "records");
            assertThat(projections.get("processors")).allSatisfy(processor -> {
                assertThat(processor.get("behind").asLong()).as(processor.toString()).isZero();
                assertThat(processor.get("caughtUp").asBoolean()).as(processor.toString()).isTrue();
            });
            String metrics = app.getHtml(app.baseUrl + "/actuator/prometheus").body();
            assertThat(metrics).contains("certtrail_processor_lag_events{processor=\"mail\"} 0.0");
            assertThat(metrics).doesNotContainPattern("certtrail_processor_lag_events\\{[^}]*\\} [1-9]");
        });
    }
}
