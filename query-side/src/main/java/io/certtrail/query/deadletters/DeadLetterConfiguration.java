package io.certtrail.query.deadletters;

import io.certtrail.platform.axon.ProcessingGroups;
import io.certtrail.query.support.ProjectionBatch;
import java.util.Set;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.extensions.mongo.DefaultMongoTemplate;
import org.axonframework.extensions.mongo.eventhandling.deadletter.MongoSequencedDeadLetterQueue;
import org.axonframework.messaging.deadletter.Decisions;
import org.axonframework.messaging.deadletter.EnqueuePolicy;
import org.axonframework.messaging.deadletter.ThrowableCause;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.MongoDatabaseFactory;

/**
 * Every projection parks what it cannot handle instead of stopping or skipping it: an event whose
 * handler fails goes to Axon's sequenced dead-letter queue (collection {@code dead_letters}), with
 * the later events of its sequence, so they are never applied out of order; every other sequence
 * keeps flowing. Operators see the parked events and retry them after a fix
 * ({@code /api/operator/dead-letters}). Without this, Axon logs a failing handler and moves on:
 * the view silently lacks the event for good.
 *
 * <p>A sequence is an aggregate for most projections; for the partner view and the suspect
 * bindings, which join several kinds of aggregate, it is the whole stream, so one failing event
 * holds that view (and only that view) until it is retried.
 */
@Configuration(proxyBeanMethods = false)
class DeadLetterConfiguration {

    static final String COLLECTION = "dead_letters";

    /** The projections of the query side, each its own processing group and processor. */
    static final Set<String> PROJECTIONS = Set.copyOf(ProcessingGroups.PROJECTIONS);

    @Bean
    ConfigurerModule deadLetterQueues(MongoDatabaseFactory mongo) {
        DefaultMongoTemplate template = DefaultMongoTemplate.builder()
                .mongoDatabase(mongo.getMongoDatabase())
                .deadLetterCollectionName(COLLECTION)
                .build();
        return configurer -> configurer.eventProcessing(processing -> {
            processing.registerDeadLetterQueueProvider(group -> !PROJECTIONS.contains(group)
                    ? null
                    : config -> new DistinctLetters(MongoSequencedDeadLetterQueue.<EventMessage<?>>builder()
                            .processingGroup(group)
                            .mongoTemplate(template)
                            .serializer(config.serializer())
                            // no transactions: the embedded wire server has none, and the queue needs none
                            .transactionManager(NoTransactionManager.instance())
                            .build()));
            processing.registerDefaultDeadLetterPolicy(config -> parkAndRedoTheBatch());
            // Without the cache every event asks the queue whether its sequence is parked: a round trip each.
            PROJECTIONS.forEach(group -> processing.registerDeadLetteringEventHandlerInvokerConfiguration(
                    group, (config, builder) -> builder.enableSequenceIdentifierCache()));
        });
    }

    /**
     * Parks the failed event (with its cause, shortened) and tells the batch it failed in: the
     * failing handler may have changed documents the batch holds, so the batch is handled again
     * from its start, without the parked event ({@link ProjectionBatch#eventParked()}).
     */
    static EnqueuePolicy<EventMessage<?>> parkAndRedoTheBatch() {
        return (letter, cause) -> {
            ProjectionBatch.eventParked();
            return Decisions.enqueue(ThrowableCause.truncated(cause));
        };
    }
}
