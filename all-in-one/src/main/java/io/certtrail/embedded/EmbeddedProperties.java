package io.certtrail.embedded;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param dataDir where the event store and the read models live; a restart on it loses nothing
 * @param mongoPort the MongoDB wire server's port on 127.0.0.1 (0: any free port)
 * @param smtpPort the SMTP server's port on 127.0.0.1 (0: any free port)
 * @param smtpServer whether to run the embedded SMTP server (default); when false, mail goes to the
 *        server {@code spring.mail.host} and {@code spring.mail.port} name, as in production
 */
@ConfigurationProperties("certtrail.embedded")
public record EmbeddedProperties(Path dataDir, int mongoPort, int smtpPort, Boolean smtpServer) {

    public EmbeddedProperties {
        dataDir = dataDir == null ? Path.of("data") : dataDir;
        smtpServer = smtpServer == null || smtpServer;
    }
}
