package io.certtrail.embedded;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.bson.Document;
import io.netty.channel.Channel;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The wire server's H2 backend, committed to its file only between whole writes. Left alone, the
 * backend commits in the background once a second at any moment, including in the middle of a
 * write. CrashRecoveryTest found both results of that after SIGKILL: a processor's token stored
 * ahead of read-model writes it had made before storing the token (those events were never
 * projected again), and a collection whose unique index named a document its data did not hold
 * (every later upsert of it failed).
 *
 * <p>Here writes run side by side as before, and a commit every {@value #COMMIT_MILLIS} ms (or
 * longer, see {@link #nextDelay}) waits until none is in progress. The file therefore always holds
 * a state the clients saw, with every client's writes up to some point in the order it made them: a
 * kill loses at most the last moments, and then a processor's token together with the writes it
 * covered, which the processor makes again from the event store. Measured with the {@code small} benchmark, committing every
 * write before answering it (one at a time) made the projection lag p99 at 100 flows/s 1.7 s.
 */
public final class DurableH2Backend extends H2Backend {

    static final long COMMIT_MILLIS = 100;

    private static final Logger log = LoggerFactory.getLogger(DurableH2Backend.class);

    private static final Set<String> WRITES = Set.of(
            "insert",
            "update",
            "delete",
            "findandmodify",
            "create",
            "createindexes",
            "drop",
            "dropindexes",
            "dropdatabase",
            "renamecollection");

    /** Writes share it; a commit takes it alone. */
    private final ReadWriteLock between = new ReentrantReadWriteLock();

    private final ScheduledExecutorService committer = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "readmodels-commit");
        thread.setDaemon(true);
        return thread;
    });
    private final MVStore store;
    private long nextCommitAt = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(COMMIT_MILLIS);
    private long lastCompaction = System.nanoTime();

    /** The read-model store's file under the data directory. */
    public static final String FILE = BsonStore.FILE;

    /** The read-model store under the data directory, its documents kept as BSON ({@link BsonStore}). */
    public static DurableH2Backend open(Path dataDir) {
        return new DurableH2Backend(BsonStore.open(dataDir));
    }

    private DurableH2Backend(MVStore store) {
        super(store);
        this.store = store;
        committer.scheduleWithFixedDelay(this::commitWhenDue, TICK_MILLIS, TICK_MILLIS, TimeUnit.MILLISECONDS);
    }

    private void commitWhenDue() {
        long now = System.nanoTime();
        if (now < nextCommitAt && store.getUnsavedMemory() < UNSAVED_BYTES) {
            return;
        }
        try {
            commitBetweenWrites();
        } catch (RuntimeException e) {
            // a failed scheduled task would never run again: say so, and try again at the next tick
            log.error("Committing the read-model store failed", e);
        }
        long took = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - now);
        nextCommitAt = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(nextDelay(took));
    }

    /**
     * A commit writes every page changed since the last one whole, and holds the writers while it
     * does. Under a rebuild or an import, when nearly every page changes between commits, a commit
     * every 100 ms took a fifth of the JVM's CPU (profile of the small benchmark's rebuild, README):
     * the same pages written ten times a second. So the pause after a commit is at least four times
     * as long as the commit took, up to a second, unless {@value #UNSAVED_BYTES} bytes of pages (by
     * {@link BsonDataTypes}' estimate) wait to be written: changed pages stay in the heap until they
     * are, and a commit serializes them into one buffer; with two seconds of a medium rebuild's changes
     * that buffer outgrew a 512 MB heap, and with 16 MB the full preset's did (MVStore closes the store
     * when a commit fails). A kill loses at most the last commit's interval
     * of read-model work, which the processors redo (their tokens are committed with it). Under light
     * load commits take a few ms and the interval stays 100 ms.
     */
    static long nextDelay(long lastCommitMillis) {
        return Math.min(MAX_COMMIT_MILLIS, Math.max(COMMIT_MILLIS, 4 * lastCommitMillis));
    }

    static final long TICK_MILLIS = 20;
    static final int UNSAVED_BYTES = 4 * 1024 * 1024;

    /** The longest pause between commits, however slow the last one. */
    static final long MAX_COMMIT_MILLIS = 1_000;

    @Override
    protected MongoDatabase openOrCreateDatabase(String databaseName) {
        // called by the super constructor too, before this object's fields are set: the store is the super's
        return new BsonH2Database(databaseName, getMvStore(), getCursorRegistry());
    }

    @Override
    public Document handleCommand(Channel channel, String databaseName, String command, Document query) {
        if (!WRITES.contains(command.toLowerCase(Locale.ROOT))) {
            return super.handleCommand(channel, databaseName, command, query);
        }
        between.readLock().lock();
        try {
            return super.handleCommand(channel, databaseName, command, query);
        } finally {
            between.readLock().unlock();
        }
    }

    private void commitBetweenWrites() {
        long now = System.nanoTime();
        boolean unsaved = store.hasUnsavedChanges();
        // the file is also looked after at rest, once a second: it shrinks when nothing is written
        boolean secondPassed = now - lastCompaction >= TimeUnit.MILLISECONDS.toNanos(COMPACT_EVERY_MILLIS);
        if (store.isClosed() || !unsaved && !secondPassed) {
            return;
        }
        if (secondPassed) {
            lastCompaction = now;
        }
        boolean rewrote = rewriteSparseChunks();
        between.writeLock().lock();
        try {
            if (store.hasUnsavedChanges()) {
                commit();
            }
            if (secondPassed && !rewrote) {
                moveChunksIntoGaps();
            }
        } finally {
            between.writeLock().unlock();
        }
    }

    /**
     * With auto-commit off, MVStore's background thread (and with it its compaction) does not run,
     * so chunks that are mostly dead were never rewritten and the file only grew: 12 GB for the
     * full preset's read models, and then an H2 read failed. Here the commit thread rewrites the
     * live pages of the sparsest chunks now and then, a bounded amount at a time, while the writers
     * go on (as MVStore's own background compaction does: it only marks pages changed, and the
     * commit that follows, between whole writes, writes them); the chunks left empty are reused once
     * the retention time has passed. Rewriting under the writers' lock made them wait: the
     * projection lag p99 of the small benchmark went from 364 to 911 ms.
     */
    private boolean rewriteSparseChunks() {
        if (store.getFileStore().getChunksFillRate() >= COMPACT_BELOW_FILL_RATE) {
            return false;
        }
        store.compact(COMPACT_BELOW_FILL_RATE, COMPACT_BYTES);
        return true;
    }

    /**
     * The chunks are live but the file mostly free space: move chunks down into the gaps and shorten
     * the file (MVStore syncs the file before it overwrites or truncates anything). Between writes.
     */
    private void moveChunksIntoGaps() {
        if (store.getFillRate() < COMPACT_BELOW_FILL_RATE
                && store.getFileStore() instanceof org.h2.mvstore.RandomAccessStore file) {
            file.compactMoveChunks(COMPACT_BELOW_FILL_RATE, MOVE_BYTES, store);
        }
    }

    /**
     * Before every commit, when less than 75% of the chunks' bytes is live, rewrite up to 4 MB; once a
     * second, when the chunks are live but less than 75% of the file is, move chunks. The file then
     * settles at most about 1 / 0.75² = 1.8 times its live bytes; with 60% it settled anywhere from
     * 35 to 69 MB for the same 17 MB of documents. 4 MB a second did not keep up with a medium rebuild
     * once commits were paced (the file reached 1.3 GB); 16 MB a second kept up, but a commit writes
     * what was rewritten and what changed as one chunk, serialized into one buffer, and in the full
     * preset that buffer (51 MB) could not be allocated in the 512 MB heap (a commit that fails closes
     * the store). Small rewrites before every commit keep up, and keep every chunk small.
     */
    static final long COMPACT_EVERY_MILLIS = 1_000;

    static final long CLOSE_WAIT_SECONDS = 30;
    static final int COMPACT_BELOW_FILL_RATE = 75;
    static final int COMPACT_BYTES = 4 * 1024 * 1024;
    /** A chunk larger than this is never moved (a busy commit writes chunks of several MB): a file stuck at 106 MB. */
    static final int MOVE_BYTES = 64 * 1024 * 1024;

    /**
     * A consistent copy of the store's file, taken online: writes wait while the file is copied (reads
     * go on), everything acknowledged before is in it, nothing after. {@code whileWritesWait} runs
     * before they go on again: the backup copies the event store there, so that every key and token
     * in this copy belongs to events the event store's copy holds ({@link EmbeddedBackups}).
     */
    public void backUp(java.util.zip.ZipOutputStream zip, Runnable whileWritesWait) {
        between.writeLock().lock();
        try {
            if (store.hasUnsavedChanges()) {
                commit();
            }
            store.executeFilestoreOperation(() -> {
                try {
                    store.getFileStore().backup(zip);
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException("Copying the read-model store failed", e);
                }
            });
            whileWritesWait.run();
        } finally {
            between.writeLock().unlock();
        }
    }

    /** Whether a change waits for its commit (for tests that need a page written before they go on). */
    boolean hasUnsavedChanges() {
        return store.hasUnsavedChanges();
    }

    @Override
    public void close() {
        // No interrupt: a thread interrupted in the middle of file I/O closes the FileChannel under
        // MVStore, which then panics; the close that follows commits, fails, and in H2 2.4 spins for
        // ever in closeStore (seen: ReplayTest's context close at full CPU for minutes, the commit thread
        // then in compaction). The commit thread finishes what it is doing, and no new round starts.
        committer.shutdown();
        try {
            if (!committer.awaitTermination(CLOSE_WAIT_SECONDS, TimeUnit.SECONDS)) {
                log.warn(
                        "The read-model store's commit thread did not finish within {} s; closing anyway",
                        CLOSE_WAIT_SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        between.writeLock().lock();
        try {
            super.close();
        } finally {
            between.writeLock().unlock();
        }
    }
}
