package io.certtrail.query.support;

import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.DeleteOneModel;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.WriteModel;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * A projection's reads and writes for one batch of events. Writes are gathered and sent as one
 * ordered bulk write per collection when the batch's last event has been handled, before the
 * processor stores its token; documents read in the batch are kept, so several events for one
 * account cost one read and one write. Measured with the benchmark, this took the rebuild from
 * one round trip per change to one per collection per batch (see the README).
 *
 * <p>Every filter is an equality on {@code _id} alone: the embedded wire server answers any other
 * filter by scanning the collection. A collection is used either through {@link #update} (blind
 * atomic updates, never read back in the batch) or through {@link #find}/{@link #save}/
 * {@link #delete} (read, change, replace), never both.
 *
 * <p>Outside a unit of work (projection tests calling handlers directly) every call goes to
 * MongoDB at once.
 */
public final class ProjectionBatch {

    private static final String RESOURCE = ProjectionBatch.class.getName();
    private static final String PARKED = RESOURCE + ".parked";
    private static final Logger log = LoggerFactory.getLogger(ProjectionBatch.class);

    private final MongoTemplate mongo;
    private final boolean deferred;
    private final Map<String, List<WriteModel<Document>>> updates = new LinkedHashMap<>();
    private final Map<String, List<Object>> updated = new LinkedHashMap<>();
    private final Map<Class<?>, Map<Object, Optional<Object>>> documents = new LinkedHashMap<>();
    private final Map<Class<?>, Map<Object, Optional<Object>>> changed = new LinkedHashMap<>();

    private ProjectionBatch(MongoTemplate mongo, boolean deferred) {
        this.mongo = mongo;
        this.deferred = deferred;
    }

    /** The batch of the unit of work in progress, or an immediate one outside any. */
    public static ProjectionBatch current(MongoTemplate mongo) {
        if (!CurrentUnitOfWork.isStarted()) {
            return new ProjectionBatch(mongo, false);
        }
        UnitOfWork<?> root = CurrentUnitOfWork.get().root();
        return root.getOrComputeResource(RESOURCE, key -> {
            ProjectionBatch batch = new ProjectionBatch(mongo, true);
            // normally already flushed by the interceptor below; this only catches a processor without it
            root.onPrepareCommit(unitOfWork -> batch.flush());
            return batch;
        });
    }

    /**
     * Flushes after the last event of each batch, inside the handling phase: a failing write fails
     * the batch, which is retried from its start, and the token moves only after the writes succeeded.
     * A batch in which an event was parked is not written at all but handled again (see {@link #eventParked()}).
     */
    public static MessageHandlerInterceptor<EventMessage<?>> flushAtEndOfBatch() {
        return (unitOfWork, chain) -> {
            Object result = chain.proceed();
            if (!(unitOfWork instanceof BatchingUnitOfWork<?> batching) || batching.isLastMessage()) {
                UnitOfWork<?> root = unitOfWork.root();
                ProjectionBatch batch = root.getResource(RESOURCE);
                if (root.resources().remove(PARKED) != null) {
                    if (batch != null) {
                        batch.discard();
                    }
                    log.warn("An event of this batch was parked in the dead-letter queue; the batch is handled again without it");
                    throw new BatchRedone();
                }
                if (batch != null) {
                    batch.flush();
                }
            }
            return result;
        };
    }

    /**
     * A handler failed on an event of this batch and the event was parked. The handler may have
     * changed documents this batch holds before it failed, and they cannot be told apart from the
     * changes of the events before it: the batch is dropped unwritten and handled again from its
     * start. The parked event is skipped then (its sequence is parked), and the others are written once.
     */
    public static void eventParked() {
        if (CurrentUnitOfWork.isStarted()) {
            CurrentUnitOfWork.get().root().resources().put(PARKED, Boolean.TRUE);
        }
    }

    /** Ends a batch with a parked event, so the processor handles it again from its token. */
    static final class BatchRedone extends RuntimeException {
        BatchRedone() {
            super("An event of this batch was parked; the batch is handled again without it", null, false, false);
        }
    }

    /** An atomic single-document update by {@code _id}. */
    public void update(String collection, Object id, Update update, boolean upsert) {
        UpdateOneModel<Document> model = new UpdateOneModel<>(Filters.eq("_id", id), update.getUpdateObject(),
                new UpdateOptions().upsert(upsert));
        if (deferred) {
            updates.computeIfAbsent(collection, name -> new ArrayList<>()).add(model);
            updated.computeIfAbsent(collection, name -> new ArrayList<>()).add(id);
        } else {
            mongo.getCollection(collection).bulkWrite(List.of(model));
            ReadModelChanges.changed(collection, id);
        }
    }

    /** The document as this batch left it, or as stored; null when there is none. */
    public <T> T find(Class<T> type, Object id) {
        if (!deferred) {
            return mongo.findById(id, type);
        }
        Optional<Object> known = documents.computeIfAbsent(type, t -> new HashMap<>())
                .computeIfAbsent(id, key -> Optional.ofNullable(mongo.findById(key, type)));
        return type.cast(known.orElse(null));
    }

    /** Replaces (or creates) the document with this {@code _id}. */
    public void save(Object id, Object document) {
        if (!deferred) {
            mongo.save(document);
            ReadModelChanges.changed(mongo.getCollectionName(document.getClass()), id);
            return;
        }
        change(document.getClass(), id, Optional.of(document));
    }

    public void delete(Class<?> type, Object id) {
        if (!deferred) {
            mongo.remove(Query.query(Criteria.where("_id").is(id)), type);
            return;
        }
        change(type, id, Optional.empty());
    }

    /** What the rest of the batch reads, and what the flush writes (empty: delete). */
    private void change(Class<?> type, Object id, Optional<Object> document) {
        documents.computeIfAbsent(type, t -> new HashMap<>()).put(id, document);
        changed.computeIfAbsent(type, t -> new LinkedHashMap<>()).put(id, document);
    }

    void flush() {
        updates.forEach((collection, models) -> mongo.getCollection(collection)
                .bulkWrite(models, new BulkWriteOptions().ordered(true)));
        updates.clear();
        updated.forEach((collection, ids) -> ids.forEach(id -> ReadModelChanges.changed(collection, id)));
        updated.clear();
        changed.forEach((type, byId) -> {
            List<WriteModel<Document>> models = new ArrayList<>(byId.size());
            byId.forEach((id, document) -> models.add(document.isPresent()
                    ? new ReplaceOneModel<>(Filters.eq("_id", id), stored(document.get()),
                            new ReplaceOptions().upsert(true))
                    : new DeleteOneModel<>(Filters.eq("_id", id))));
            String collection = mongo.getCollectionName(type);
            mongo.getCollection(collection).bulkWrite(models, new BulkWriteOptions().ordered(true));
            byId.keySet().forEach(id -> ReadModelChanges.changed(collection, id));
        });
        changed.clear();
        documents.clear();
    }

    private void discard() {
        updates.clear();
        updated.clear();
        changed.clear();
        documents.clear();
    }

    private Document stored(Object document) {
        Document stored = new Document();
        mongo.getConverter().write(document, stored);
        return stored;
    }
}
