package io.certtrail.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.certtrail.e2e.CertTrailInstance.Response;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * Nobody can mail-bomb an address through CertTrail, nor guess their way to a valid link. The
 * guessing loop runs last: it spends this client's link budget, which the other tests need.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AbuseProtectionTest {

    @TempDir
    static Path dataDir;

    static CertTrailInstance app;

    @BeforeAll
    static void start() {
        app = CertTrailInstance.start(
                dataDir,
                new MutableClock(Instant.parse("2026-03-02T08:00:00Z")),
                Map.of(
                        "certtrail.rate-limits.mail-per-address.capacity", "3",
                        "certtrail.rate-limits.mail-per-account.capacity", "5",
                        "certtrail.rate-limits.link-attempts-per-client.capacity", "20",
                        // refilled over an hour, not a minute: a slow machine must not earn guesses back mid-test
                        "certtrail.rate-limits.link-attempts-per-client.period", "PT1H"));
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @Test
    void aMailBombingLoopReachesTheVictimOnlyAFewTimes() {
        List<Integer> statuses = new ArrayList<>();
        Response refused = null;
        for (int i = 0; i < 12; i++) {
            // from several accounts at once, so neither the account nor the client is the limit here
            Response response =
                    app.post("/api/me/email-associations", "holder" + (i % 4), "{\"email\":\"victim@example.com\"}");
            statuses.add(response.status());
            if (response.status() == 429) {
                refused = response;
            }
        }
        assertThat(statuses.subList(0, 3)).containsOnly(202);
        assertThat(statuses.subList(3, 12)).containsOnly(429);
        assertThat(refused.json().get("type").asText()).endsWith("/rate-limited");
        assertThat(refused.json().get("retryAfterSeconds").asLong()).isPositive();
        app.awaitMail("victim@example.com", 3);
        assertThat(app.mailsTo("victim@example.com")).hasSize(3);
    }

    @Test
    void associationNeedsAVerificationCodeThatWorksOnce() {
        Response missing = app.postAsIs("/api/me/email-associations", "holder5", "{\"email\":\"coded@example.com\"}");
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.json().get("errors").has("verification")).isTrue();

        var solved = app.solvedChallenge("holder5");
        var wrong = solved.deepCopy();
        ((com.fasterxml.jackson.databind.node.ObjectNode) wrong).put("answer", "99");
        assertThat(app.postAsIs(
                                "/api/me/email-associations",
                                "holder5",
                                "{\"email\":\"coded@example.com\",\"acceptPrivacyStatement\":true,\"verification\":"
                                        + wrong + "}")
                        .json()
                        .get("type")
                        .asText())
                .endsWith("/verification-failed");

        String body =
                "{\"email\":\"coded@example.com\",\"acceptPrivacyStatement\":true,\"verification\":" + solved + "}";
        assertThat(app.postAsIs("/api/me/email-associations", "holder5", body).status())
                .isEqualTo(202);
        Response replayed = app.postAsIs("/api/me/email-associations", "holder5", body);
        assertThat(replayed.status()).isEqualTo(422);
        assertThat(replayed.json().get("type").asText()).endsWith("/verification-failed");
        assertThat(app.get("/api/me/email-addresses", "operator").status()).isEqualTo(403);
    }

    @Test
    void requestsWithoutAValidCodeDoNotSpendTheAddressesMailBudget() {
        for (int i = 0; i < 4; i++) {
            Response unsolved = app.postAsIs(
                    "/api/me/email-associations",
                    "holder" + (4 + i % 2),
                    "{\"email\":\"lockout@example.com\",\"acceptPrivacyStatement\":true,\"verification\":{\"challengeId\":\"1.2.3\",\"answer\":\"7\"}}");
            assertThat(unsolved.status()).isEqualTo(422);
        }
        assertThat(app.post("/api/me/email-associations", "holder6", "{\"email\":\"lockout@example.com\"}")
                        .status())
                .isEqualTo(202);
    }

    @Test
    void oneAccountCannotSpreadMailOverManyAddresses() {
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            statuses.add(
                    app.post("/api/me/email-associations", "holder9", "{\"email\":\"spread" + i + "@example.com\"}")
                            .status());
        }
        assertThat(statuses.subList(0, 5)).containsOnly(202);
        assertThat(statuses.subList(5, 8)).containsOnly(429);
    }

    @Test
    void unknownAndSupersededLinksAreRefusedAlikeInWordsAndTime() {
        app.post("/api/me/email-associations", "holder7", "{\"email\":\"twice-timed@example.com\"}");
        String superseded = CertTrailInstance.linkIn(app.awaitMail("twice-timed@example.com", 1));
        app.post("/api/me/email-associations", "holder7", "{\"email\":\"twice-timed@example.com\"}");
        app.awaitMail("twice-timed@example.com", 2);
        long unknownStart = System.nanoTime();
        Response unknown =
                app.followLink(app.baseUrl + "/email-links/never-issued-AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA");
        long unknownMillis = (System.nanoTime() - unknownStart) / 1_000_000;
        long supersededStart = System.nanoTime();
        Response refused = app.followLink(superseded);
        long supersededMillis = (System.nanoTime() - supersededStart) / 1_000_000;
        assertThat(refused.status()).isEqualTo(unknown.status()).isEqualTo(404);
        assertThat(refused.json().get("detail")).isEqualTo(unknown.json().get("detail"));
        assertThat(unknownMillis).isGreaterThanOrEqualTo(150);
        assertThat(supersededMillis).isGreaterThanOrEqualTo(150);
    }

    @Test
    @Order(Integer.MAX_VALUE)
    void guessingLinksIsAnsweredAlikeAndThenCutOff() {
        Set<String> answers = new java.util.HashSet<>();
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            Response response =
                    app.followLink(app.baseUrl + "/email-links/guess-" + i + "-AAAAAAAAAAAAAAAAAAAAAAAAAAAA");
            statuses.add(response.status());
            if (response.status() == 404) {
                answers.add(response.json().get("detail").asText()
                        + response.json().get("type").asText());
            }
        }
        assertThat(answers).as("every wrong guess gets the same answer").hasSize(1);
        assertThat(statuses.stream().filter(s -> s == 429).count()).isGreaterThanOrEqualTo(10);
        assertThat(statuses.stream().collect(Collectors.toSet())).containsOnly(404, 429);
    }
}
