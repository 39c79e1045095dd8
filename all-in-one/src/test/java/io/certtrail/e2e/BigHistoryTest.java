package io.certtrail.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.certtrail.events.account.AccountHolderNamed;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An account with a history of 10,000 events still takes a command at once: the first load reads
 * them all and leaves a snapshot; every later load reads the snapshot and fewer than the threshold
 * (100) of events after it.
 */
class BigHistoryTest {

    private static final int HISTORY = 10_000;

    @TempDir
    Path dataDir;

    @Test
    void anAccountWithTenThousandEventsLoadsFromASnapshot() {
        MutableClock clock = new MutableClock(Instant.parse("2026-03-02T08:00:00Z"));
        try (CertTrailInstance app = CertTrailInstance.start(dataDir, clock)) {
            EventStore store = app.context.getBean(EventStore.class);
            EventStorageEngine engine = app.context.getBean(EventStorageEngine.class);
            // ten thousand changes of the holder's name, as the identity provider might report them over years
            for (int from = 0; from < HISTORY; from += 1_000) {
                List<DomainEventMessage<?>> batch = new ArrayList<>();
                for (int n = from; n < from + 1_000; n++) {
                    batch.add(new GenericDomainEventMessage<>(
                            "Account", "acct-h8", n, new AccountHolderNamed("acct-h8", "Name" + n, "Test")));
                }
                store.publish(batch);
            }
            assertThat(engine.readSnapshot("acct-h8")).isEmpty();

            long first = System.nanoTime();
            var asked = app.post("/api/me/email-associations", "holder8", "{\"email\":\"big.history@example.com\"}");
            long firstMillis = (System.nanoTime() - first) / 1_000_000;
            assertThat(asked.status()).as(asked.body()).isEqualTo(202);
            // the account's version continues the long history
            assertThat(asked.json().get("accountVersion").asLong()).isGreaterThanOrEqualTo(HISTORY);

            DomainEventMessage<?> snapshot = engine.readSnapshot("acct-h8").orElseThrow();
            assertThat(snapshot.getSequenceNumber()).isGreaterThanOrEqualTo(HISTORY - 1);
            // what loading the account reads now: the snapshot, then the events after it
            List<? extends DomainEventMessage<?>> loaded =
                    store.readEvents("acct-h8").asStream().toList();
            assertThat(loaded.get(0).getPayloadType().getSimpleName()).isEqualTo("Account");
            assertThat(loaded.size() - 1).isLessThan(100);

            long second = System.nanoTime();
            var again = app.post("/api/me/email-associations", "holder8", "{\"email\":\"big.history.2@example.com\"}");
            long secondMillis = (System.nanoTime() - second) / 1_000_000;
            assertThat(again.status()).as(again.body()).isEqualTo(202);
            System.out.printf(
                    "BigHistoryTest: %,d events; first command (full load) %d ms, next (snapshot) %d ms%n",
                    HISTORY, firstMillis, secondMillis);
        }
    }
}
