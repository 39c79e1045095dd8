package io.certtrail.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.certtrail.e2e.CertTrailInstance.Response;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Rules 24 and 25 over HTTP with the application's clock moved: a higher certificate renews a
 * lower one, reminders arrive through SMTP once each (also across a restart), a holder who turned
 * them off gets none, the certificate expires, verification says EXPIRED today and VALID for a day
 * before, and the partner's head count on past days is right.
 */
class ExpiryStoryTest {

    private static final Map<String, String> SWEEP_EVERY_SECOND = Map.of(
            "certtrail.expiry.sweep-interval",
            "PT1S",
            "certtrail.expiry.first-sweep-after",
            "PT1S",
            "logging.level.io.certtrail.command.expiry",
            "DEBUG");

    @TempDir
    Path dataDir;

    private static void certification(
            CertTrailInstance app, String id, String email, String name, String effective, String expiration) {
        Response recorded = app.post("/api/operator/records/certifications", "operator", """
                {"sourceRecordId":"%s","email":"%s","certificationName":"%s","certificateNumber":"N-%s",
                 "effectiveDate":"%s","expirationDate":"%s","renewal":false}""".formatted(
                        id, email, name, id, effective, expiration));
        assertThat(recorded.status()).as(recorded.body()).isEqualTo(200);
    }

    /** The reminders the address received (the activation mail aside), by subject, in order. */
    private static List<String> reminders(CertTrailInstance app, String address) {
        return app.mailsTo(address).stream()
                .map(ExpiryStoryTest::subject)
                .filter(s -> s.startsWith("Your certificate"))
                .toList();
    }

    private static MimeMessage awaitReminder(CertTrailInstance app, String address, int n) {
        Awaitility.await()
                .atMost(Duration.ofSeconds(15))
                .until(() -> reminders(app, address).size() >= n);
        return app.mailsTo(address).stream()
                .filter(m -> subject(m).startsWith("Your certificate"))
                .toList()
                .get(n - 1);
    }

