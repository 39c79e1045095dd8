package io.certtrail.embedded;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param dataDir where the event store and the read models live; a restart on it loses nothing
 * @param mongoPort the MongoDB wire server's port on 127.0.0.1 (0: any free port)
 * @param smtpPort the SMTP server's port on 127.0.0.1 (0: any free port)
 */
@ConfigurationProperties("certtrail.embedded")
public record EmbeddedProperties(Path dataDir, int mongoPort, int smtpPort) {

    public EmbeddedProperties {
        dataDir = dataDir == null ? Path.of("data") : dataDir;
    }
}
