package io.certtrail.query.support;

import static org.assertj.core.api.Assertions.assertThat;

import io.certtrail.query.account.MyEmailAddresses;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.DefaultInterceptorChain;
import org.axonframework.messaging.MessageHandler;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;

/** The batch runs as a tracking processor runs it: a batching unit of work, the flush interceptor, then the handler. */
class ProjectionBatchTest {

    @RegisterExtension
    static final MongoWireServer MONGO = new MongoWireServer();

    private MongoTemplate mongo;

    @BeforeEach
    void setUp() {
        mongo = MONGO.freshDatabase();
    }

    private long stored(String collection) {
        return mongo.getCollection(collection).countDocuments();
    }

    private void runBatch(int events, MessageHandler<EventMessage<?>> handler) throws Exception {
        List<EventMessage<?>> batch = new ArrayList<>();
        for (int i = 0; i < events; i++) {
            batch.add(GenericEventMessage.asEventMessage("event-" + i));
        }
        BatchingUnitOfWork<EventMessage<?>> unitOfWork = new BatchingUnitOfWork<>(batch);
        var result = unitOfWork.executeWithResult(
                () -> new DefaultInterceptorChain<>(unitOfWork, List.of(ProjectionBatch.flushAtEndOfBatch()), handler)
                        .proceed());
        if (result.isExceptional()) {
            throw (Exception) result.exceptionResult();
        }
    }

    @Test
    void theWritesOfABatchReachMongoOnlyWithItsLastEvent() throws Exception {
        List<Long> seenWhileHandling = new ArrayList<>();
        runBatch(3, event -> {
            seenWhileHandling.add(stored("lists"));
            ProjectionBatch.current(mongo)
                    .update("lists", "doc-1", new Update().addToSet("entries", event.getPayload()), true);
            return null;
        });

        assertThat(seenWhileHandling).containsExactly(0L, 0L, 0L);
        assertThat(mongo.getCollection("lists").find().first().getList("entries", String.class))
                .containsExactly("event-0", "event-1", "event-2");
    }

    @Test
    void aBatchThatFailsHalfwayWritesNothing() {
        try {
            runBatch(3, event -> {
                ProjectionBatch.current(mongo)
                        .update("lists", event.getPayload(), new Update().set("seen", true), true);
                if (event.getPayload().equals("event-1")) {
                    throw new IllegalStateException("poison");
                }
                return null;
            });
        } catch (Exception expected) {
            assertThat(expected).hasMessage("poison");
        }
        assertThat(stored("lists")).isZero();
    }

    @Test
    void aDocumentReadInTheBatchShowsTheBatchsOwnChangesAndIsWrittenOnce() throws Exception {
        runBatch(3, event -> {
            ProjectionBatch batch = ProjectionBatch.current(mongo);
            MyEmailAddresses current = batch.find(MyEmailAddresses.class, "acct-1");
            long version = current == null ? -1 : current.version();
            batch.save("acct-1", new MyEmailAddresses("acct-1", version + 1, List.of(), false));
            return null;
        });

        assertThat(mongo.findById("acct-1", MyEmailAddresses.class).version()).isEqualTo(2);
        assertThat(stored(MyEmailAddresses.COLLECTION)).isEqualTo(1);
    }

    @Test
    void outsideAUnitOfWorkEveryWriteGoesOutAtOnce() {
        ProjectionBatch.current(mongo).update("lists", "doc-1", new Update().set("n", 1), true);

        assertThat(mongo.getCollection("lists")
                        .find(new Document("_id", "doc-1"))
                        .first())
                .isNotNull();
    }

