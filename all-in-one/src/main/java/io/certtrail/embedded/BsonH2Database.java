package io.certtrail.embedded;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.AbstractSynchronizedMongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.oplog.Oplog;
import java.util.List;
import org.h2.mvstore.FileStore;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

/**
 * The H2 backend's database (mongo-java-server's {@code H2Database}, same map names and layout)
 * with documents and keys kept as BSON ({@link BsonDataTypes}) instead of Java serialization, in
 * {@link BsonCollection}s.
 */
final class BsonH2Database extends AbstractSynchronizedMongoDatabase<Object> {

    static final String DATABASES_PREFIX = "databases.";
    static final String META_PREFIX = "meta.";

    private final MVStore store;

    BsonH2Database(String databaseName, MVStore store, CursorRegistry cursors) {
        super(databaseName, cursors);
        this.store = store;
        initializeNamespacesAndIndexes();
    }

    static MVMap<Object, StoredDocument> dataMap(MVStore store, String name) {
        return store.openMap(
                name,
                new MVMap.Builder<Object, StoredDocument>()
                        .keyType(BsonDataTypes.Keys.INSTANCE)
                        .valueType(BsonDataTypes.Documents.INSTANCE));
    }

    static MVMap<Object, Object> indexMap(MVStore store, String name) {
        return store.openMap(
                name,
                new MVMap.Builder<Object, Object>()
                        .keyType(BsonDataTypes.Keys.INSTANCE)
                        .valueType(BsonDataTypes.Keys.INSTANCE));
    }

    private String indexMapName(String collectionName, String indexName) {
        return getFullCollectionNamespace(collectionName) + "._index_" + indexName;
    }

    @Override
    protected Index<Object> openOrCreateUniqueIndex(
            String collectionName, String indexName, List<IndexKey> keys, boolean sparse) {
        return new BsonUniqueIndex(indexMap(store, indexMapName(collectionName, indexName)), indexName, keys, sparse);
    }

    @Override
    protected MongoCollection<Object> openOrCreateCollection(String collectionName, CollectionOptions options) {
        String fullName = getFullCollectionNamespace(collectionName);
        return new BsonCollection(
                this, collectionName, options, dataMap(store, DATABASES_PREFIX + fullName), cursorRegistry);
    }

    @Override
    protected void dropIndex(MongoCollection<Object> collection, String indexName) {
        super.dropIndex(collection, indexName);
        store.removeMap(indexMapName(collection.getCollectionName(), indexName));
    }

    @Override
    public void drop(Oplog oplog) {
        super.drop(oplog);
        for (String name : List.copyOf(store.getMapNames())) {
            if (name.startsWith(databaseName + ".")
                    || name.startsWith(DATABASES_PREFIX + databaseName + ".")
                    || name.startsWith(META_PREFIX + databaseName + ".")) {
                store.removeMap(name);
            }
        }
    }

    @Override
    public void dropCollection(String collectionName, Oplog oplog) {
        super.dropCollection(collectionName, oplog);
        String fullName = getFullCollectionNamespace(collectionName);
        store.removeMap(DATABASES_PREFIX + fullName);
        store.removeMap(META_PREFIX + fullName);
    }

    @Override
    public void moveCollection(MongoDatabase oldDatabase, MongoCollection<?> collection, String newCollectionName) {
        super.moveCollection(oldDatabase, collection, newCollectionName);
        String newFullName = getFullCollectionNamespace(newCollectionName);
        store.renameMap(dataMap(store, DATABASES_PREFIX + collection.getFullName()), DATABASES_PREFIX + newFullName);
        store.renameMap(store.openMap(META_PREFIX + collection.getFullName()), META_PREFIX + newFullName);
    }

    @Override
    protected long getStorageSize() {
        FileStore<?> file = store.getFileStore();
        return file == null ? 0 : file.size();
    }

    @Override
    protected long getFileSize() {
        return getStorageSize();
    }
}
