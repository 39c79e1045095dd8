package io.certtrail.platform.operations;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;

/**
 * Shares the segments of every streaming processor fairly among the instances of one service.
 * Axon's processors claim whatever segment is free, so the first instance up would keep them all.
 * Each instance announces itself in {@code processor_instances} every interval; an instance that
 * holds more than its share ({@code ceil(segments / live instances)}) releases the surplus, which
 * the others then claim. An instance that stops or dies stops announcing itself, its claims time
 * out, and the others claim its segments because nothing caps how many one instance may hold.
 * Correctness never depends on this: a segment is processed by whoever holds its claim, and the
 * projections are idempotent when a segment moves in the middle of a batch.
 */
class SegmentBalancer implements SmartLifecycle {

    static final String COLLECTION = "processor_instances";
    private static final Logger log = LoggerFactory.getLogger(SegmentBalancer.class);

    private final ProcessorProgress progress;
    private final TokenStore tokens;
    private final MongoTemplate mongo;
    private final String service;
    private final String instanceId;
    private final Duration interval;
    // liveness of instances is wall-clock time, like Axon's token claims; not the domain's clock
    private final Clock clock = Clock.systemUTC();
    private ScheduledExecutorService scheduler;

    SegmentBalancer(
            ProcessorProgress progress,
            TokenStore tokens,
            MongoTemplate mongo,
            String service,
            String instanceId,
            Duration interval) {
        this.progress = progress;
        this.tokens = tokens;
        this.mongo = mongo;
        this.service = service;
        this.instanceId = instanceId;
        this.interval = interval;
    }

    @Override
    public synchronized void start() {
        scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "segment-balancer");
            thread.setDaemon(true);
            return thread;
        });
        scheduler.scheduleWithFixedDelay(this::balanceQuietly, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void stop() {
        if (scheduler != null) {
            scheduler.shutdownNow();
            scheduler = null;
        }
        try {
            mongo.remove(query(where("_id").is(instanceId)), COLLECTION);
        } catch (RuntimeException e) {
            log.warn("Could not withdraw this instance from {}: {}", COLLECTION, e.toString());
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return scheduler != null;
    }

    /** Stops before the processors do (they stop in Axon's own, later phases), so it does not release while they shut down. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 1;
    }

    private void balanceQuietly() {
        try {
            balance();
        } catch (RuntimeException e) {
            log.warn("Segment balancing skipped this round: {}", e.toString());
        }
    }

    void balance() {
        Instant now = clock.instant();
        mongo.upsert(
                query(where("_id").is(instanceId)),
                new Update().set("service", service).set("seenAt", Date.from(now)),
                COLLECTION);
        int live = liveInstances(now);
        for (StreamingEventProcessor processor : progress.streamingProcessors()) {
            if (!processor.isRunning()) {
                continue;
            }
            int total = tokens.fetchSegments(processor.getName()).length;
            int share = Math.max(1, (total + live - 1) / live);
            List<Integer> held = processor.processingStatus().keySet().stream()
                    .sorted(Comparator.reverseOrder())
                    .toList();
            for (int i = 0; i < held.size() - share; i++) {
                log.info(
                        "Releasing segment {} of {}: holding {} of {} segments with {} instances live",
                        held.get(i),
                        processor.getName(),
                        held.size(),
                        total,
                        live);
                processor.releaseSegment(held.get(i));
            }
        }
    }

    /** Instances of this service seen within three intervals; a handful of documents, read whole. */
    private int liveInstances(Instant now) {
        Date since = Date.from(now.minus(interval.multipliedBy(3)));
        long live =
                mongo.getCollection(COLLECTION).find(new Document("service", service)).into(new ArrayList<>()).stream()
                        .filter(doc -> doc.getDate("seenAt") != null
                                && doc.getDate("seenAt").after(since))
                        .count();
        return (int) Math.max(1, live);
    }
}
