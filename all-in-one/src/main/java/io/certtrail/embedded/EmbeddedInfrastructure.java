package io.certtrail.embedded;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.mongodb.ConnectionString;
import de.bwaldvogel.mongo.MongoServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.mongodb.autoconfigure.MongoConnectionDetails;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * The embedded default: every server CertTrail talks to runs inside this JVM, bound to
 * 127.0.0.1, and the application talks to them over their real protocols (JDBC, the MongoDB
 * wire protocol, SMTP), exactly as it talks to the real servers in production. The event store's
 * JDBC engine is the platform's ({@code JdbcEventStoreConfiguration}), on the H2 file configured
 * as the data source.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(EmbeddedProperties.class)
@ConditionalOnProperty(name = "certtrail.embedded.enabled", havingValue = "true", matchIfMissing = true)
class EmbeddedInfrastructure {

    /** The wire server's store; closed by the server's shutdown, not by the context. */
    @Bean(destroyMethod = "")
    DurableH2Backend readModelStore(EmbeddedProperties properties) {
        try {
            Files.createDirectories(properties.dataDir());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the data directory " + properties.dataDir(), e);
        }
        return DurableH2Backend.open(properties.dataDir().toAbsolutePath());
    }

    /** Shut down with the context, which closes the H2 file cleanly; every write is committed as it is answered. */
    @Bean(destroyMethod = "shutdown")
    MongoServer embeddedMongo(EmbeddedProperties properties, DurableH2Backend store) {
        MongoServer server = new MongoServer(store);
        server.bind("127.0.0.1", properties.mongoPort());
        return server;
    }

    @Bean
    MongoConnectionDetails embeddedMongoConnection(MongoServer server) {
        ConnectionString uri = new ConnectionString(
                "mongodb://127.0.0.1:" + server.getLocalAddress().getPort() + "/certtrail");
        return () -> uri;
    }

    @Bean(destroyMethod = "stop")
    @ConditionalOnProperty(name = "certtrail.embedded.smtp-server", havingValue = "true", matchIfMissing = true)
    GreenMail embeddedSmtp(EmbeddedProperties properties) {
        ServerSetup setup = new ServerSetup(properties.smtpPort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP);
        GreenMail greenMail = new GreenMail(properties.smtpPort() == 0 ? setup.dynamicPort() : setup);
        greenMail.start();
        return greenMail;
    }

    @Bean
    @ConditionalOnProperty(name = "certtrail.embedded.smtp-server", havingValue = "true", matchIfMissing = true)
    JavaMailSender embeddedMailSender(GreenMail smtp) {
        JavaMailSenderImpl sender = new JavaMailSenderImpl();
        sender.setHost("127.0.0.1");
        sender.setPort(smtp.getSmtp().getPort());
        sender.setDefaultEncoding("UTF-8");
        return sender;
    }
}
