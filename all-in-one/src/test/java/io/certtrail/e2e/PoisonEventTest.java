package io.certtrail.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.certtrail.events.records.CertificationRecorded;
import io.certtrail.platform.axon.ProcessingGroups;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A projection that fails on one event parks it, with the rest of its sequence, in the
 * dead-letter queue; every other record and every other projection keeps flowing; the operator
 * sees the parked events and, once the fault is fixed, retries them into the view.
 */
class PoisonEventTest {

    /** A handler in the records projection with a bug: it fails on one record while {@link #failOn} names it. */
    @ProcessingGroup(ProcessingGroups.RECORDS)
    static class FaultyRecordsHandler {

        static volatile String failOn;

        @EventHandler
        void on(CertificationRecorded event) {
            if (event.recordId().equals(failOn)) {
                throw new IllegalStateException("Simulated bug in the records projection");
            }
        }
    }

    @TempDir
    Path dataDir;

    @Test
    void aFailingEventIsParkedVisibleAndRetriedWhileEverythingElseFlows() {
        FaultyRecordsHandler.failOn = "CERT:P-2";
        try (CertTrailInstance app = CertTrailInstance.start(
                dataDir,
                new MutableClock(Instant.parse("2026-03-02T08:00:00Z")),
                Map.of(),
                FaultyRecordsHandler.class)) {
            app.associate("holder0", "poison@example.com");
            for (int n = 1; n <= 3; n++) {
                assertThat(app.post("/api/operator/records/certifications", "operator", certification(n, "2029-01-01"))
                                .status())
                        .isEqualTo(200);
            }

            // the records after the poisoned one arrive; the poisoned one does not
            Awaitility.await()
                    .atMost(Duration.ofSeconds(30))
                    .until(() -> certificates(app).contains("0800000000000000003=2029-01-01"));
            app.awaitProjectionsAtHead();
            assertThat(certificates(app))
                    .containsExactlyInAnyOrder("0800000000000000001=2029-01-01", "0800000000000000003=2029-01-01");
            // the other projections have it: the audit view matches the store
            JsonNode audit = app.get("/api/audit/aggregates/CERT:P-2/consistency", "auditor")
                    .json();
            assertThat(audit.get("consistent").asBoolean()).as(audit.toString()).isTrue();

            // the operator sees what is parked, where, and why; nobody else does
            JsonNode records = parked(app, ProcessingGroups.RECORDS);
            assertThat(records.get("sequences").asLong()).isEqualTo(1);
            assertThat(records.get("letters").asLong()).isEqualTo(1);
            JsonNode sequence = records.get("parked").get(0);
            assertThat(sequence.get("sequence").asText()).isEqualTo("CERT:P-2");
            JsonNode letter = sequence.get("shown").get(0);
            assertThat(letter.get("eventType").asText()).isEqualTo("CertificationRecorded");
            assertThat(letter.get("aggregateId").asText()).isEqualTo("CERT:P-2");
            assertThat(letter.get("causeType").asText()).isEqualTo(IllegalStateException.class.getName());
            assertThat(letter.get("causeMessage").asText()).contains("Simulated bug");
            assertThat(letter.toString()).doesNotContain("poison@example.com");
            assertThat(app.get("/api/operator/dead-letters", "auditor").status())
                    .isEqualTo(403);
            assertThat(app.get("/api/operator/dead-letters", "holder0").status())
                    .isEqualTo(403);
            // every projection parks its failures: each processor but the command side's has a queue (the
            // mailer and the approvals' list retry: a transient outage must not skip a mail or an approval)
            List<String> groups = new ArrayList<>();
            app.get("/api/operator/dead-letters", "operator")
                    .json()
                    .forEach(group -> groups.add(group.get("processingGroup").asText()));
            List<String> projections = new ArrayList<>();
            app.get("/api/operator/projections", "operator")
                    .json()
                    .get("processors")
                    .forEach(processor -> {
                        if (!ProcessingGroups.COMMAND_SIDE.contains(
                                processor.get("name").asText())) {
                            projections.add(processor.get("name").asText());
                        }
                    });
            assertThat(groups)
                    .hasSize(ProcessingGroups.PROJECTIONS.size())
                    .containsExactlyInAnyOrderElementsOf(projections);

            // a correction of the parked record waits behind it, in order
            assertThat(app.post("/api/operator/records/certifications", "operator", certification(2, "2030-06-30"))
                            .status())
                    .isEqualTo(200);
            Awaitility.await()
                    .atMost(Duration.ofSeconds(30))
                    .until(() ->
                            parked(app, ProcessingGroups.RECORDS).get("letters").asLong() == 2);

            // retried before the fix: still parked, with the cause
            JsonNode early = app.post("/api/operator/dead-letters/records/retries", "operator", "")
                    .json();
            assertThat(early.get("recovered").asInt()).isZero();
            assertThat(early.get("stillParked").asLong()).isEqualTo(2);

            // fixed and retried: both events, in order, into the view
            FaultyRecordsHandler.failOn = null;
            JsonNode retried = app.post("/api/operator/dead-letters/records/retries", "operator", "")
                    .json();
            assertThat(retried.get("sequencesTried").asInt()).isEqualTo(1);
            assertThat(retried.get("recovered").asInt()).isEqualTo(1);
            assertThat(retried.get("stillParked").asLong()).isZero();
            assertThat(certificates(app))
                    .containsExactlyInAnyOrder(
                            "0800000000000000001=2029-01-01",
                            "0800000000000000002=2030-06-30",
                            "0800000000000000003=2029-01-01");
            assertThat(parked(app, ProcessingGroups.RECORDS).get("sequences").asLong())
                    .isZero();

            // and the sequence flows live again
            assertThat(app.post("/api/operator/records/certifications", "operator", certification(2, "2031-01-31"))
                            .status())
                    .isEqualTo(200);
            Awaitility.await()
                    .atMost(Duration.ofSeconds(30))
                    .until(() -> certificates(app).contains("0800000000000000002=2031-01-31"));
            assertThat(app.post("/api/operator/dead-letters/nothing-here/retries", "operator", "")
                            .status())
                    .isEqualTo(404);
        } finally {
            FaultyRecordsHandler.failOn = null;
        }
    }

    private static String certification(int n, String expires) {
        return """
                {"sourceRecordId":"P-%d","email":"poison@example.com","certificationName":"HCIA-Datacom",
                 "certificateNumber":"080000000000000000%d","effectiveDate":"2025-12-02","expirationDate":"%s",
                 "renewal":false}""".formatted(n, n, expires);
    }

    private static List<String> certificates(CertTrailInstance app) {
        List<String> shown = new ArrayList<>();
        app.get("/api/me/certificates?size=100", "holder0")
                .json()
                .get("items")
                .forEach(item -> shown.add(item.get("certificateNumber").asText() + "="
                        + item.get("expirationDate").asText()));
        return shown;
    }

    private static JsonNode parked(CertTrailInstance app, String group) {
        for (JsonNode candidate :
                app.get("/api/operator/dead-letters", "operator").json()) {
            if (candidate.get("processingGroup").asText().equals(group)) {
                return candidate;
            }
        }
        throw new AssertionError("no dead-letter queue for " + group);
    }
}
