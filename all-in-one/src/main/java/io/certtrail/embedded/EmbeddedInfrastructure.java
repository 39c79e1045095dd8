package io.certtrail.embedded;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.mongodb.ConnectionString;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import java.io.IOException;
import org.bson.Document;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.data.mongodb.MongoDatabaseFactory;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcSQLErrorCodesResolver;
import org.axonframework.spring.jdbc.SpringDataSourceConnectionProvider;
import org.axonframework.spring.messaging.unitofwork.SpringTransactionManager;
import javax.sql.DataSource;
import org.springframework.transaction.PlatformTransactionManager;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.annotation.Qualifier;
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
 * wire protocol, SMTP), exactly as it talks to the real servers in production.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(EmbeddedProperties.class)
@ConditionalOnProperty(name = "certtrail.embedded.enabled", havingValue = "true", matchIfMissing = true)
class EmbeddedInfrastructure {

    /** Shut down with the context: its H2 backend loses recent writes unless it is closed. */
    @Bean(destroyMethod = "shutdown")
    MongoServer embeddedMongo(EmbeddedProperties properties) {
        try {
            Files.createDirectories(properties.dataDir());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the data directory " + properties.dataDir(), e);
        }
        MongoServer server = new MongoServer(
                new H2Backend(properties.dataDir().resolve("readmodels.mv").toAbsolutePath().toString()));
        server.bind("127.0.0.1", properties.mongoPort());
        return server;
    }

    @Bean
    MongoConnectionDetails embeddedMongoConnection(MongoServer server) {
        ConnectionString uri = new ConnectionString(
                "mongodb://127.0.0.1:" + server.getLocalAddress().getPort() + "/certtrail");
        return () -> uri;
    }

    /** The wire server does not know the {@code hello} command Boot's own Mongo check sends; it knows {@code ping}. */
    @Bean
    HealthIndicator mongoHealthIndicator(MongoDatabaseFactory mongo) {
        return () -> {
            try {
                mongo.getMongoDatabase().runCommand(new Document("ping", 1));
                return Health.up().withDetail("server", "embedded MongoDB wire server").build();
            } catch (RuntimeException e) {
                return Health.down().withDetail("error", e.getClass().getSimpleName()).build();
            }
        };
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

    // Axon 4.13's JDBC and transaction auto-configurations order themselves after Boot 3 class
    // names that Boot 4 no longer has, so they are skipped; these three beans stand in for them.
    @Bean
    ConnectionProvider axonConnectionProvider(DataSource dataSource) {
        return new SpringDataSourceConnectionProvider(dataSource);
    }

    @Bean
    PersistenceExceptionResolver axonPersistenceExceptionResolver() {
        return new JdbcSQLErrorCodesResolver();
    }

    @Bean
    TransactionManager axonTransactionManager(PlatformTransactionManager transactionManager) {
        return new SpringTransactionManager(transactionManager);
    }

    @Bean
    EventStorageEngine eventStorageEngine(ConnectionProvider connections, TransactionManager transactions,
            PersistenceExceptionResolver exceptions, @Qualifier("eventSerializer") Serializer eventSerializer,
            Serializer serializer) {
        JdbcEventStorageEngine engine = JdbcEventStorageEngine.builder()
                .connectionProvider(connections)
                .transactionManager(transactions)
                .persistenceExceptionResolver(exceptions)
                .eventSerializer(eventSerializer)
                .snapshotSerializer(serializer)
                // events per query when processors read the stream (default 100): fewer round trips
                // while a processor catches up; a live processor reads what is there
                .batchSize(1000)
                .build();
        engine.createSchema(new H2EventTableFactory());
        return engine;
    }
}
