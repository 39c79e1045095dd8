package io.certtrail.platform.axon;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.certtrail.platform.error.DomainException;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.extensions.mongo.DefaultMongoTemplate;
import org.axonframework.extensions.mongo.eventsourcing.tokenstore.MongoTokenStore;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.MessageOriginProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.MongoDatabaseFactory;

/**
 * The Axon plumbing both services share, whatever the event store: Jackson 2 for every stored
 * message (the stored format, chosen once), tracking tokens in MongoDB next to the read models,
 * the actor carried from commands into events, and domain errors carried as codes.
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
        return new ObjectMapper()
                .registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }

    @Bean
    TokenStore tokenStore(MongoDatabaseFactory mongo, @Qualifier("serializer") Serializer serializer) {
        // No transaction manager on purpose: projections are idempotent, and the embedded wire
        // server has no transactions at all.
        return MongoTokenStore.builder()
                .mongoTemplate(DefaultMongoTemplate.builder()
                        .mongoDatabase(mongo.getMongoDatabase())
                        .trackingTokensCollectionName("axon_tracking_tokens")
                        .build())
                .serializer(serializer)
                .build();
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
     * Domain errors cross process boundaries (Axon Server) only as {@link CommandExecutionException}
     * details; translating them here makes the local and the distributed bus behave alike.
     */
    @Bean
    SmartInitializingSingleton domainErrorTranslation(CommandBus commandBus) {
        return () -> commandBus.registerHandlerInterceptor((unitOfWork, chain) -> {
            try {
                return chain.proceed();
            } catch (DomainException e) {
                throw new CommandExecutionException(e.getMessage(), null, e.code());
            }
        });
    }
}
