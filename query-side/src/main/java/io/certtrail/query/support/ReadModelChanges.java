package io.certtrail.query.support;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * A signal, inside this JVM, that a read-model document was written. Readers waiting for their own
 * write ({@link ReadModelWait}) sleep until a projection here writes a document they may be waiting
 * for, instead of asking MongoDB again every few milliseconds. Documents are hashed onto stripes, so
 * a signal may wake a reader whose document did not change; it then reads once and sleeps again.
 * Projections running in another instance signal nothing here; readers then fall back to a slow poll.
 */
final class ReadModelChanges {

    private static final int STRIPES = 1024;
    private static final AtomicLongArray GENERATIONS = new AtomicLongArray(STRIPES);
    private static final Object[] MONITORS = new Object[STRIPES];

    static {
        for (int i = 0; i < STRIPES; i++) {
            MONITORS[i] = new Object();
        }
    }

    private ReadModelChanges() {}

    /**
     * The collection a read-model type is stored in, from its {@code @Document} (as MongoTemplate
     * names it); a type without one is no read model, and is refused rather than never signalled.
     */
    static String collectionOf(Class<?> document) {
        org.springframework.data.mongodb.core.mapping.Document mapped =
                document.getAnnotation(org.springframework.data.mongodb.core.mapping.Document.class);
        if (mapped == null) {
            throw new IllegalArgumentException(document.getName() + " is not a read-model document (no @Document)");
        }
        String name = mapped.collection().isEmpty() ? mapped.value() : mapped.collection();
        if (name.isEmpty()) {
            throw new IllegalArgumentException(document.getName() + " names no collection in its @Document");
        }
        return name;
    }

    static int stripe(String collection, Object id) {
        return Math.floorMod(31 * collection.hashCode() + id.hashCode(), STRIPES);
    }

    static long generation(int stripe) {
        return GENERATIONS.get(stripe);
    }

    static void changed(String collection, Object id) {
        int stripe = stripe(collection, id);
        GENERATIONS.incrementAndGet(stripe);
        synchronized (MONITORS[stripe]) {
            MONITORS[stripe].notifyAll();
        }
    }

    /** Returns when the stripe has moved past {@code seen}, or after the timeout. */
    static void awaitChange(int stripe, long seen, long timeoutNanos) throws InterruptedException {
        long deadline = System.nanoTime() + timeoutNanos;
        synchronized (MONITORS[stripe]) {
            long left;
            while (GENERATIONS.get(stripe) == seen && (left = deadline - System.nanoTime()) > 0) {
                TimeUnit.NANOSECONDS.timedWait(MONITORS[stripe], left);
            }
        }
    }
}
