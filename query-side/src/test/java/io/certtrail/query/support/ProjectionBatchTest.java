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
        var result = unitOfWork.executeWithResult(() -> new DefaultInterceptorChain<>(unitOfWork,
                List.of(ProjectionBatch.flushAtEndOfBatch()), handler).proceed());
        if (result.isExceptional()) {
            throw (Exception) result.exceptionResult();
        }
    }

    @Test
    void theWritesOfABatchReachMongoOnlyWithItsLastEvent() throws Exception {
        List<Long> seenWhileHandling = new ArrayList<>();
        runBatch(3, event -> {
            seenWhileHandling.add(stored("lists"));
            ProjectionBatch.current(mongo).update("lists", "doc-1",
                    new Update().addToSet("entries", event.getPayload()), true);
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
                ProjectionBatch.current(mongo).update("lists", event.getPayload(), new Update().set("seen", true), true);
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
            batch.save("acct-1", new MyEmailAddresses("acct-1", version + 1, List.of()));
            return null;
        });

        assertThat(mongo.findById("acct-1", MyEmailAddresses.class).version()).isEqualTo(2);
        assertThat(stored(MyEmailAddresses.COLLECTION)).isEqualTo(1);
    }

    @Test
    void outsideAUnitOfWorkEveryWriteGoesOutAtOnce() {
        ProjectionBatch.current(mongo).update("lists", "doc-1", new Update().set("n", 1), true);

        assertThat(mongo.getCollection("lists").find(new Document("_id", "doc-1")).first()).isNotNull();
    }
}
