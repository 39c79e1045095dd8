package io.certtrail.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.certtrail.e2e.CertTrailInstance.Response;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The foundation's user story, over real HTTP, with links read from the mail the SMTP server received. */
class AssociationStoryTest {

    @TempDir
    static Path dataDir;

    static MutableClock clock = new MutableClock(Instant.parse("2026-03-02T08:00:00Z"));
    static CertTrailInstance app;

    @BeforeAll
    static void start() {
        app = CertTrailInstance.start(dataDir, clock);
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    private static Response associate(String user, String email) {
        return app.post("/api/me/email-associations", user, "{\"email\":\"" + email + "\"}");
    }

    private static JsonNode myAddresses(String user) {
        Response response = app.get("/api/me/email-addresses", user);
        assertThat(response.status()).isEqualTo(200);
        return response.json();
    }

    private static JsonNode myAddresses(String user, long minVersion) {
        Response response = app.get("/api/me/email-addresses?minVersion=" + minVersion, user);
        assertThat(response.status()).isEqualTo(200);
        return response.json();
    }

    private static JsonNode addressIn(JsonNode view, String email) {
        for (JsonNode entry : view.get("addresses")) {
            if (entry.get("email").asText().equals(email)) {
                return entry;
            }
        }
        return null;
    }

    /**
     * The audit trail is its own projection: a holder's view having caught up says nothing about it.
     * Read it once every processor has reached the head of the stream.
     */
    private static List<JsonNode> history(String accountId) {
        Awaitility.await()
                .atMost(Duration.ofSeconds(5))
                .pollDelay(Duration.ZERO)
                .pollInterval(Duration.ofMillis(10))
                .until(AssociationStoryTest::everyProcessorAtTheHead);
        Response response = app.get("/api/audit/accounts/" + accountId + "/events", "auditor");
        assertThat(response.status()).isEqualTo(200);
        List<JsonNode> events = new ArrayList<>();
        response.json().get("events").forEach(events::add);
        return events;
    }

    private static boolean everyProcessorAtTheHead() {
        for (JsonNode processor :
                app.get("/api/operator/projections", "operator").json().get("processors")) {
            if (processor.get("behind").isNull() || processor.get("behind").asLong() > 0) {
                return false;
            }
        }
        return true;
    }

    private static void assertProblem(Response response, int status, String type) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("type").asText()).endsWith("/" + type);
        assertThat(response.json().get("detail").asText()).isNotBlank();
    }

    @Test
    void holderAssociatesAnAddressThroughTheActivationEmail() {
        Response requested = associate("holder0", "  Li.Wan@Example.COM ");
        assertThat(requested.status()).isEqualTo(202);
        assertThat(requested.json().get("heldByAnotherAccount").asBoolean()).isFalse();
        long requestVersion = requested.json().get("accountVersion").asLong();

        // read-your-writes: the pending request is visible on the very next read
        JsonNode pending = addressIn(myAddresses("holder0", requestVersion), "li.wan@example.com");
        assertThat(pending.get("status").asText()).isEqualTo("PENDING_ACTIVATION");

        MimeMessage mail = app.awaitMail("li.wan@example.com", 1);
        String link = CertTrailInstance.linkIn(mail);

        // opening the link shows a confirmation page and changes nothing by itself
        Response page = app.getHtml(link);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Security-Policy"))
                .hasValueSatisfying(
                        csp -> assertThat(csp).contains("default-src 'none'").contains("frame-ancestors 'none'"));
        assertThat(page.headers().firstValue("Referrer-Policy")).contains("no-referrer");
        assertThat(page.headers().firstValue("Cache-Control"))
                .hasValueSatisfying(c -> assertThat(c).contains("no-store"));
        assertThat(page.body()).contains("<form method=\"post\"");
        assertThat(addressIn(myAddresses("holder0", requestVersion), "li.wan@example.com")
                        .get("status")
                        .asText())
                .isEqualTo("PENDING_ACTIVATION");

        Response activated = app.followLink(link);
        assertThat(activated.status()).isEqualTo(200);
        assertThat(activated.json().get("outcome").asText()).isEqualTo("ASSOCIATED");

        JsonNode active = addressIn(
                myAddresses("holder0", activated.json().get("accountVersion").asLong()), "li.wan@example.com");
        assertThat(active.get("status").asText()).isEqualTo("ACTIVE");
        assertThat(active.get("method").asText()).isEqualTo("EMAIL");
        assertThat(active.get("requestedAt").asText()).isNotBlank();
        assertThat(active.get("activatedAt").asText()).isNotBlank();

        // a link works once
        assertProblem(app.followLink(link), 404, "link-not-valid");
        // and asking again for an address already held is refused
        assertProblem(associate("holder0", "li.wan@example.com"), 409, "address-already-active");
    }

    @Test
    void oneAccountHoldsSeveralAddressesIncludingOneAssociatedByScoreReport() {
        assertThat(app.post("/api/operator/records/exams", "operator", """
                {"sourceRecordId":"SR-1","registrationNumber":"REG-20261","firstName":"Ruirui","lastName":"Li",
                 "email":"exam@example.org","examCode":"H12-811","examName":"HCIA-Datacom","examDate":"2026-02-27",
                 "score":900,"passed":true}""").status())
                .isEqualTo(200);
        Response first = associate("holder1", "first@example.org");
        app.followLink(CertTrailInstance.linkIn(app.awaitMail("first@example.org", 1)));
        Response second = app.post("/api/me/email-associations", "holder1", """
                {"method":"SCORE_REPORT","lastName":"Li","firstName":"Ruirui","registrationNumber":"reg-20261","email":"exam@example.org"}""");
        // the exam was on Friday 27 February; on Monday 2 March, one working day has passed
        assertThat(second.status()).as(second.body()).isEqualTo(202);
        Response activated = app.followLink(CertTrailInstance.linkIn(app.awaitMail("exam@example.org", 1)));
        assertThat(first.json().get("accountVersion").asLong())
                .isLessThan(activated.json().get("accountVersion").asLong());

        JsonNode view =
                myAddresses("holder1", activated.json().get("accountVersion").asLong());
        assertThat(addressIn(view, "first@example.org").get("status").asText()).isEqualTo("ACTIVE");
        assertThat(addressIn(view, "exam@example.org").get("method").asText()).isEqualTo("SCORE_REPORT");

        JsonNode scoreReport = history("acct-h1").stream()
                .filter(e -> e.get("type").asText().equals("EmailAssociationRequested"))
                .reduce((a, b) -> b)
                .orElseThrow()
                .get("details")
                .get("scoreReport");
        assertThat(scoreReport.get("registrationNumber").asText()).isEqualTo("REG-20261");
    }

    @Test
    void anotherAccountIsToldTheAddressIsTakenAndTakesItOverByActivation() {
        associate("holder2", "shared@example.net");
        app.followLink(CertTrailInstance.linkIn(app.awaitMail("shared@example.net", 1)));

        Response claim = associate("holder3", "SHARED@example.net");
        assertThat(claim.status()).isEqualTo(202);
        assertThat(claim.json().get("heldByAnotherAccount").asBoolean()).isTrue();
        MimeMessage mail = app.awaitMail("shared@example.net", 2);
        assertThat(CertTrailInstance.text(mail)).contains("currently associated with another CertTrail account");

        Response activated = app.followLink(CertTrailInstance.linkIn(mail));
        assertThat(activated.status()).isEqualTo(200);
        assertThat(addressIn(
                                myAddresses(
                                        "holder3",
                                        activated.json().get("accountVersion").asLong()),
                                "shared@example.net")
                        .get("status")
                        .asText())
                .isEqualTo("ACTIVE");

        // the address left the first account, and the history says why
        Awaitility.await()
                .atMost(Duration.ofSeconds(5))
                .until(() -> addressIn(myAddresses("holder2"), "shared@example.net") == null);
        JsonNode moved = history("acct-h2").stream()
                .filter(e -> e.get("type").asText().equals("EmailDisassociated"))
                .findFirst()
                .orElseThrow();
        assertThat(moved.get("details").get("cause").asText()).isEqualTo("OWNERSHIP_MOVED");
        assertThat(moved.get("reason").asText()).contains("acct-h3").contains("proved control of the mailbox");
        JsonNode arrived = history("acct-h3").stream()
                .filter(e -> e.get("type").asText().equals("EmailActivated"))
                .findFirst()
                .orElseThrow();
        assertThat(arrived.get("details").get("previousAccountId").asText()).isEqualTo("acct-h2");
    }

    @Test
    void holderDisassociatesThroughTheConfirmationEmail() throws Exception {
        associate("holder4", "leaving@example.com");
        app.followLink(CertTrailInstance.linkIn(app.awaitMail("leaving@example.com", 1)));

        Response asked = app.post("/api/me/email-disassociations", "holder4", "{\"email\":\"leaving@example.com\"}");
        assertThat(asked.status()).isEqualTo(202);
        assertThat(addressIn(
                                myAddresses(
                                        "holder4",
                                        asked.json().get("accountVersion").asLong()),
                                "leaving@example.com")
                        .get("disassociationRequestedAt")
                        .isNull())
                .isFalse();

        MimeMessage mail = app.awaitMail("leaving@example.com", 2);
        assertThat(mail.getSubject()).contains("disassociation");
        Response confirmed = app.followLink(CertTrailInstance.linkIn(mail));
        assertThat(confirmed.json().get("outcome").asText()).isEqualTo("DISASSOCIATED");
        assertThat(addressIn(
                        myAddresses(
                                "holder4",
                                confirmed.json().get("accountVersion").asLong()),
                        "leaving@example.com"))
                .isNull();
        assertThat(history("acct-h4")).last().satisfies(e -> {
            assertThat(e.get("type").asText()).isEqualTo("EmailDisassociated");
            assertThat(e.get("details").get("cause").asText()).isEqualTo("HOLDER_CONFIRMED");
        });

        assertProblem(
                app.post("/api/me/email-disassociations", "holder4", "{\"email\":\"leaving@example.com\"}"),
                409,
                "address-not-associated");
    }

    @Test
    void operatorForcesAnUnbindingWithAReasonAndTheAuditorSeesWhoAndWhy() {
        associate("holder5", "wrong-person@example.com");
        app.followLink(CertTrailInstance.linkIn(app.awaitMail("wrong-person@example.com", 1)));

        assertProblem(
                app.post(
                        "/api/operator/email-unbindings",
                        "holder5",
                        "{\"email\":\"wrong-person@example.com\",\"reason\":\"x\"}"),
                403,
                "forbidden");

        Response unbound = app.post(
                "/api/operator/email-unbindings",
                "operator",
                "{\"email\":\"wrong-person@example.com\",\"reason\":\"Exam records of another person\"}");
        assertThat(unbound.status()).as(unbound.body()).isEqualTo(200);
        assertThat(unbound.json().get("unboundAccountId").asText()).isEqualTo("acct-h5");
        assertThat(unbound.json().get("email").asText()).isEqualTo("wrong-p****@example.com");

        Awaitility.await()
                .atMost(Duration.ofSeconds(5))
                .until(() -> history("acct-h5").size() == 4);
        List<JsonNode> events = history("acct-h5");
        assertThat(events)
                .extracting(e -> e.get("type").asText())
                .containsExactly(
                        "AccountHolderNamed", "EmailAssociationRequested", "EmailActivated", "EmailDisassociated");
        assertThat(events).extracting(e -> e.get("sequence").asLong()).containsExactly(0L, 1L, 2L, 3L);
        assertThat(events.get(0).get("details").get("lastName").asText()).isEqualTo("Test");
        JsonNode forced = events.get(3);
        assertThat(forced.get("actor").asText()).isEqualTo("operator-1");
        assertThat(forced.get("actorRole").asText()).isEqualTo("OPERATOR");
        assertThat(forced.get("reason").asText()).contains("Exam records of another person");
        assertThat(forced.get("occurredAt").asText()).isNotBlank();
        assertThat(events.get(0).get("actor").asText()).isEqualTo("acct-h5");
        assertThat(events.get(0).get("correlationId").asText()).isNotBlank();

        assertProblem(
                app.post(
                        "/api/operator/email-unbindings",
                        "operator",
                        "{\"email\":\"wrong-person@example.com\",\"reason\":\"again\"}"),
                409,
                "address-not-bound");
        assertProblem(
                app.post(
                        "/api/operator/email-unbindings",
                        "operator",
                        "{\"email\":\"never-seen@example.com\",\"reason\":\"x\"}"),
                409,
                "address-not-bound");
    }

    @Test
    void theHolderIsToldAtTheirOtherAddressesWhenAnAddressLeavesWithoutTheirAsking() {
        app.associate("holder13", "h13-main@example.com");
        app.associate("holder13", "h13-exam@example.com");
        Response unbound = app.post(
                "/api/operator/email-unbindings",
                "operator",
                "{\"email\":\"h13-exam@example.com\",\"reason\":\"Exam records of another person\"}");
        assertThat(unbound.status()).as(unbound.body()).isEqualTo(200);
        String removed = CertTrailInstance.text(app.awaitMail("h13-main@example.com", 2));
        assertThat(removed)
                .contains("removed the address h13-****@example.com")
                .contains("Reason: Exam records of another person");

        app.associate("holder13", "h13-shared@example.com");
        app.associate("holder14", "h13-shared@example.com"); // proves control of the mailbox: takes it over
        String moved = CertTrailInstance.text(app.awaitMail("h13-main@example.com", 3));
        assertThat(moved)
                .contains("h13-sh****@example.com")
                .contains("another CertTrail account")
                .doesNotContain("acct-h14");
        // never to the address that left, and once per event
        app.awaitProjectionsAtHead();
        assertThat(app.mailsTo("h13-exam@example.com")).hasSize(1); // its activation only
        assertThat(app.mailsTo("h13-main@example.com")).hasSize(3);
    }

    @Test
    void expiredLinksAreRefusedAndChangeNothing() {
        Response requested = associate("holder6", "slow@example.com");
        String link = CertTrailInstance.linkIn(app.awaitMail("slow@example.com", 1));
        clock.advance(Duration.ofHours(25));
        try {
            assertThat(app.getHtml(link).status()).isEqualTo(404);
            assertProblem(app.followLink(link), 404, "link-not-valid");
            JsonNode view = myAddresses(
                    "holder6", requested.json().get("accountVersion").asLong());
            assertThat(view.get("accountVersion").asLong())
                    .isEqualTo(requested.json().get("accountVersion").asLong());
            assertThat(addressIn(view, "slow@example.com").get("status").asText())
                    .isEqualTo("ACTIVATION_EXPIRED");
        } finally {
            clock.advance(Duration.ZERO);
        }
    }

    @Test
    void aNewRequestReplacesTheEarlierLink() {
        associate("holder7", "twice@example.com");
        String first = CertTrailInstance.linkIn(app.awaitMail("twice@example.com", 1));
        associate("holder7", "twice@example.com");
        String second = CertTrailInstance.linkIn(app.awaitMail("twice@example.com", 2));
        assertProblem(app.followLink(first), 404, "link-not-valid");
        assertThat(app.followLink(second).status()).isEqualTo(200);
    }

    @Test
    void badInputGetsAProblemDocumentAndChangesNothing() {
        long before = myAddresses("holder8").get("accountVersion").asLong();

        assertProblem(app.post("/api/me/email-associations", "holder8", "{\"email\":"), 400, "invalid-input");
        assertProblem(app.post("/api/me/email-associations", "holder8", "[1,2]"), 400, "invalid-input");
        assertProblem(app.post("/api/me/email-associations", "holder8", "{}"), 400, "invalid-input");
        // the guides' form has the privacy statement's box: not ticked, nothing is sent
        int mails = app.mailsTo("unticked@example.com").size();
        assertProblem(
                app.post(
                        "/api/me/email-associations",
                        "holder8",
                        "{\"email\":\"unticked@example.com\",\"acceptPrivacyStatement\":false}"),
                422,
                "privacy-statement-not-accepted");
        assertThat(app.mailsTo("unticked@example.com")).hasSize(mails);
        assertProblem(
                app.post("/api/me/email-associations", "holder8", "{\"email\":\"not-an-address\"}"),
                400,
                "invalid-email");
        assertProblem(
                app.post("/api/me/email-associations", "holder8", "{\"email\":\"a@example.com\",\"admin\":true}"),
                400,
                "invalid-input");
        assertProblem(
                app.post(
                        "/api/me/email-associations",
                        "holder8",
                        "{\"email\":\"a@example.com\",\"method\":\"TELEPATHY\"}"),
                400,
                "invalid-input");
        assertProblem(
                app.post(
                        "/api/me/email-associations",
                        "holder8",
                        "{\"email\":\"a@example.com\",\"method\":\"SCORE_REPORT\"}"),
                400,
                "invalid-input");
        assertProblem(
                app.post(
                        "/api/me/email-associations",
                        "holder8",
                        "{\"email\":\"" + "a".repeat(100_000) + "@example.com\"}"),
                413,
                "payload-too-large");
        assertProblem(
                app.post("/api/me/email-associations", "holder8", "{\"email\":\"a\u0000b@example.com\"}"),
                400,
                "invalid-input");
        // an escaped control character is refused as text before it is looked at as an address
        assertProblem(
                app.post("/api/me/email-associations", "holder8", "{\"email\":\"a\\u0000b@example.com\"}"),
                400,
                "invalid-input");
        assertProblem(
                app.send(java.net.http.HttpRequest.newBuilder(
                                java.net.URI.create(app.baseUrl + "/api/me/email-associations"))
                        .header("Content-Type", "text/plain")
                        .header("Authorization", "Bearer " + app.tokenFor("holder8"))
                        .POST(java.net.http.HttpRequest.BodyPublishers.ofString("hello"))),
                415,
                "invalid-request");
        assertProblem(app.followLink(app.baseUrl + "/email-links/not-a-real-token"), 404, "link-not-valid");
        assertProblem(app.get("/api/me/email-addresses?minVersion=-1", "holder8"), 400, "invalid-input");
        assertProblem(app.get("/api/me/email-addresses?minVersion=abc", "holder8"), 400, "invalid-request");
        assertProblem(app.get("/api/me/email-addresses;jsessionid=x", "holder8"), 400, "invalid-request");

        assertThat(myAddresses("holder8").get("accountVersion").asLong()).isEqualTo(before);
        assertThat(app.mailsTo("a@example.com")).isEmpty();
    }

    @Test
    void everyEndpointNeedsTheRightRole() {
        assertProblem(app.get("/api/me/email-addresses", null), 401, "unauthenticated");
        assertProblem(app.post("/api/me/email-associations", null, "{\"email\":\"a@b.com\"}"), 401, "unauthenticated");
        assertProblem(app.get("/api/me/email-addresses", "auditor"), 403, "forbidden");
        assertProblem(app.get("/api/audit/accounts/acct-h0/events", "holder0"), 403, "forbidden");
        assertProblem(app.post("/api/me/email-associations", "operator", "{\"email\":\"a@b.com\"}"), 403, "forbidden");
        assertProblem(app.get("/api/audit/accounts/acct-h0/events", "nobody"), 401, "unauthenticated");
        assertThat(app.get("/actuator/health", null).status()).isEqualTo(200);
        assertProblem(app.get("/actuator/env", "auditor"), 403, "forbidden");
    }
}