    @Test
    void additionsToOneDocumentGoOutAsOneUpdateWithTheSameResult() throws Exception {
        mongo.getCollection("lists").insertOne(new Document("_id", "doc-a").append("entries", List.of("event-1")));
        mongo.getCollection("lists").insertOne(new Document("_id", "doc-c").append("entries", List.of("x", "y")));
        runBatch(6, event -> {
            ProjectionBatch batch = ProjectionBatch.current(mongo);
            String payload = (String) event.getPayload();
            int n = Integer.parseInt(payload.substring("event-".length()));
            batch.update("lists", n % 2 == 0 ? "doc-a" : "doc-b", new Update().addToSet("entries", payload), true);
            batch.update("lists", n % 2 == 0 ? "doc-a" : "doc-b", new Update().addToSet("other", n % 3), true);
            if (n == 3) { // a document with another kind of change keeps its updates in order
                batch.update("lists", "doc-c", new Update().addToSet("entries", "z"), true);
                batch.update("lists", "doc-c", new Update().pull("entries", "x"), false);
                batch.update("lists", "doc-c", new Update().addToSet("entries", "x"), true);
            }
            return null;
        });

        var lists = mongo.getCollection("lists");
        assertThat(lists.find(new Document("_id", "doc-a")).first().getList("entries", String.class))
                .containsExactly("event-1", "event-0", "event-2", "event-4"); // event-1 was there: not twice
        assertThat(lists.find(new Document("_id", "doc-a")).first().getList("other", Integer.class))
                .containsExactly(0, 2, 1);
        assertThat(lists.find(new Document("_id", "doc-b")).first().getList("entries", String.class))
                .containsExactly("event-1", "event-3", "event-5");
        assertThat(lists.find(new Document("_id", "doc-c")).first().getList("entries", String.class))
                .containsExactly("y", "z", "x");
    }

    @Test
    void theMergedUpdatesAreOnePerDocumentAndTheOthersStayAsTheyWere() {
        List<com.mongodb.client.model.WriteModel<Document>> models = new ArrayList<>();
        List<Object> ids = new ArrayList<>();
        for (Object[] update : new Object[][] {
            {"a", new Document("$addToSet", new Document("l", 1))},
            {"b", new Document("$set", new Document("n", 1))},
            {"a", new Document("$addToSet", new Document("l", 2))},
            {"c", new Document("$addToSet", new Document("l", 3))}
        }) {
            ids.add(update[0]);
            models.add(new com.mongodb.client.model.UpdateOneModel<>(
                    new Document("_id", update[0]),
                    (Document) update[1],
                    new com.mongodb.client.model.UpdateOptions().upsert(true)));
        }

        var merged = ProjectionBatch.mergedAdditions(models, ids);

        assertThat(merged).hasSize(3);
        assertThat(((com.mongodb.client.model.UpdateOneModel<Document>) merged.get(0)).getUpdate())
                .isEqualTo(new Document("$addToSet", new Document("l", new Document("$each", List.of(1, 2)))));
        assertThat(merged.subList(1, 3)).containsExactly(models.get(1), models.get(3));
    }

    record Named(String id, String name) {}

    private static final ProjectionBatch.Reads<Named> NAMED =
            ProjectionBatch.Reads.of(Named.class).from(String.class, payload -> payload.replace("event-", "doc-"));

    @Test
    void documentsTheEventsNameAreReadTogetherAndTheBatchsOwnChangesWin() throws Exception {
        for (int i = 0; i < 250; i += 2) { // every other document exists
            mongo.save(new Named("doc-" + i, "stored " + i));
        }
        List<String> seen = new ArrayList<>();
        runBatch(250, event -> {
            ProjectionBatch batch = ProjectionBatch.current(mongo);
            String id = ((String) event.getPayload()).replace("event-", "doc-");
            Named found = batch.find(NAMED, id);
            seen.add(found == null ? null : found.name());
            batch.save(id, new Named(id, "changed"));
            Named again = batch.find(NAMED, id);
            assertThat(again.name()).isEqualTo("changed");
            return null;
        });

        for (int i = 0; i < 250; i++) {
            assertThat(seen.get(i)).isEqualTo(i % 2 == 0 ? "stored " + i : null);
        }
        assertThat(mongo.findById("doc-7", Named.class).name()).isEqualTo("changed");
    }

    record Entry(String id, String text) {}

    @Test
    void aDocumentInsertedOnceIsLeftAsItIsWhenItsEventComesAgain() throws Exception {
        for (int round = 0; round < 2; round++) {
            String text = "round " + round;
            runBatch(3, event -> {
                ProjectionBatch.current(mongo)
                        .insertOnce(event.getPayload(), new Entry((String) event.getPayload(), text));
                return null;
            });
        }
        assertThat(mongo.findAll(Entry.class))
                .extracting(Entry::text)
                .containsOnly("round 0")
                .hasSize(3);
    }
}
