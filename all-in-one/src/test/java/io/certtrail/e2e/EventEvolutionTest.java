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

    @Test
    void aHistoryStoredByRevisionOneIsReadAsRevisionTwo() throws Exception {
        MutableClock clock = new MutableClock(Instant.parse("2026-03-02T08:00:00Z"));
        try (CertTrailInstance first = CertTrailInstance.start(dataDir, clock)) {
            // creates the store; nothing else
        }
        String url = "jdbc:h2:file:" + dataDir.resolve("eventstore").toAbsolutePath();
        try (Connection connection = DriverManager.getConnection(url, "sa", "");
                PreparedStatement insert = connection.prepareStatement("INSERT INTO DomainEventEntry (eventIdentifier, "
                        + "aggregateIdentifier, sequenceNumber, type, timeStamp, payloadType, payloadRevision, payload, "
                        + "metaData) VALUES (?, 'member:acct-h9', ?, 'PartnerMembership', ?, ?, ?, ?, ?)")) {
            for (int sequence = 0; sequence < REVISION_1_HISTORY.length; sequence++) {
                String[] event = REVISION_1_HISTORY[sequence];
                insert.setString(1, UUID.randomUUID().toString());
                insert.setLong(2, sequence);
                insert.setString(3, event[3]);
                insert.setString(4, event[0]);
                insert.setString(5, event[1]);
                insert.setBytes(6, event[2].getBytes(StandardCharsets.UTF_8));
                insert.setBytes(7, "{\"actor\":\"acct-h9\",\"actorRole\":\"HOLDER\"}".getBytes(StandardCharsets.UTF_8));
                insert.executeUpdate();
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
}