    private static String subject(MimeMessage mail) {
        try {
            return mail.getSubject();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static JsonNode verify(CertTrailInstance app, String number, String date) {
        Response response = app.get("/api/public/certificates/" + number + (date == null ? "" : "?date=" + date), null);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    private static JsonNode headCount(CertTrailInstance app, String date) {
        Response response = app.get("/api/partner/head-count?date=" + date, "partner");
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    @Test
    void remindersArriveOnceEachThenTheCertificateExpiresAndThePastStaysAnswerable() throws Exception {
        MutableClock clock = new MutableClock(Instant.parse("2026-03-02T08:00:00Z"));
        try (CertTrailInstance app = CertTrailInstance.start(dataDir, clock, SWEEP_EVERY_SECOND)) {
            // Wan turned reminders off before anything was recorded for them
            app.associate("holder2", "wan@example.com");
            Response off = app.put("/api/me/expiry-reminders", "holder2", "{\"enabled\":false}");
            assertThat(off.status()).as(off.body()).isEqualTo(200);
            assertThat(off.json().get("enabled").asBoolean()).isFalse();
            assertThat(app.put("/api/me/expiry-reminders", "holder2", "{\"enabled\":\"maybe\"}")
                            .status())
                    .isEqualTo(400);
            Awaitility.await()
                    .atMost(Duration.ofSeconds(10))
                    .until(() -> !app.get("/api/me/email-addresses", "holder2")
                            .json()
                            .get("expiryReminders")
                            .asBoolean(true));
            certification(app, "W-1", "wan@example.com", "HCIA-Cloud", "2023-04-01", "2026-04-15");

            app.associate("holder1", "li@example.com");
            certification(app, "S-1", "li@example.com", "HCIA-Storage", "2023-05-30", "2026-05-30");
            certification(app, "P-1", "li@example.com", "HCIP-Security", "2025-01-10", "2026-12-31");
            certification(app, "D-1", "li@example.com", "HCIA-Datacom", "2023-07-01", "2026-07-01");
            // the professional level of the track, earned while the associate one is valid, renews it
            certification(app, "D-2", "li@example.com", "HCIP-Datacom", "2026-02-20", "2029-02-20");
            Response asked = app.post("/api/me/partner-membership", "holder1", "{\"companyId\":\"partner-acme\"}");
            assertThat(asked.status()).as(asked.body()).isEqualTo(202);
            Awaitility.await()
                    .atMost(Duration.ofSeconds(10))
                    .until(() -> app.get("/api/partner/membership-requests", "partner")
                            .body()
                            .contains("acct-h1"));
            assertThat(app.post("/api/partner/memberships/acct-h1/approval", "partner", "")
                            .status())
                    .isEqualTo(200);

            // the administrator asks for the weekly digest once li is on the roster (2026-03-02 is a Monday)
            Awaitility.await()
                    .atMost(Duration.ofSeconds(10))
                    .until(() ->
                            app.get("/api/partner/employees", "partner").body().contains("acct-h1"));
            Response digest = app.put("/api/partner/expiry-digest", "partner", "{\"enabled\":true}");
            assertThat(digest.status()).as(digest.body()).isEqualTo(200);
            assertThat(digest.json().get("sentTo").asText()).isEqualTo("a****@acme.example.com");
            // partner2's sign-in states no address: refused, with why
            Response none = app.put("/api/partner/expiry-digest", "partner2", "{\"enabled\":true}");
            assertThat(none.status()).isEqualTo(400);
            assertThat(none.json().get("detail").asText()).contains("no e-mail address");
            assertThat(app.put("/api/partner/expiry-digest", "holder1", "{\"enabled\":true}")
                            .status())
                    .isEqualTo(403);
            Awaitility.await()
                    .atMost(Duration.ofSeconds(10))
                    .until(() -> verify(app, "N-D-1", null)
                            .get("expirationDate")
                            .asText()
                            .equals("2029-02-20"));
            JsonNode renewed = verify(app, "N-D-1", null);
            assertThat(renewed.get("history").toString()).contains("RENEWED").contains("HCIP-Datacom");
            Awaitility.await()
                    .atMost(Duration.ofSeconds(10))
                    .until(() ->
                            app.get("/api/me/certificates", "holder1").body().contains("2029-02-20"));

            // 89 days before: the 90-day reminder, saying what renews it
            MimeMessage first = awaitReminder(app, "li@example.com", 1);
            assertThat(subject(first)).isEqualTo("Your certificate HCIA-Storage expires in 89 days, on 2026-05-30");
            assertThat(CertTrailInstance.text(first))
                    .contains("N-S-1")
                    .contains("Passing HCIA-Storage again renews it")
                    .contains("a higher level of the Storage track")
                    .contains("Turn them off");

            // this week's digest reached the administrator
            app.awaitMail("admin@acme.example.com", 1);
            clock.advance(Duration.ofDays(60)); // 2026-05-01: 29 days before
            awaitReminder(app, "li@example.com", 2);
            Thread.sleep(2_500); // sweeps come and go, one a second: nothing is sent twice
            assertThat(reminders(app, "li@example.com"))
                    .containsExactly(
                            "Your certificate HCIA-Storage expires in 89 days, on 2026-05-30",
                            "Your certificate HCIA-Storage expires in 29 days, on 2026-05-30");
            assertThat(reminders(app, "wan@example.com")).isEmpty();
            // the administrator's digests: one for the week of 2026-03-02, one for the week of 2026-05-01
            List<MimeMessage> digests = app.mailsTo("admin@acme.example.com");
            assertThat(digests)
                    .extracting(ExpiryStoryTest::subject)
                    .containsExactly(
                            "1 certificate of your employees expires in the next 90 days (2026-W10)",
                            "1 certificate of your employees expires in the next 90 days (2026-W18)");
            assertThat(CertTrailInstance.text(digests.get(0)))
                    .contains("2026-05-30  HCIA-Storage")
                    .doesNotContain("Datacom");
            app.awaitProjectionsAtHead();
        }

        // down for three weeks; the sweep after the start sends the 7-day reminder, and only that
        clock.advance(Duration.ofDays(23)); // 2026-05-24: 6 days before
        try (CertTrailInstance app = CertTrailInstance.start(dataDir, clock, SWEEP_EVERY_SECOND)) {
            awaitReminder(app, "li@example.com", 1);
            Thread.sleep(2_500);
            assertThat(reminders(app, "li@example.com"))
                    .containsExactly("Your certificate HCIA-Storage expires in 6 days, on 2026-05-30");

            clock.advance(Duration.ofDays(7)); // 2026-05-31: the day after its last
            Awaitility.await()
                    .atMost(Duration.ofSeconds(10))
                    .until(() -> app.get("/api/audit/events?type=CertificationExpired", "auditor")
                            .body()
                            .contains("N-S-1"));
            JsonNode today = verify(app, "N-S-1", null);
            assertThat(today.get("status").asText()).isEqualTo("EXPIRED");
            JsonNode before = verify(app, "N-S-1", "2026-05-30");
            assertThat(before.get("statusOnDate").asText()).isEqualTo("VALID");
            assertThat(verify(app, "N-W-1", null).get("status").asText()).isEqualTo("EXPIRED");
            JsonNode mine = app.get("/api/me/certificates", "holder1").json();
            assertThat(mine.toString()).contains("EXPIRED");
            // the renewed one was never due: no reminder about it, nor anything to Wan
            assertThat(reminders(app, "li@example.com")).noneMatch(s -> s.contains("Datacom"));
            assertThat(reminders(app, "wan@example.com")).isEmpty();
            JsonNode audit = app.get("/api/audit/events?type=ExpiryReminderDue", "auditor")
                    .json();
            assertThat(audit.get("totalElements").asLong()).isEqualTo(3);

            // the partner's head count, on days past
            clock.advance(Duration.ofDays(32)); // 2026-07-02
            Response left = app.post("/api/me/partner-membership/ending", "holder1", "{}");
            assertThat(left.status()).as(left.body()).isEqualTo(200);
            Awaitility.await()
                    .atMost(Duration.ofSeconds(10))
                    .until(() -> headCount(app, "2026-07-02").get("employees").asLong() == 0);
            JsonNode june = headCount(app, "2026-06-30");
            assertThat(june.get("employees").asLong()).isEqualTo(1);
            assertThat(june.get("certifiedEmployees").asLong()).isEqualTo(1);
            assertThat(june.get("byCertification").get("HCIP-Security").asLong())
                    .isEqualTo(1);
            assertThat(june.get("byCertification").has("HCIA-Storage")).isFalse(); // expired on 2026-05-30
            assertThat(june.get("byTrackAndLevel")
                            .get("Datacom")
                            .get("ASSOCIATE")
                            .asLong())
                    .isEqualTo(1); // renewed
            JsonNode april = headCount(app, "2026-04-30");
            assertThat(april.get("byCertification").get("HCIA-Storage").asLong())
                    .isEqualTo(1);
            assertThat(april.get("byTrackAndLevel")
                            .get("Storage")
                            .get("ASSOCIATE")
                            .asLong())
                    .isEqualTo(1);
            assertThat(headCount(app, "2026-03-01").get("employees").asLong()).isZero(); // before they joined
            assertThat(app.get("/api/partner/head-count?date=2026-07-03", "partner")
                            .status())
                    .isEqualTo(400);
            assertThat(app.get("/api/partner/head-count?date=June", "partner").status())
                    .isEqualTo(400);
            assertThat(app.get("/api/partner/head-count?date=2026-06-30", "holder1")
                            .status())
                    .isEqualTo(403);
        }
    }
}
