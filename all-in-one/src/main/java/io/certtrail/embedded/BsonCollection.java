package io.certtrail.embedded;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.AbstractSynchronizedMongoCollection;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.DocumentWithPosition;
import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.Utils;
import de.bwaldvogel.mongo.backend.ValueComparator;
import de.bwaldvogel.mongo.bson.Document;
import java.util.NoSuchElementException;
import java.util.UUID;
import java.util.stream.Stream;
import org.h2.mvstore.MVMap;

/**
 * A collection of the read-model store: the H2 backend's {@code H2Collection} (same map, same
 * positions, same queries) with each document kept beside its BSON ({@link StoredDocument}), so a
 * commit writes the unchanged documents of a changed page as the bytes they already are.
 * <p>
 * Profile of the rebuild (README): the commit thread had a sixth of the CPU, more than half of it
 * encoding documents that had not changed since the page was last written. The collection's data
 * size is not kept up to date on every write either (the library encodes the old and the new document
 * once more only to count it, and writes the count into a map of its own): it is counted when asked.
 */
final class BsonCollection extends AbstractSynchronizedMongoCollection<Object> {

    private final MVMap<Object, StoredDocument> dataMap;

    BsonCollection(
            MongoDatabase database,
            String collectionName,
            CollectionOptions options,
            MVMap<Object, StoredDocument> dataMap,
            CursorRegistry cursorRegistry) {
        super(database, collectionName, options, cursorRegistry);
        this.dataMap = dataMap;
    }

    @Override
    protected boolean tracksDataSize() {
        return false;
    }

    @Override
    protected void updateDataSize(int sizeDelta) {
        // counted when asked (getDataSize)
    }

    @Override
    protected int getDataSize() {
        long bytes = 0;
        for (StoredDocument stored : dataMap.values()) {
            bytes += stored.bson().length;
        }
        return (int) Math.min(Integer.MAX_VALUE, bytes);
    }

    @Override
    protected Object addDocumentInternal(Document document) {
        Object key = getIdField() != null ? Utils.getSubdocumentValue(document, getIdField()) : UUID.randomUUID();
        StoredDocument previous = dataMap.put(Missing.ofNullable(key), new StoredDocument(document));
        if (previous != null) {
            throw new IllegalStateException("Document with key '" + key + "' already existed in " + this);
        }
        return key;
    }

    @Override
    public int count() {
        return dataMap.size();
    }

    @Override
    public boolean isEmpty() {
        return dataMap.isEmpty();
    }

    @Override
    protected Document getDocument(Object position) {
        StoredDocument stored = dataMap.get(position);
        return stored == null ? null : stored.document();
    }

    @Override
    protected void removeDocument(Object position) {
        if (dataMap.remove(position) == null) {
            throw new NoSuchElementException("No document with key " + position);
        }
    }

    @Override
    protected Stream<DocumentWithPosition<Object>> streamAllDocumentsWithPosition() {
        return dataMap.entrySet().stream()
                .map(entry -> new DocumentWithPosition<>(entry.getValue().document(), entry.getKey()));
    }

    @Override
    protected QueryResult matchDocuments(
            Document query, Document orderBy, int numberToSkip, int limit, int batchSize, Document fieldSelector) {
        Stream<Document> documents;
        if (isNaturalDescending(orderBy)) {
            documents = streamAllDocumentsWithPosition()
                    .sorted((a, b) -> ValueComparator.desc().compare(a.getPosition(), b.getPosition()))
                    .map(DocumentWithPosition::getDocument);
        } else {
            documents = dataMap.values().stream().map(StoredDocument::document);
        }
        return matchDocumentsFromStream(documents, query, orderBy, numberToSkip, limit, batchSize, fieldSelector);
    }

    /** The library changed the stored document in place: its old bytes go with the old entry. */
    @Override
    protected void handleUpdate(Object position, Document oldDocument, Document newDocument) {
        dataMap.put(Missing.ofNullable(position), new StoredDocument(newDocument));
    }
}
