package io.certtrail.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Stop the all-in-one application and start it again on the same data directory: nothing is lost. */
class RestartTest {

    @TempDir
    Path dataDir;

    @Test
    void restartingOnTheSameDataDirectoryLosesNothingAndResendsNothing() {
        MutableClock clock = new MutableClock(Instant.parse("2026-03-02T08:00:00Z"));
        String pendingLinkPath;
        long version;
        JsonNode historyBefore;
        try (CertTrailInstance first = CertTrailInstance.start(dataDir, clock)) {
            first.post("/api/me/email-associations", "holder0", "{\"email\":\"kept@example.com\"}");
            first.followLink(CertTrailInstance.linkIn(first.awaitMail("kept@example.com", 1)));
            var pending = first.post("/api/me/email-associations", "holder0", "{\"email\":\"later@example.com\"}");
            pendingLinkPath = URI.create(CertTrailInstance.linkIn(first.awaitMail("later@example.com", 1)))
                    .getPath();
            version = pending.json().get("accountVersion").asLong();
            assertThat(first.get("/api/me/email-addresses?minVersion=" + version, "holder0")
                            .status())
                    .isEqualTo(200);
            historyBefore = first.get("/api/audit/accounts/acct-h0/events?minVersion=" + version, "auditor")
                    .json();
        }

        try (CertTrailInstance second = CertTrailInstance.start(dataDir, clock)) {
            JsonNode view = second.get("/api/me/email-addresses?minVersion=" + version, "holder0")
                    .json();
            assertThat(view.get("accountVersion").asLong()).isEqualTo(version);
            assertThat(view.get("addresses"))
                    .extracting(
                            a -> a.get("email").asText() + "=" + a.get("status").asText())
                    .containsExactly("kept@example.com=ACTIVE", "later@example.com=PENDING_ACTIVATION");
            assertThat(second.get("/api/audit/accounts/acct-h0/events", "auditor")
                            .json())
                    .isEqualTo(historyBefore);

            // the link mailed before the restart still works, once
            var followed = second.followLink(second.baseUrl + pendingLinkPath);
            assertThat(followed.status()).isEqualTo(200);
            assertThat(followed.json().get("accountVersion").asLong()).isEqualTo(version + 1);

            // the mailer resumes where it stopped: the next mail is the only one this instance sends
            second.post("/api/me/email-disassociations", "holder0", "{\"email\":\"kept@example.com\"}");
            second.awaitMail("kept@example.com", 1);
            assertThat(second.smtp.getReceivedMessages()).hasSize(1);
        }
    }
}
