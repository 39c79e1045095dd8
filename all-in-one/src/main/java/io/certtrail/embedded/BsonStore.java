package io.certtrail.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The read-model store's file: {@code readmodels-bson.mv}, documents and keys as BSON. A data
 * directory from before (the H2 backend's Java-serialized {@code readmodels.mv}) is converted once
 * at start: besides the views, it holds what no event can give back (link token hashes, the
 * mailers' positions, dead letters). The old file is kept beside it, renamed.
 */
final class BsonStore {

    static final String FILE = "readmodels-bson.mv";
    static final String JAVA_SERIALIZED_FILE = "readmodels.mv";
    static final String CONVERTED_SUFFIX = ".converted-to-bson";

    private static final Logger log = LoggerFactory.getLogger(BsonStore.class);
    private static final int COPY_COMMIT_EVERY = 10_000;

    private BsonStore() {}

    static MVStore open(Path dataDir) {
        Path file = dataDir.resolve(FILE);
        Path javaSerialized = dataDir.resolve(JAVA_SERIALIZED_FILE);
        if (Files.exists(javaSerialized) && !Files.exists(file)) {
            convert(javaSerialized, file);
        }
        // autoCommitDisabled() stops MVStore's background commits only: a writer still commits by itself,
        // in the middle of its write, once 19 MB of changes are unsaved (seen in a profile of the rebuild
        // once commits were paced); a buffer of 0 leaves every commit to DurableH2Backend, between writes.
        // Pages compressed (LZF): BSON repeats every field name in every document; the small rebuild's
        // file went from 132-143 MB to 76 MB for 49 MB of documents, the medium one's from 856 to 410 MB
        // for 243 MB, at a rebuild rate within the machine's noise (README, Figures)
        MVStore store = new MVStore.Builder()
                .fileName(file.toString())
                .autoCommitDisabled()
                .autoCommitBufferSize(0)
                .compress()
                .cacheSize(CACHE_MEGABYTES)
                .open();
        store.setRetentionTime(RETENTION_MILLIS);
        return store;
    }

    /**
     * How long a chunk no longer in use is kept before its space is written over. Each commit writes
     * every page the last 100 ms changed, whole, so under a rebuild or an import the store writes
     * tens of MB a second for a few MB of changed documents; with MVStore's default (45 s) the file
     * grew to 45 s of that (4.3 GB in a minute for 17 MB of documents, measured; 1.5 GB at the end
     * of the small benchmark). The default guards against a file system that writes out of order
     * when the power fails; MVStore does not force a commit to disk either, so a power failure can
     * cost the last commits anyway (the views are rebuilt from the event store), while a killed
     * process (CrashRecoveryTest) loses nothing that was committed.
     */
    static final int RETENTION_MILLIS = 1_000;

    /**
     * MVStore's page cache (its default is 16 MB). In a profile of the rebuild, reading pages back
     * from the file took 13% of the wire server's time with the default: the read models of the
     * small preset are 40-60 MB live. Pages are counted by {@link BsonDataTypes}' estimates.
     */
    static final int CACHE_MEGABYTES = 64;

    /** Copies every map into a new file of the new types; the new file appears whole or not at all. */
    private static void convert(Path javaSerialized, Path file) {
        Path partial = file.resolveSibling(file.getFileName() + ".partial");
        try {
            Files.deleteIfExists(partial);
            long entries = 0;
            try (MVStore from = new MVStore.Builder()
                            .fileName(javaSerialized.toString())
                            .readOnly()
                            .open();
                    MVStore to = new MVStore.Builder()
                            .fileName(partial.toString())
                            .autoCommitDisabled()
                            .open()) {
                for (String name : from.getMapNames()) {
                    MVMap<Object, Object> source = from.openMap(name);
                    MVMap<Object, Object> target = target(to, name);
                    boolean documents = name.startsWith(BsonH2Database.DATABASES_PREFIX);
                    for (var entry : source.entrySet()) {
                        target.put(
                                entry.getKey(),
                                documents
                                        ? new StoredDocument((de.bwaldvogel.mongo.bson.Document) entry.getValue())
                                        : entry.getValue());
                        if (++entries % COPY_COMMIT_EVERY == 0) {
                            to.commit();
                        }
                    }
                }
                to.commit();
            }
            Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE);
            Path kept = javaSerialized.resolveSibling(javaSerialized.getFileName() + CONVERTED_SUFFIX);
            Files.move(javaSerialized, kept, StandardCopyOption.REPLACE_EXISTING);
            log.info(
                    "Read-model store converted to BSON ({} entries) into {}; the old file is kept as {} and may be deleted",
                    entries,
                    file.getFileName(),
                    kept.getFileName());
        } catch (IOException e) {
            throw new UncheckedIOException("Could not convert the read-model store " + javaSerialized, e);
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static MVMap<Object, Object> target(MVStore to, String name) {
        if (name.startsWith(BsonH2Database.DATABASES_PREFIX)) {
            return (MVMap) BsonH2Database.dataMap(to, name);
        }
        if (name.contains("._index_")) {
            return BsonH2Database.indexMap(to, name);
        }
        return to.openMap(name); // collection metadata: sizes, as before
    }
}
