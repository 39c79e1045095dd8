package io.certtrail.query.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.certtrail.events.account.AccountEvent;
import io.certtrail.events.account.AssociationMethod;
import io.certtrail.events.account.DisassociationCause;
import io.certtrail.events.account.EmailAssociationRequested;
import io.certtrail.events.account.EmailDisassociated;
import io.certtrail.query.support.MongoWireServer;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.data.mongodb.core.MongoTemplate;

class AccountHistoryProjectionTest {

    @RegisterExtension
    static final MongoWireServer MONGO = new MongoWireServer();

    private static final Instant T0 = Instant.parse("2026-03-01T09:00:00Z");

    private MongoTemplate mongo;
    private AccountHistoryProjection projection;

    @BeforeEach
    void setUp() {
        mongo = MONGO.freshDatabase();
        projection = new AccountHistoryProjection(mongo);
    }

    private void deliver(AccountEvent event, long sequence, Map<String, ?> metaData) {
        var message = new GenericDomainEventMessage<>(
                        "Account", event.accountId(), sequence, event, MetaData.from(metaData))
                .andMetaData(Map.of());
        projection.on(event, message, sequence, T0.plusSeconds(sequence));
    }

    private static EmailAssociationRequested requested(long n) {
        return new EmailAssociationRequested(
                "acct-1",
                "r" + n,
                "k" + n,
                "a" + n + "@x.com",
                AssociationMethod.EMAIL,
                null,
                false,
                T0,
                T0.plusSeconds(3600),
                "2026-01");
    }

    private List<AccountHistory.Entry> history(String accountId) {
        List<AccountHistory.Entry> all = new java.util.ArrayList<>();
        for (long bucket = 0; ; bucket++) {
            AccountHistory h = mongo.findById(AccountHistory.id(accountId, bucket), AccountHistory.class);
            if (h == null) {
                return all;
            }
            all.addAll(h.entries());
        }
    }

    @Test
    void everyEventIsRecordedWithActorTimeAndReason() {
        deliver(
                requested(0),
                0,
                Map.of("actor", "acct-1", "actorRole", "HOLDER", "correlationId", "cause-1", "traceId", "chain-1"));
        deliver(
                new EmailDisassociated(
                        "acct-1",
                        "k0",
                        "a0@x.com",
                        DisassociationCause.FORCED_UNBINDING,
                        null,
                        "another person's exams",
                        T0.plusSeconds(5)),
                1,
                Map.of("actor", "operator-1", "actorRole", "OPERATOR"));

        List<AccountHistory.Entry> entries = history("acct-1");
        assertThat(entries)
                .extracting(AccountHistory.Entry::type)
                .containsExactly("EmailAssociationRequested", "EmailDisassociated");
        assertThat(entries.get(0).actor()).isEqualTo("acct-1");
        assertThat(entries.get(0).correlationId()).isEqualTo("chain-1");
        assertThat(entries.get(0).causationId()).isEqualTo("cause-1");
        assertThat(entries.get(0).details()).containsEntry("email", "a0@x.com").containsEntry("method", "EMAIL");
        assertThat(entries.get(1).actorRole()).isEqualTo("OPERATOR");
        assertThat(entries.get(1).reason()).contains("Forced unbinding").contains("another person's exams");
        assertThat(entries.get(1).occurredAt()).isEqualTo(T0.plusSeconds(1));
    }

    @Test
    void anEventDeliveredTwiceIsRecordedOnce() {
        deliver(requested(0), 0, Map.of());
        deliver(requested(0), 0, Map.of());
        assertThat(history("acct-1")).hasSize(1);
    }

    @Test
    void longHistoriesSpreadOverBucketsAndStayInOrder() {
        for (long n = 0; n < 250; n++) {
            deliver(requested(n), n, Map.of());
        }
        assertThat(mongo.findById(AccountHistory.id("acct-1", 2), AccountHistory.class)
                        .entries())
                .hasSize(50);
        assertThat(history("acct-1"))
                .extracting(AccountHistory.Entry::sequence)
                .containsExactlyElementsOf(
                        java.util.stream.LongStream.range(0, 250).boxed().toList());
    }
}
