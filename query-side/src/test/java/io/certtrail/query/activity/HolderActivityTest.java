package io.certtrail.query.activity;

import static org.assertj.core.api.Assertions.assertThat;

import io.certtrail.events.partner.MembershipApproved;
import io.certtrail.events.partner.MembershipEnded;
import io.certtrail.events.partner.MembershipEnding;
import io.certtrail.events.records.CertificationEarned;
import io.certtrail.events.records.CertificationRecorded;
import io.certtrail.events.records.CertificationRevoked;
import io.certtrail.query.activity.HolderActivityProjection.Change;
import io.certtrail.query.activity.HolderActivityProjection.Employments;
import io.certtrail.query.activity.HolderActivityProjection.RecordChanges;
import io.certtrail.query.activity.HolderActivityProjection.Spell;
import io.certtrail.query.support.MongoWireServer;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.axonframework.eventhandling.GenericEventMessage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * Rule 29: what the activity log takes from the store (corrections with what changed, revocations
 * with the office's reason, records corrected to another address, employments), each event kept
 * once; and the client kept as its network only.
 */
class HolderActivityTest {

    @RegisterExtension
    static final MongoWireServer MONGO = new MongoWireServer();

    private static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");
    private static final CertificationEarned EARNED = new CertificationEarned(
            "addr_1",
            "li@example.com",
            "HCIA-Datacom",
            "0101001011938060621",
            LocalDate.parse("2026-02-27"),
            LocalDate.parse("2029-02-27"),
            true);

    private MongoTemplate mongo;
    private HolderActivityProjection projection;

    @BeforeEach
    void setUp() {
        mongo = MONGO.freshDatabase();
        projection = new HolderActivityProjection(mongo);
    }

    private List<Change> changes(String key) {
        RecordChanges stored = mongo.findById(key, RecordChanges.class);
        return stored == null ? List.of() : stored.changes();
    }

    @Test
    void aCorrectionSaysWhatChangedAndIsKeptOnceAndAFirstVersionIsNoChange() {
        CertificationRecorded first = new CertificationRecorded("CERT:C-1", 1, T0, EARNED, null);
        projection.on(first, GenericEventMessage.asEventMessage(first));
        assertThat(changes("record|CERT:C-1")).isEmpty();

        CertificationEarned later = new CertificationEarned(
                "addr_1",
                "li@example.com",
                "HCIA-Datacom",
                EARNED.certificateNumber(),
                EARNED.effectiveDate(),
                LocalDate.parse("2030-02-27"),
                true);
        CertificationRecorded correction = new CertificationRecorded("CERT:C-1", 2, T0.plusSeconds(60), later, EARNED);
        var message = GenericEventMessage.asEventMessage(correction);
        projection.on(correction, message);
        projection.on(correction, message);
        assertThat(changes("record|CERT:C-1")).singleElement().satisfies(change -> {
            assertThat(change.kind()).isEqualTo("CORRECTED");
            assertThat(change.what()).isEqualTo("HCIA-Datacom");
            assertThat(change.reason())
                    .isEqualTo("Corrected by the certification office: expirationDate: 2029-02-27 → 2030-02-27");
        });

        CertificationRevoked revoked = new CertificationRevoked(
                "CERT:C-1", EARNED.certificateNumber(), "Exam annulled", T0.plusSeconds(90), null);
        projection.on(revoked, GenericEventMessage.asEventMessage(revoked));
        assertThat(changes("record|CERT:C-1"))
                .extracting(Change::kind, Change::reason)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(
                                "CORRECTED", changes("record|CERT:C-1").get(0).reason()),
                        org.assertj.core.groups.Tuple.tuple("REVOKED", "Exam annulled"));
    }

    @Test
    void aRecordCorrectedToAnotherAddressIsGoneForTheFirstAndArrivedForTheSecondWithoutShowingAnAddress() {
        CertificationEarned moved = new CertificationEarned(
                "addr_2",
                "wang@example.com",
                "HCIA-Datacom",
                EARNED.certificateNumber(),
                EARNED.effectiveDate(),
                EARNED.expirationDate(),
                true);
        CertificationRecorded correction = new CertificationRecorded("CERT:C-1", 2, T0, moved, EARNED);
        projection.on(correction, GenericEventMessage.asEventMessage(correction));
        assertThat(changes("address|addr_1"))
                .singleElement()
                .satisfies(c -> assertThat(c.kind()).isEqualTo("MOVED_AWAY"));
        assertThat(changes("record|CERT:C-1")).singleElement().satisfies(c -> {
            assertThat(c.kind()).isEqualTo("MOVED_HERE");
            assertThat(c.reason()).contains("address changed").doesNotContain("@example.com");
        });
    }

    @Test
    void employmentsAreKeptWithWhenTheyBeganAndEnded() {
        projection.on(new MembershipApproved("acct-1", "partner-acme", "acct-admin", T0), T0);
        projection.on(new MembershipApproved("acct-1", "partner-acme", "acct-admin", T0), T0);
        projection.on(new MembershipEnded(
                "acct-1", "partner-acme", "acct-1", MembershipEnding.LEFT, null, T0.plusSeconds(3600)));
        assertThat(mongo.findById("acct-1", Employments.class).spells())
                .containsExactly(new Spell("partner-acme", T0, T0.plusSeconds(3600)));
    }

    @Test
    void theClientIsKeptAsItsNetworkOnly() {
        assertThat(AccessLog.network("203.0.113.57")).isEqualTo("203.0.113.0/24");
        assertThat(AccessLog.network("2001:db8:85a3:8d3:1319:8a2e:370:7348")).isEqualTo("2001:db8:85a3::/48");
        assertThat(AccessLog.network("::ffff:198.51.100.7")).isEqualTo("198.51.100.0/24");
        assertThat(AccessLog.network("attacker.example.com")).isEqualTo("unknown"); // no name is looked up
        assertThat(AccessLog.network(null)).isEqualTo("unknown");
    }
}
