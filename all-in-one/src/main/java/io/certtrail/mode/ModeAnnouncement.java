package io.certtrail.mode;

import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/** Says at start which mode runs, and in the demo what that means. */
@Component
class ModeAnnouncement {

    private static final Logger log = LoggerFactory.getLogger(ModeAnnouncement.class);

    private final Environment environment;

    ModeAnnouncement(Environment environment) {
        this.environment = environment;
    }

    @EventListener(ApplicationReadyEvent.class)
    void announce() {
        String dataDir = Path.of(environment.getProperty("certtrail.embedded.data-dir", "./data"))
                .toAbsolutePath()
                .normalize()
                .toString();
        String listening = environment.getProperty("server.address", "every interface") + ":"
                + environment.getProperty("local.server.port", "?");
        if (RunMode.of(environment) == RunMode.PRODUCTION) {
            log.info(
                    "CertTrail runs in production mode on {}: tokens from {}, mail through {}:{}, data in {}",
                    listening,
                    environment.getProperty("certtrail.identity.issuer"),
                    environment.getProperty("spring.mail.host"),
                    environment.getProperty("spring.mail.port"),
                    dataDir);
        } else {
            log.warn(
                    "CertTrail runs in DEMO mode on {}: demo users whose passwords are in the repository, /dev/tokens,"
                            + " /dev/mails (every activation link, no sign-in), demo secrets, data in {}. Not for real"
                            + " people's data: README, \"Run it on one server\" (CERTTRAIL_MODE=production).",
                    listening,
                    dataDir);
        }
    }
}
