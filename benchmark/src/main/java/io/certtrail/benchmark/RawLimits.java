package io.certtrail.benchmark;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import de.bwaldvogel.mongo.MongoServer;
import io.certtrail.events.account.AccountHolderNamed;
import io.certtrail.platform.axon.H2EventTableFactory;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.messaging.MetaData;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * What the machine itself manages with the same engines and settings, measured on scratch files
 * in the same run: the ceiling each CertTrail figure is compared against.
 */
final class RawLimits {

    record Figures(double appendsPerSecond, double insertsPerSecond, double upsertsPerSecond, Latencies lookups) {}

    static Figures measure(Path scratch, int documents) throws Exception {
        double appends = eventAppends(scratch.resolve("raw-eventstore"), Duration.ofSeconds(5), 8);
        // the application's own read-model store: the wire server's H2 backend with BSON documents
        MongoServer server = new MongoServer(io.certtrail.embedded.DurableH2Backend.open(
                java.nio.file.Files.createDirectories(scratch.resolve("raw-readmodels"))));
        try {
            server.bind("127.0.0.1", 0);
            try (MongoClient client = MongoClients.create(
                    "mongodb://127.0.0.1:" + server.getLocalAddress().getPort())) {
                MongoCollection<Document> collection = client.getDatabase("raw").getCollection("documents");
                double inserts = bulkInserts(collection, documents);
                double upserts = bulkUpserts(client.getDatabase("raw").getCollection("lists"), documents);
                Latencies lookups = lookups(collection, documents, 20_000);
                return new Figures(appends, inserts, upserts, lookups);
            }
        } finally {
            server.shutdown();
        }
    }

    /** Single-event transactions, as a command appends, from several writers at once. */
    static double eventAppends(Path file, Duration duration, int writers) throws Exception {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl("jdbc:h2:file:" + file.toAbsolutePath() + ";DB_CLOSE_ON_EXIT=FALSE");
        config.setUsername("sa");
        config.setPassword("");
        config.setMaximumPoolSize(writers);
        try (HikariDataSource dataSource = new HikariDataSource(config)) {
            JdbcEventStorageEngine engine = Seeder.engine(dataSource, 100);
            engine.createSchema(new H2EventTableFactory());
            AtomicLong appended = new AtomicLong();
            long end = System.nanoTime() + duration.toNanos();
            ExecutorService pool = Executors.newFixedThreadPool(writers, SmtpSink.daemon("raw-writer"));
            List<Future<?>> running = new ArrayList<>();
            for (int w = 0; w < writers; w++) {
                String aggregate = "raw-" + w;
                running.add(pool.submit(() -> {
                    for (long sequence = 0; System.nanoTime() < end; sequence++) {
                        engine.appendEvents(new GenericDomainEventMessage<>(
                                "Account",
                                aggregate,
                                sequence,
                                new AccountHolderNamed(aggregate, "Given", "Family"),
                                MetaData.with("actor", aggregate)));
                        appended.incrementAndGet();
                    }
                }));
            }
            try {
                for (Future<?> writer : running) {
                    writer.get();
                }
            } finally {
                pool.shutdownNow();
            }
            return appended.get() / (duration.toNanos() / 1e9);
        }
    }

    private static Document document(int i) {
        return new Document("_id", "doc-" + i)
                .append("accountId", "bench-acct-" + i)
                .append(
                        "entries",
                        List.of(new Document("recordId", UUID.randomUUID().toString())
                                .append("courseName", "Course " + (i % 300))
                                .append("provider", "Authorized Learning Partner")
                                .append("endDate", "2026-03-01")
                                .append("result", "COMPLETED")));
    }

    private static double bulkInserts(MongoCollection<Document> collection, int documents) {
        long start = System.nanoTime();
        for (int i = 0; i < documents; i += 1_000) {
            List<Document> batch = new ArrayList<>();
            for (int j = i; j < Math.min(documents, i + 1_000); j++) {
                batch.add(document(j));
            }
            collection.insertMany(batch);
        }
        return documents / ((System.nanoTime() - start) / 1e9);
    }

    /** The projections' own operation: add an entry to a list in a document found by {@code _id}, creating it if needed. */
    private static double bulkUpserts(MongoCollection<Document> collection, int documents) {
        Random random = new Random(7);
        int distinct = Math.max(1, documents / 5);
        long start = System.nanoTime();
        for (int i = 0; i < documents; i += 1_000) {
            List<UpdateOneModel<Document>> batch = new ArrayList<>();
            for (int j = i; j < Math.min(documents, i + 1_000); j++) {
                Bson filter = Filters.eq("_id", "list-" + random.nextInt(distinct));
                batch.add(new UpdateOneModel<>(
                        filter,
                        Updates.addToSet(
                                "entries",
                                new Document("recordId", "r-" + j).append("courseName", "Course " + (j % 300))),
                        new UpdateOptions().upsert(true)));
            }
            collection.bulkWrite(batch);
        }
        return documents / ((System.nanoTime() - start) / 1e9);
    }

    private static Latencies lookups(MongoCollection<Document> collection, int documents, int count) {
        Random random = new Random(11);
        Latencies latencies = new Latencies();
        for (int i = 0; i < count; i++) {
            long start = System.nanoTime();
            collection
                    .find(Filters.eq("_id", "doc-" + random.nextInt(documents)))
                    .first();
            latencies.record(System.nanoTime() - start);
        }
        return latencies;
    }
}
