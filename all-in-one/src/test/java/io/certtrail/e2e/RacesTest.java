package io.certtrail.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.certtrail.events.account.AccountEmailEvent;
import io.certtrail.events.account.DisassociationCause;
import io.certtrail.events.account.EmailActivated;
import io.certtrail.events.account.EmailDisassociated;
import io.certtrail.events.address.AddressClaimed;
import io.certtrail.events.address.AddressReleased;
import io.certtrail.platform.privacy.AddressKeys;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.awaitility.Awaitility;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;
import org.junit.jupiter.api.io.TempDir;

/**
 * Races on one address, each started by a latch so both sides run at the same moment, and
 * repeated: two holders activating it, a holder confirming its disassociation while another
 * activates it, and the certification office unbinding it while a holder activates it. Every
 * answer is a success or a refusal (never a 5xx); afterwards the address's ownership chain in the
 * store, each account's history and each account's view all tell the same, legal story.
 */
class RacesTest {

    @TempDir
    static Path dataDir;

    static CertTrailInstance app;
    static final ExecutorService pool = Executors.newFixedThreadPool(2);

    @BeforeAll
    static void start() {
        app = CertTrailInstance.start(dataDir, new MutableClock(Instant.parse("2026-03-02T08:00:00Z")));
    }

    @AfterAll
    static void stop() {
        pool.shutdown();
        app.close();
    }

    @RepeatedTest(4)
    void twoHoldersActivatingTheSameAddress(RepetitionInfo repetition) throws Exception {
        String email = "race.both." + repetition.getCurrentRepetition() + "@example.com";
        String first = pendingLink("holder0", email);
        String second = pendingLink("holder1", email);
        List<Integer> statuses = race(
                () -> app.followLink(first).status(),
                () -> app.followLink(second).status());
        assertThat(statuses).allSatisfy(status -> assertThat(status).isIn(200, 409));
        assertThat(statuses).contains(200);
        String owner = assertLegalStory(email, "holder0", "holder1");
        assertThat(owner).isIn("acct-h0", "acct-h1");
        System.out.println("RacesTest two activations: " + statuses + ", owner " + owner);
    }

    @RepeatedTest(4)
    void aHolderConfirmingDisassociationWhileAnotherActivates(RepetitionInfo repetition) throws Exception {
        String email = "race.leave." + repetition.getCurrentRepetition() + "@example.com";
        app.associate("holder2", email);
        int mails = app.mailsTo(email).size();
        assertThat(app.post("/api/me/email-disassociations", "holder2", "{\"email\":\"" + email + "\"}")
                        .status())
                .isEqualTo(202);
        String leave = CertTrailInstance.linkIn(app.awaitMail(email, mails + 1));
        String take = pendingLink("holder3", email);
        List<Integer> statuses = race(
                () -> app.followLink(leave).status(), () -> app.followLink(take).status());
        // the disassociation link is void once the address has moved; the activation may be told to retry
        assertThat(statuses.get(0)).isIn(200, 404, 409);
        assertThat(statuses.get(1)).isIn(200, 409);
        String owner = assertLegalStory(email, "holder2", "holder3");
        System.out.println(
                "RacesTest disassociation " + statuses.get(0) + ", activation " + statuses.get(1) + ", owner " + owner);
        if (statuses.get(1) == 200) {
            assertThat(owner).isEqualTo("acct-h3");
        }
        assertThat(owner).isNotEqualTo(statuses.get(0) == 200 ? "acct-h2" : "nobody");
    }

    @RepeatedTest(4)
    void anOperatorUnbindingWhileAHolderActivates(RepetitionInfo repetition) throws Exception {
        String email = "race.unbind." + repetition.getCurrentRepetition() + "@example.com";
        app.associate("holder4", email);
        String take = pendingLink("holder5", email);
        List<Integer> statuses = race(
                () -> app.post(
                                "/api/operator/email-unbindings",
                                "operator",
                                "{\"email\":\"" + email + "\",\"reason\":\"Race test\"}")
                        .status(),
                () -> app.followLink(take).status());
        assertThat(statuses.get(0)).isIn(200, 409);
        assertThat(statuses.get(1)).isIn(200, 409);
        String owner = assertLegalStory(email, "holder4", "holder5");
        System.out.println(
                "RacesTest unbinding " + statuses.get(0) + ", activation " + statuses.get(1) + ", owner " + owner);
    }

    /** Asks for the address and returns the activation link mailed for it, not yet followed. */
    private static String pendingLink(String user, String email) {
        int before = app.mailsTo(email).size();
        var asked = app.post("/api/me/email-associations", user, "{\"email\":\"" + email + "\"}");
        assertThat(asked.status()).as(asked.body()).isEqualTo(202);
        return CertTrailInstance.linkIn(app.awaitMail(email, before + 1));
    }

