package io.certtrail.platform.axon;

import javax.sql.DataSource;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcSQLErrorCodesResolver;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.upcasting.event.EventUpcaster;
import org.axonframework.serialization.upcasting.event.EventUpcasterChain;
import org.axonframework.spring.jdbc.SpringDataSourceConnectionProvider;
import org.axonframework.spring.messaging.unitofwork.SpringTransactionManager;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The event store on a JDBC database (H2 here) when Axon Server is switched off
 * ({@code axon.axonserver.enabled=false}): the all-in-one default, and the stand-alone services
 * under their {@code jdbc} profile, which is how the production shape runs in tests here. With
 * Axon Server (the production default) Axon's own auto-configuration supplies the event store.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "axon.axonserver.enabled", havingValue = "false")
public class JdbcEventStoreConfiguration {

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
    EventStorageEngine eventStorageEngine(
            ConnectionProvider connections,
            TransactionManager transactions,
            PersistenceExceptionResolver exceptions,
            @Qualifier("eventSerializer") Serializer eventSerializer,
            ObjectProvider<EventUpcaster> upcasters) {
        JdbcEventStorageEngine engine = JdbcEventStorageEngine.builder()
                .connectionProvider(connections)
                .transactionManager(transactions)
                .persistenceExceptionResolver(exceptions)
                .eventSerializer(eventSerializer)
                // snapshots too: an account's snapshot holds its addresses, sealed like its events
                .snapshotSerializer(eventSerializer)
                // stored events of earlier revisions are read as the current ones
                .upcasterChain(new EventUpcasterChain(upcasters.orderedStream().toList()))
                // events per query when processors read the stream (default 100): fewer round trips
                // while a processor catches up; a live processor reads what is there
                .batchSize(1000)
                .build();
        engine.createSchema(new H2EventTableFactory());
        return engine;
    }
}
