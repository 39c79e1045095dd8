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
}
