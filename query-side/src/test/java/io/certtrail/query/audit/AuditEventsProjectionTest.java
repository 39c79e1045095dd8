package io.certtrail.query.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.certtrail.events.address.AddressClaimed;
import io.certtrail.events.partner.MembershipEnded;
import io.certtrail.events.partner.MembershipEnding;
import io.certtrail.events.records.CertificationEarned;
import io.certtrail.events.records.CertificationRecorded;
import io.certtrail.query.support.MongoWireServer;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.data.mongodb.core.MongoTemplate;

class AuditEventsProjectionTest {

    @RegisterExtension
    static final MongoWireServer MONGO = new MongoWireServer();

    private static final Instant T0 = Instant.parse("2026-03-01T09:00:00Z");

    private MongoTemplate mongo;
    private AuditEventsProjection projection;
    private AuditSearch search;

    @BeforeEach
    void setUp() {
        mongo = MONGO.freshDatabase();
        projection = new AuditEventsProjection(mongo);
        search = new AuditSearch(mongo);
    }

    private GenericDomainEventMessage<?> deliver(
            String type, String aggregateId, long sequence, Object payload, long position, Map<String, ?> meta) {
        GenericDomainEventMessage<?> message =
                new GenericDomainEventMessage<>(type, aggregateId, sequence, payload, MetaData.from(meta));
        projection.on(payload, message, T0.plusSeconds(position), new GlobalSequenceTrackingToken(position));
        return message;
    }

    private List<AuditEvent> find(AuditSearch.Filter filter) {
        return search.page(filter, 0, 100).items();
    }

    private static AuditSearch.Filter by(String accountId, String addressKey, String actor) {
        return new AuditSearch.Filter(accountId, addressKey, null, null, actor, null, null, null, false);
    }

    @Test
    void everyEventIsFiledUnderTheAccountsAndAddressesItNamesWithWhoAndWhy() {
        deliver(
                "SourceRecord",
                "CERT:1",
                0,
                new CertificationRecorded(
                        "CERT:1",
                        1,
                        T0,
                        new CertificationEarned(
                                "addr_1",
                                "li@example.com",
                                "HCIA-Datacom",
                                "N-1",
                                LocalDate.parse("2026-01-05"),
                                null,
                                false),
                        null),
                1,
                Map.of("actor", "exam-centre", "actorRole", "INTEGRATION", "correlationId", "m-1", "traceId", "m-0"));
        deliver(
                "AddressOwnership",
                "addr_1",
                0,
                new AddressClaimed("addr_1", "acct-2", "acct-1", T0),
                2,
                Map.of("actor", "acct-2", "actorRole", "HOLDER"));
        deliver(
                "PartnerMembership",
                "member:acct-2",
                3,
                new MembershipEnded("acct-2", "acme", "admin-1", MembershipEnding.REMOVED, "Left the company", T0),
                3,
                Map.of("actor", "admin-1", "actorRole", "PARTNER_ADMIN"));

        AuditEvent recorded = find(by(null, "addr_1", "exam-centre")).get(0);
        assertThat(recorded.type()).isEqualTo("CertificationRecorded");
        assertThat(recorded.actorRole()).isEqualTo("INTEGRATION");
        assertThat(recorded.correlationId()).isEqualTo("m-0");
        assertThat(recorded.causationId()).isEqualTo("m-1");
        assertThat(recorded.details()).containsKey("certification");

        // an ownership move names both accounts
        assertThat(find(by("acct-1", null, null))).extracting(AuditEvent::type).containsExactly("AddressClaimed");
        assertThat(find(by("acct-2", null, null)))
                .extracting(AuditEvent::type)
                .containsExactly("AddressClaimed", "MembershipEnded");
        assertThat(find(by("acct-2", null, "admin-1")).get(0).reason()).isEqualTo("Left the company");
        assertThat(find(new AuditSearch.Filter(
                        null, null, null, null, null, null, T0.plusSeconds(2), T0.plusSeconds(3), true)))
                .extracting(AuditEvent::position)
                .containsExactly(2L);
    }

    @Test
    void anEventHandledTwiceIsFiledOnce() {
        var message =
                deliver("AddressOwnership", "addr_1", 0, new AddressClaimed("addr_1", "acct-2", null, T0), 7, Map.of());
        projection.on(message.getPayload(), message, T0, new GlobalSequenceTrackingToken(7));
        assertThat(find(by(null, "addr_1", null))).hasSize(1);
    }
}
