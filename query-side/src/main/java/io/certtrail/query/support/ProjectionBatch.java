package io.certtrail.query.support;

import com.mongodb.MongoBulkWriteException;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.DeleteOneModel;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.InsertManyOptions;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.WriteModel;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.Message;
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
 * <p>Every filter is on {@code _id} alone (equality, or {@code $in} to read a batch's documents
 * together): the embedded wire server answers any other filter by scanning the collection. A
 * collection is used through one of {@link #update} (blind atomic updates, never read back in the
 * batch), {@link #find}/{@link #save}/{@link #delete} (read, change, replace) or
 * {@link #insertOnce} (documents that never change), never two of them.
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
    private final Map<Class<?>, Map<Object, Object>> inserted = new LinkedHashMap<>();
    /** The kinds of documents this batch has read together already. */
    private final Set<Reads<?>> prefetched = new HashSet<>();

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
                    log.warn(
                            "An event of this batch was parked in the dead-letter queue; the batch is handled again without it");
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

    /** An atomic single-document update by {@code _id}, of a read-model document of this type. */
    public void update(Class<?> document, Object id, Update update, boolean upsert) {
        update(ReadModelChanges.collectionOf(document), id, update, upsert);
    }

    /** As {@link #update(Class, Object, Update, boolean)}, by collection name: for this package's tests. */
    void update(String collection, Object id, Update update, boolean upsert) {
        UpdateOneModel<Document> model = new UpdateOneModel<>(
                Filters.eq("_id", id), update.getUpdateObject(), new UpdateOptions().upsert(upsert));
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
        Optional<Object> known = documents
                .computeIfAbsent(type, t -> new HashMap<>())
                .computeIfAbsent(id, key -> Optional.ofNullable(mongo.findById(key, type)));
        return type.cast(known.orElse(null));
    }

    /**
     * As {@link #find(Class, Object)}, but the first time the batch misses a document of this kind,
     * the documents every event of the batch will ask for (as {@code reads} names them) are read
     * together, a hundred to a query ({@code _id $in}, which the wire server answers from its
     * index): a rebuild's batch of thousands of events costs a few round trips instead of one per
     * document (profile of the rebuild, README). A document no event named is read alone.
     */
    public <T> T find(Reads<T> reads, Object id) {
        if (deferred
                && prefetched.add(reads)
                && CurrentUnitOfWork.isStarted()
                && CurrentUnitOfWork.get().root() instanceof BatchingUnitOfWork<?> batching
                && batching.getMessages().size() > 1) {
            prefetch(reads, batching.getMessages());
        }
        return find(reads.type(), id);
    }

    private <T> void prefetch(Reads<T> reads, List<? extends Message<?>> messages) {
        for (Reads<?> source : reads.documentSources()) {
            if (prefetched.add(source)) {
                prefetch(source, messages);
            }
        }
        Map<Object, Optional<Object>> known = documents.computeIfAbsent(reads.type(), t -> new HashMap<>());
        Set<Object> wanted = new LinkedHashSet<>();
        // strings only: a document not found is then known to be absent (its _id reads back equal)
        Predicate<Object> unknown = id -> id instanceof String && !known.containsKey(id);
        for (Message<?> message : messages) {
            if (message instanceof EventMessage<?> event) {
                reads.idsOf(event).filter(unknown).forEach(wanted::add);
            }
        }
        reads.idsOf(documents).filter(unknown).forEach(wanted::add);
        List<Object> ids = new ArrayList<>(wanted);
        String collection = mongo.getCollectionName(reads.type());
        for (int from = 0; from < ids.size(); from += PREFETCH_CHUNK) {
            List<Object> chunk = ids.subList(from, Math.min(ids.size(), from + PREFETCH_CHUNK));
            Map<Object, Optional<Object>> found = new HashMap<>();
            for (Document stored : mongo.getCollection(collection).find(Filters.in("_id", chunk))) {
                found.put(stored.get("_id"), Optional.of(mongo.getConverter().read(reads.type(), stored)));
            }
            for (Object id : chunk) {
                known.putIfAbsent(id, found.getOrDefault(id, Optional.empty()));
            }
        }
    }

    /**
     * The wire server checks every document an index found against the whole query again, each
     * against every value of {@code $in}: a query's cost grows with the square of its size (1,000
     * ids to a query took a fifth of the wire server's time in the rebuild's profile).
     */
    private static final int PREFETCH_CHUNK = 100;

    /**
     * Which documents of one kind a projection's events read, by their {@code _id}: for each kind of
     * event, a function of the event (and its message, for a sequence number) naming them.
     */
    public static final class Reads<T> {

        private final Class<T> type;
        private final List<Map.Entry<Class<?>, BiFunction<Object, EventMessage<?>, Object>>> sources =
                new ArrayList<>();
        private final List<Map.Entry<Reads<?>, Function<Object, Object>>> derived = new ArrayList<>();

        private Reads(Class<T> type) {
            this.type = type;
        }

        public static <T> Reads<T> of(Class<T> type) {
            return new Reads<>(type);
        }

        /** Events of this kind read the document this function names (null: none). */
        public <E> Reads<T> from(Class<E> eventType, Function<? super E, ?> id) {
            return from(eventType, (event, message) -> id.apply(event));
        }

        /** As {@link #from(Class, Function)}, with the event's message at hand. */
        @SuppressWarnings("unchecked")
        public <E> Reads<T> from(Class<E> eventType, BiFunction<? super E, EventMessage<?>, ?> id) {
            sources.add(Map.entry(eventType, (event, message) -> id.apply((E) event, message)));
            return this;
        }

        /**
         * The documents of {@code source} this batch holds (read first) name documents of this kind too:
         * the owner of an address whose records an event changes, say.
         */
        @SuppressWarnings("unchecked")
        public <S> Reads<T> fromDocuments(Reads<S> source, Function<? super S, ?> id) {
            derived.add(Map.entry(source, document -> id.apply((S) document)));
            return this;
        }

        Class<T> type() {
            return type;
        }

        List<Reads<?>> documentSources() {
            return derived.stream().<Reads<?>>map(Map.Entry::getKey).toList();
        }

        Stream<Object> idsOf(Map<Class<?>, Map<Object, Optional<Object>>> documents) {
            Stream.Builder<Object> ids = Stream.builder();
            for (var source : derived) {
                documents
                        .getOrDefault(source.getKey().type(), Map.of())
                        .values()
                        .forEach(document -> document.map(source.getValue()).ifPresent(id -> addIds(ids, id)));
            }
            return ids.build();
        }

        private static void addIds(Stream.Builder<Object> ids, Object id) {
            if (id instanceof Collection<?> several) {
                several.forEach(ids::add);
            } else if (id != null) {
                ids.add(id);
            }
        }

        Stream<Object> idsOf(EventMessage<?> message) {
            Stream.Builder<Object> ids = Stream.builder();
            for (var source : sources) {
                if (source.getKey().isAssignableFrom(message.getPayloadType())) {
                    addIds(ids, source.getValue().apply(message.getPayload(), message));
                }
            }
            return ids.build();
        }
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

    /**
     * Adds a document that never changes once written (an event's audit entry): inserted, and when it
     * is already there (an event handled again) left as it is. An insert costs the wire server less
     * than a replacement, which first looks the document up and copies it (profile of the rebuild).
     */
    public void insertOnce(Object id, Object document) {
        if (!deferred) {
            String collection = mongo.getCollectionName(document.getClass());
            insertIgnoringDuplicates(collection, List.of(stored(document)));
            ReadModelChanges.changed(collection, id);
            return;
        }
        inserted.computeIfAbsent(document.getClass(), t -> new LinkedHashMap<>())
                .put(id, document);
    }

    private void insertIgnoringDuplicates(String collection, List<Document> documents) {
        try {
            mongo.getCollection(collection).insertMany(documents, new InsertManyOptions().ordered(false));
        } catch (MongoBulkWriteException e) {
            // unordered: every other document was inserted; only duplicates of documents already there are fine
            if (e.getWriteErrors().stream().anyMatch(error -> error.getCode() != DUPLICATE_KEY)
                    || e.getWriteConcernError() != null) {
                throw e;
            }
        }
    }

    private static final int DUPLICATE_KEY = 11000;

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
        inserted.forEach((type, byId) -> {
            String collection = mongo.getCollectionName(type);
            insertIgnoringDuplicates(
                    collection, byId.values().stream().map(this::stored).toList());
            byId.keySet().forEach(id -> ReadModelChanges.changed(collection, id));
        });
        updates.forEach((collection, models) -> mongo.getCollection(collection)
                .bulkWrite(mergedAdditions(models, updated.get(collection)), new BulkWriteOptions().ordered(true)));
        updates.clear();
        updated.forEach((collection, ids) -> ids.forEach(id -> ReadModelChanges.changed(collection, id)));
        updated.clear();
        changed.forEach((type, byId) -> {
            List<WriteModel<Document>> models = new ArrayList<>(byId.size());
            byId.forEach((id, document) -> models.add(
                    document.isPresent()
                            ? new ReplaceOneModel<>(
                                    Filters.eq("_id", id), stored(document.get()), new ReplaceOptions().upsert(true))
                            : new DeleteOneModel<>(Filters.eq("_id", id))));
            String collection = mongo.getCollectionName(type);
            mongo.getCollection(collection).bulkWrite(models, new BulkWriteOptions().ordered(true));
            byId.keySet().forEach(id -> ReadModelChanges.changed(collection, id));
        });
        discard();
    }

    /**
     * The batch's updates with every document's additions ({@code $addToSet} and nothing else, for
     * that document in this batch) sent as one update with {@code $each}, in their order: the same
     * result, one update instead of one per event (a rebuild files thousands of records under a few
     * hundred addresses per batch). A document with any other change keeps its updates as they were.
     */
    static List<WriteModel<Document>> mergedAdditions(List<WriteModel<Document>> models, List<Object> ids) {
        Map<Object, List<Document>> byId = new LinkedHashMap<>();
        Map<Object, Boolean> upserts = new HashMap<>();
        Set<Object> other = new HashSet<>();
        for (int i = 0; i < models.size(); i++) {
            Object update = ((UpdateOneModel<Document>) models.get(i)).getUpdate();
            if (additionOnly(update)) {
                byId.computeIfAbsent(ids.get(i), key -> new ArrayList<>()).add((Document) update);
                boolean upsert =
                        ((UpdateOneModel<Document>) models.get(i)).getOptions().isUpsert();
                if (upserts.putIfAbsent(ids.get(i), upsert) != null && upserts.get(ids.get(i)) != upsert) {
                    other.add(ids.get(i)); // some create the document, some do not: kept one by one
                }
            } else {
                other.add(ids.get(i));
            }
        }
        byId.keySet().removeAll(other);
        byId.values().removeIf(list -> list.size() == 1);
        if (byId.isEmpty()) {
            return models;
        }
        List<WriteModel<Document>> merged = new ArrayList<>(models.size());
        Set<Object> written = new HashSet<>();
        for (int i = 0; i < models.size(); i++) {
            Object id = ids.get(i);
            List<Document> same = byId.get(id);
            if (same == null) {
                merged.add(models.get(i));
            } else if (written.add(id)) {
                Document each = new Document();
                for (Document update : same) {
                    ((Document) update.get("$addToSet"))
                            .forEach((field, value) -> ((Document) each.computeIfAbsent(
                                            field, name -> new Document("$each", new ArrayList<>())))
                                    .getList("$each", Object.class)
                                    .add(value));
                }
                merged.add(new UpdateOneModel<>(
                        Filters.eq("_id", id),
                        new Document("$addToSet", each),
                        new UpdateOptions().upsert(upserts.get(id))));
            }
        }
        return merged;
    }

    private static boolean additionOnly(Object update) {
        return update instanceof Document document
                && document.size() == 1
                && document.get("$addToSet") instanceof Document fields
                && fields.values().stream().noneMatch(value -> value instanceof Document d && d.containsKey("$each"));
    }

    private void discard() {
        inserted.clear();
        updates.clear();
        updated.clear();
        changed.clear();
        documents.clear();
        prefetched.clear();
    }

    private Document stored(Object document) {
        Document stored = new Document();
        mongo.getConverter().write(document, stored);
        return stored;
    }
}
