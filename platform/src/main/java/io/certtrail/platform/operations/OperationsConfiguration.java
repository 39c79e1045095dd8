package io.certtrail.platform.operations;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.bson.Document;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.MongoDatabaseFactory;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * What operators and orchestrators read: health of the two stores the readiness probe depends on,
 * and the event processors' lag as metrics (Prometheus at {@code /actuator/prometheus}).
 */
@Configuration(proxyBeanMethods = false)
class OperationsConfiguration {

    /**
     * MongoDB answers {@code ping}. Replaces Boot's own check, which sends {@code hello}: the
     * embedded wire server does not know it, and a real server answers both.
     */
    @Bean
    HealthIndicator mongoHealthIndicator(MongoDatabaseFactory mongo) {
        return () -> {
            try {
                mongo.getMongoDatabase().runCommand(new Document("ping", 1));
                return Health.up().build();
            } catch (RuntimeException e) {
                return Health.down()
                        .withDetail("error", e.getClass().getSimpleName())
                        .build();
            }
        };
    }

    /**
     * The event store (Axon Server, or the JDBC store) tells where its stream ends, within
     * {@link #STORE_CHECK_TIMEOUT}: a probe must answer even while a connection hangs. The question
     * runs on a thread of its own, and a probe arriving while one is still unanswered waits for that
     * one instead of asking again, so a hanging store ties up one thread, not one per probe.
     */
    @Bean
    HealthIndicator eventStoreHealthIndicator(EventStore eventStore) {
        ExecutorService checker = Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(runnable, "event-store-health");
            thread.setDaemon(true);
            return thread;
        });
        AtomicReference<CompletableFuture<TrackingToken>> pending = new AtomicReference<>();
        return () -> {
            CompletableFuture<TrackingToken> check = pending.updateAndGet(current -> current == null || current.isDone()
                    ? CompletableFuture.supplyAsync(eventStore::createHeadToken, checker)
                    : current);
            try {
                TrackingToken head = check.get(STORE_CHECK_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
                return Health.up()
                        .withDetail("head", head == null ? -1 : head.position().orElse(-1))
                        .build();
            } catch (TimeoutException e) {
                return Health.down()
                        .withDetail("error", "no answer within " + STORE_CHECK_TIMEOUT)
                        .build();
            } catch (ExecutionException e) {
                return Health.down()
                        .withDetail("error", e.getCause().getClass().getSimpleName())
                        .build();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Health.down().build();
            }
        };
    }

    static final Duration STORE_CHECK_TIMEOUT = Duration.ofSeconds(3);

    /** Only where several instances of a service share processors: the stand-alone services. */
    @Bean
    @ConditionalOnProperty(name = "certtrail.processing.balance.enabled", havingValue = "true")
    SegmentBalancer segmentBalancer(
            ProcessorProgress progress,
            TokenStore tokens,
            MongoTemplate mongo,
            @Value("${spring.application.name}") String service,
            @Value("${certtrail.processing.instance-id:}") String instanceId,
            @Value("${certtrail.processing.balance.interval:PT5S}") Duration interval) {
        String id = instanceId.isBlank()
                ? hostName() + "-" + UUID.randomUUID().toString().substring(0, 8)
                : instanceId;
        return new SegmentBalancer(progress, tokens, mongo, service, id, interval);
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "instance";
        }
    }

    /**
     * Per processor of this instance: events between its slowest claimed segment and the head
     * ({@code certtrail.processor.lag}), and how many segments it holds
     * ({@code certtrail.processor.segments}). Registered once the processors exist.
     */
    @Bean
    ApplicationListener<ApplicationReadyEvent> eventProcessorLagMetrics(
            ProcessorProgress progress, MeterRegistry registry) {
        return event -> {
            for (StreamingEventProcessor processor : progress.streamingProcessors()) {
                Gauge.builder("certtrail.processor.lag", processor, p -> {
                            Long behind =
                                    ProcessorProgress.view(p, progress.head()).behind();
                            return behind == null ? Double.NaN : behind;
                        })
                        .description("events between the slowest claimed segment and the head of the stream")
                        .baseUnit("events")
                        .tag("processor", processor.getName())
                        .register(registry);
                Gauge.builder(
                                "certtrail.processor.segments",
                                processor,
                                p -> p.processingStatus().size())
                        .description("segments this instance has claimed")
                        .tag("processor", processor.getName())
                        .register(registry);
            }
        };
    }
}
