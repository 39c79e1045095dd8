package io.certtrail.platform.axon;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.certtrail.events.upcasting.MembershipEndedUpcaster;
import java.time.Duration;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.CommandBusSpanFactory;
import org.axonframework.commandhandling.DuplicateCommandHandlerResolver;
import org.axonframework.commandhandling.SimpleCommandBus;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.extensions.mongo.DefaultMongoTemplate;
import org.axonframework.extensions.mongo.eventsourcing.tokenstore.MongoTokenStore;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.MessageOriginProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.axonframework.messaging.interceptors.CorrelationDataInterceptor;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.upcasting.event.EventUpcaster;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.MongoDatabaseFactory;

/**
 * The Axon plumbing both services share, whatever the event store: Jackson 2 for every stored
 * message (the stored format, chosen once), tracking tokens in MongoDB next to the read models,
 * the actor carried from commands into events, and every command failure carried as a code.
 */
@Configuration(proxyBeanMethods = false)
public class AxonInfrastructureConfiguration {

    /** Metadata keys copied from a command onto every event it causes. */
    public static final String ACTOR = "actor";

    public static final String ACTOR_ROLE = "actorRole";
    public static final String CLIENT_ADDRESS = "clientAddress";

    /** Axon's JacksonSerializer picks this up (axon.serializer.*=jackson). Boot 4 itself uses Jackson 3. */
    @Bean
    ObjectMapper defaultAxonObjectMapper() {
        return storedFormat();
    }

    /** The mapper that fixes how events are stored; tools writing the store directly must use it too. */
    public static ObjectMapper storedFormat() {
        return new ObjectMapper()
                .registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }

    /**
     * Reads stored events of an earlier revision as the current one. Axon's auto-configuration
     * hands upcaster beans to the Axon Server event store; the JDBC store takes them explicitly.
     */
    @Bean
    EventUpcaster membershipEndedRevision1() {
        return new MembershipEndedUpcaster();
    }

    @Bean
    TokenStore tokenStore(
            MongoDatabaseFactory mongo,
            @Qualifier("serializer") Serializer serializer,
            @Value("${certtrail.processing.claim-timeout:PT30S}") Duration claimTimeout) {
        // No transaction manager on purpose: projections are idempotent, and the embedded wire
        // server has no transactions at all.
        // The claim timeout: how long a segment whose instance stopped extending its claim waits before
        // another instance may take it. An instance extends its claims between batches only, and a
        // rebuild's batch of 2,000 events took over 10 s (the token store's default) in the benchmark's
        // production shape: the other instance took the segment in the middle of the batch, and both
        // kept aborting the partner view's work. A stopped instance's segments now wait up to 30 s.
        return MongoTokenStore.builder()
                .claimTimeout(claimTimeout)
                .mongoTemplate(DefaultMongoTemplate.builder()
                        .mongoDatabase(mongo.getMongoDatabase())
                        .trackingTokensCollectionName("axon_tracking_tokens")
                        .build())
                .serializer(serializer)
                .build();
    }

    /**
     * Event processors write only to MongoDB, never to the event store's database. Left to Axon,
     * they would run in the JDBC transaction manager, and a tracking processor in a transaction
     * stores its token <em>before</em> handling the batch, on the assumption that the token store
     * shares that transaction. The MongoDB token store does not: a crash in the middle of a batch
     * would skip the rest of it. Without a transaction manager the token is stored after the
     * batch's handlers have run, so a crash means redelivery, which the idempotent projections absorb.
     */
    @Bean
    ConfigurerModule processorsWithoutTransactions() {
        return configurer -> configurer.eventProcessing(
                processing -> processing.registerDefaultTransactionManager(config -> NoTransactionManager.instance()));
    }

    /** Declaring any provider replaces Axon's default one, so the correlation/causation ids are declared too. */
    @Bean
    CorrelationDataProvider messageOriginProvider() {
        return new MessageOriginProvider();
    }

    @Bean
    CorrelationDataProvider actorCorrelation() {
        return new SimpleCorrelationDataProvider(ACTOR, ACTOR_ROLE, CLIENT_ADDRESS);
    }

    /**
     * Events are stamped by Axon's own clock, a static one. It is set to the application's clock,
     * so an event's time (what the audit trail shows and searches by) is the time the domain saw.
     */
    @Bean
    SmartInitializingSingleton eventTimesFromTheClock(java.time.Clock clock) {
        return () -> {
            org.axonframework.eventhandling.GenericEventMessage.clock = clock;
            // when an event was parked in a dead-letter queue, and last retried
            org.axonframework.messaging.deadletter.GenericDeadLetter.clock = clock;
        };
    }

    /**
     * Axon's own command bus (on Axon Server, its local segment), with every failure carried as a
     * code: see {@link CodedFailuresCommandBus}. Built as Axon's auto-configuration builds its own.
     */
    @Bean
    @Qualifier("localSegment")
    SimpleCommandBus commandBus(
            TransactionManager txManager,
            org.axonframework.config.Configuration axon,
            DuplicateCommandHandlerResolver duplicates) {
        SimpleCommandBus bus = new CodedFailuresCommandBus(SimpleCommandBus.builder()
                .transactionManager(txManager)
                .duplicateCommandHandlerResolver(duplicates)
                .spanFactory(axon.getComponent(CommandBusSpanFactory.class))
                .messageMonitor(axon.messageMonitor(CommandBus.class, "commandBus")));
        bus.registerHandlerInterceptor(new CorrelationDataInterceptor<>(axon.correlationDataProviders()));
        return bus;
    }
}
