package io.certtrail.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The SMTP server is down when an activation mail is due: the mail goes out once it is back, not never. */
class MailOutageTest {

    @TempDir
    Path dataDir;

    @Test
    void anActivationMailDueDuringAnOutageIsSentWhenTheServerReturns() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        try (CertTrailInstance app = CertTrailInstance.start(
                dataDir,
                new MutableClock(Instant.parse("2026-03-02T08:00:00Z")),
                Map.of("certtrail.embedded.smtp-port", Integer.toString(port)))) {
            app.smtp.stop();
            var asked = app.post("/api/me/email-associations", "holder0", "{\"email\":\"outage@example.com\"}");
            assertThat(asked.status()).as(asked.body()).isEqualTo(202);
            Thread.sleep(3_000); // the mailer fails and backs off meanwhile

            app.smtp.start();
            String link = CertTrailInstance.linkIn(app.awaitMail("outage@example.com", 1));
            assertThat(app.followLink(link).status()).isEqualTo(200);
            assertThat(app.mailsTo("outage@example.com")).hasSize(1);
        }
    }
}
