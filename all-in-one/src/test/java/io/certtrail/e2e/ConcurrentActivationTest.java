package io.certtrail.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.certtrail.events.address.AddressClaimed;
import io.certtrail.platform.privacy.AddressKeys;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.awaitility.Awaitility;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Rule 4 under contention: many accounts follow their activation links for one address at the same moment. */
class ConcurrentActivationTest {

    private static final int ACCOUNTS = 8;

    @TempDir
    static Path dataDir;

    static CertTrailInstance app;

    @BeforeAll
    static void start() {
        app = CertTrailInstance.start(dataDir, new MutableClock(Instant.parse("2026-03-02T08:00:00Z")));
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @Test
    void manyAccountsActivatingTheSameAddressAtOnceLeaveExactlyOneOwner() throws Exception {
        String email = "contested@example.com";
        List<String> links = new ArrayList<>();
        for (int i = 0; i < ACCOUNTS; i++) {
            assertThat(app.post("/api/me/email-associations", "holder" + i, "{\"email\":\"" + email + "\"}")
                            .status())
                    .isEqualTo(202);
            links.add(CertTrailInstance.linkIn(app.awaitMail(email, i + 1)));
        }

        ExecutorService pool = Executors.newFixedThreadPool(ACCOUNTS);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Integer>> statuses = new ArrayList<>();
        for (String link : links) {
            statuses.add(pool.submit(() -> {
                go.await();
                return app.followLink(link).status();
            }));
        }
        go.countDown();
        int succeeded = 0;
        for (Future<Integer> status : statuses) {
            int code = status.get();
            assertThat(code)
                    .as("each activation either wins or is told to retry")
                    .isIn(200, 409);
            succeeded += code == 200 ? 1 : 0;
        }
        pool.shutdown();
        assertThat(succeeded).isPositive();

        // The ownership stream is one unbroken chain: every claim names the owner before it.
        EventStore store = app.context.getBean(EventStore.class);
        String addressKey = app.context.getBean(AddressKeys.class).of(email);
        List<AddressClaimed> claims = store.readEvents(addressKey)
                .asStream()
                .map(m -> m.getPayload())
                .filter(AddressClaimed.class::isInstance)
                .map(AddressClaimed.class::cast)
                .toList();
        assertThat(claims).hasSize(succeeded);
        assertThat(claims.get(0).previousAccountId()).isNull();
        for (int i = 1; i < claims.size(); i++) {
            assertThat(claims.get(i).previousAccountId())
                    .isEqualTo(claims.get(i - 1).accountId());
        }
        assertThat(new HashSet<>(claims.stream().map(AddressClaimed::accountId).toList()))
                .hasSize(claims.size());
        String owner = claims.get(claims.size() - 1).accountId();

        // Once every account's view has caught up with its stream, exactly the owner shows the address.
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> {
            for (int i = 0; i < ACCOUNTS; i++) {
                long last = store.lastSequenceNumberFor("acct-h" + i).orElse(-1L);
                if (app.get("/api/me/email-addresses", "holder" + i)
                                .json()
                                .get("accountVersion")
                                .asLong()
                        != last) {
                    return false;
                }
            }
            return true;
        });
        List<String> holdersShowingItActive = new ArrayList<>();
        for (int i = 0; i < ACCOUNTS; i++) {
            for (JsonNode entry :
                    app.get("/api/me/email-addresses", "holder" + i).json().get("addresses")) {
                if (entry.get("email").asText().equals(email)
                        && entry.get("status").asText().equals("ACTIVE")) {
                    holdersShowingItActive.add("acct-h" + i);
                }
            }
        }
        assertThat(holdersShowingItActive).containsExactly(owner);
    }
}
