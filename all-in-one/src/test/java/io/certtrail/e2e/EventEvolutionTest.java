package io.certtrail.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code MembershipEnded} changed shape in revision 2 (two flags became one {@code ending}). A
 * history written by revision 1, stored exactly as revision 1 stored it, is read by today's
 * application: the aggregate takes new commands on top of it, the projections show it in the new
 * shape, and the audit view's check against the store finds them equal.
 */
class EventEvolutionTest {

    @TempDir
    Path dataDir;

    /** The stored JSON of a partner membership that was requested, approved and left, as revision 1 wrote it. */
    private static final String[][] REVISION_1_HISTORY = {
        {
            "io.certtrail.events.partner.MembershipRequested",
            "1",
            "{\"accountId\":\"acct-h9\",\"companyId\":\"partner-acme\",\"requestedAt\":\"2026-01-05T09:00:00Z\"}",
            "2026-01-05T09:00:00Z"
        },
        {
            "io.certtrail.events.partner.MembershipApproved",
            "1",
            "{\"accountId\":\"acct-h9\",\"companyId\":\"partner-acme\",\"approvedBy\":\"acct-partner\","
                    + "\"approvedAt\":\"2026-01-06T09:00:00Z\"}",
            "2026-01-06T09:00:00Z"
        },
        {
            "io.certtrail.events.partner.MembershipEnded",
            "1",
            "{\"accountId\":\"acct-h9\",\"companyId\":\"partner-acme\",\"endedBy\":\"acct-h9\","
                    + "\"byEmployee\":true,\"wasApproved\":true,\"reason\":\"New job\","
                    + "\"endedAt\":\"2026-01-10T09:00:00Z\"}",
            "2026-01-10T09:00:00Z"
        }
    };