    private static List<Integer> race(Callable<Integer> one, Callable<Integer> other) throws Exception {
        CountDownLatch go = new CountDownLatch(1);
        Future<Integer> a = pool.submit(() -> {
            go.await();
            return one.call();
        });
        Future<Integer> b = pool.submit(() -> {
            go.await();
            return other.call();
        });
        go.countDown();
        return List.of(a.get(), b.get());
    }

    /**
     * The story of the address, three ways, must agree and be legal. Returns its owner, or "nobody".
     * <ul>
     *   <li>Its ownership stream is one chain: each claim names the owner before it, each release the current owner.</li>
     *   <li>Each account's history for it alternates activation and disassociation; an activation that
     *   took it from another account matches that account's disassociation (ownership moved, naming the taker).</li>
     *   <li>Each account's view shows it active exactly when the chain says it owns it, and the audit view holds
     *   exactly the stored events.</li>
     * </ul>
     */
    private static String assertLegalStory(String email, String... users) {
        EventStore store = app.context.getBean(EventStore.class);
        String addressKey = app.context.getBean(AddressKeys.class).of(email);
        String owner = null;
        for (Object event :
                store.readEvents(addressKey).asStream().map(m -> m.getPayload()).toList()) {
            if (event instanceof AddressClaimed claimed) {
                assertThat(claimed.previousAccountId())
                        .as("claim names the owner before it")
                        .isEqualTo(owner);
                owner = claimed.accountId();
            } else if (event instanceof AddressReleased released) {
                assertThat(released.accountId()).as("release names the owner").isEqualTo(owner);
                owner = null;
            }
        }

        Map<String, List<AccountEmailEvent>> histories = new HashMap<>();
        for (String user : users) {
            String account = "acct-h" + user.substring("holder".length());
            histories.put(
                    account,
                    store.readEvents(account)
                            .asStream()
                            .map(m -> m.getPayload())
                            .filter(AccountEmailEvent.class::isInstance)
                            .map(AccountEmailEvent.class::cast)
                            .filter(e -> e.addressKey().equals(addressKey))
                            .toList());
        }
        for (Map.Entry<String, List<AccountEmailEvent>> history : histories.entrySet()) {
            boolean active = false;
            for (AccountEmailEvent event : history.getValue()) {
                if (event instanceof EmailActivated activated) {
                    assertThat(active)
                            .as(history.getKey() + " activated it twice in a row")
                            .isFalse();
                    active = true;
                    if (activated.previousAccountId() != null && histories.containsKey(activated.previousAccountId())) {
                        assertThat(histories.get(activated.previousAccountId()))
                                .as("the loser's history explains the move")
                                .anySatisfy(e -> assertThat(e).isInstanceOfSatisfying(EmailDisassociated.class, d -> {
                                    assertThat(d.cause()).isEqualTo(DisassociationCause.OWNERSHIP_MOVED);
                                    assertThat(d.newAccountId()).isEqualTo(history.getKey());
                                }));
                    }
                } else if (event instanceof EmailDisassociated) {
                    assertThat(active)
                            .as(history.getKey() + " lost what it did not hold")
                            .isTrue();
                    active = false;
                }
            }
            assertThat(active)
                    .as(history.getKey() + "'s history against the ownership chain")
                    .isEqualTo(history.getKey().equals(owner));
        }

        // the views, once caught up with each account's stream, say the same
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> {
            for (String user : users) {
                String account = "acct-h" + user.substring("holder".length());
                long last = store.lastSequenceNumberFor(account).orElse(-1L);
                if (app.get("/api/me/email-addresses", user)
                                .json()
                                .get("accountVersion")
                                .asLong()
                        != last) {
                    return false;
                }
            }
            return true;
        });
        List<String> showingItActive = new ArrayList<>();
        for (String user : users) {
            String account = "acct-h" + user.substring("holder".length());
            for (JsonNode entry :
                    app.get("/api/me/email-addresses", user).json().get("addresses")) {
                if (entry.get("email").asText().equals(email)
                        && entry.get("status").asText().equals("ACTIVE")) {
                    showingItActive.add(account);
                }
            }
            JsonNode check = app.get("/api/audit/aggregates/" + account + "/consistency", "auditor")
                    .json();
            assertThat(check.get("consistent").asBoolean()).as(check.toString()).isTrue();
        }
        assertThat(showingItActive).containsExactlyElementsOf(owner == null ? List.of() : List.of(owner));
        return owner == null ? "nobody" : owner;
    }
}