    /** One event, stored as the JDBC event store stores it. */
    private static void insert(
            Connection connection,
            String aggregateType,
            String aggregateId,
            long sequence,
            String timestamp,
            String payloadType,
            String revision,
            String payload,
            String metaData)
            throws java.sql.SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO DomainEventEntry (eventIdentifier, "
                + "aggregateIdentifier, sequenceNumber, type, timeStamp, payloadType, payloadRevision, payload, "
                + "metaData) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            insert.setString(1, UUID.randomUUID().toString());
            insert.setString(2, aggregateId);
            insert.setLong(3, sequence);
            insert.setString(4, aggregateType);
            insert.setString(5, timestamp);
            insert.setString(6, payloadType);
            insert.setString(7, revision);
            insert.setBytes(8, payload.getBytes(StandardCharsets.UTF_8));
            insert.setBytes(9, metaData.getBytes(StandardCharsets.UTF_8));
            insert.executeUpdate();
        }
    }

    @Test
    void aHistoryStoredByRevisionOneIsReadAsRevisionTwo() throws Exception {
        MutableClock clock = new MutableClock(Instant.parse("2026-03-02T08:00:00Z"));
        try (CertTrailInstance first = CertTrailInstance.start(dataDir, clock)) {
            // creates the store; nothing else
        }
        String url = "jdbc:h2:file:" + dataDir.resolve("eventstore").toAbsolutePath();
        try (Connection connection = DriverManager.getConnection(url, "sa", "")) {
            for (int sequence = 0; sequence < REVISION_1_HISTORY.length; sequence++) {
                String[] event = REVISION_1_HISTORY[sequence];
                insert(
                        connection,
                        "PartnerMembership",
                        "member:acct-h9",
                        sequence,
                        event[3],
                        event[0],
                        event[1],
                        event[2],
                        "{\"actor\":\"acct-h9\",\"actorRole\":\"HOLDER\"}");
            }
        }

        try (CertTrailInstance app = CertTrailInstance.start(dataDir, clock)) {
            // the audit view shows the old event in the new shape
            app.awaitProjectionsAtHead();
            JsonNode ended = app.get("/api/audit/events?accountId=acct-h9&type=MembershipEnded", "auditor")
                    .json()
                    .get("items");
            assertThat(ended).hasSize(1);
            JsonNode details = ended.get(0).get("details");
            assertThat(details.get("ending").asText()).isEqualTo("LEFT");
            assertThat(details.has("byEmployee")).isFalse();
            assertThat(details.has("wasApproved")).isFalse();
            JsonNode check = app.get("/api/audit/aggregates/member:acct-h9/consistency", "auditor")
                    .json();
            assertThat(check.get("consistent").asBoolean()).as(check.toString()).isTrue();
            assertThat(check.get("storeEvents").asLong()).isEqualTo(3);

            // the aggregate, sourced from the old events, knows the employee left, and takes a new request
            var again = app.post("/api/me/partner-membership", "holder9", "{\"companyId\":\"partner-globex\"}");
            assertThat(again.status()).as(again.body()).isLessThan(300);
            org.awaitility.Awaitility.await()
                    .atMost(java.time.Duration.ofSeconds(10))
                    .until(() -> app.get("/api/audit/events?accountId=acct-h9&type=MembershipRequested", "auditor")
                                    .json()
                                    .get("items")
                                    .size()
                            == 2);
        }
    }

    /** Two certifications as a store written before rule 24 holds them: no HeldCertifications yet. */
    private static String recorded(String id, String name, String number, String effective, String expiration) {
        return ("{\"recordId\":\"CERT:%s\",\"revision\":1,\"receivedAt\":\"2026-01-05T09:00:00Z\","
                        + "\"certification\":{\"addressKey\":\"addr_legacy\",\"email\":\"legacy@example.com\","
                        + "\"certificationName\":\"%s\",\"certificateNumber\":\"%s\",\"effectiveDate\":\"%s\","
                        + "\"expirationDate\":\"%s\",\"renewal\":false},\"replaced\":null}")
                .formatted(id, name, number, effective, expiration);
    }

    @Test
    void certificationsRecordedBeforeRenewalsWereKeptAreAdoptedAndRenewed() throws Exception {
        MutableClock clock = new MutableClock(Instant.parse("2026-03-02T08:00:00Z"));
        try (CertTrailInstance first = CertTrailInstance.start(dataDir, clock)) {
            // creates the store; nothing else
        }
        String url = "jdbc:h2:file:" + dataDir.resolve("eventstore").toAbsolutePath();
        try (Connection connection = DriverManager.getConnection(url, "sa", "")) {
            String[][] records = {
                {"L-1", "HCIA-Security", "0101001099000000777", "2024-01-10", "2027-01-10"},
                {"L-2", "HCIP-Security", "0101001099000000778", "2026-01-05", "2029-01-05"}
            };
            for (String[] r : records) {
                insert(
                        connection,
                        "SourceRecord",
                        "CERT:" + r[0],
                        0,
                        "2026-01-05T09:00:00Z",
                        "io.certtrail.events.records.CertificationRecorded",
                        "1",
                        recorded(r[0], r[1], r[2], r[3], r[4]),
                        "{\"actor\":\"certification-office\",\"actorRole\":\"INTEGRATION\"}");
            }
        }

        try (CertTrailInstance app = CertTrailInstance.start(
                dataDir,
                clock,
                java.util.Map.of(
                        "certtrail.expiry.sweep-interval", "PT1S", "certtrail.expiry.first-sweep-after", "PT1S"))) {
            // the sweep adopts both; the professional one renews the associate one
            org.awaitility.Awaitility.await()
                    .atMost(java.time.Duration.ofSeconds(20))
                    .until(() -> app.get("/api/public/certificates/0101001099000000777", null)
                            .json()
                            .path("expirationDate")
                            .asText()
                            .equals("2029-01-05"));
            JsonNode noted = app.get("/api/audit/events?type=CertificationNoted", "auditor")
                    .json();
            assertThat(noted.get("totalElements").asLong()).isEqualTo(2);
            assertThat(app.get("/api/audit/events?type=CertificationRenewed", "auditor")
                            .json()
                            .get("items")
                            .get(0)
                            .get("actor")
                            .asText())
                    .isEqualTo("certtrail-expiry-schedule");
        }
    }
}
