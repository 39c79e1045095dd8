package io.certtrail.query.support;

import io.certtrail.platform.error.DomainException;
import io.certtrail.platform.error.ErrorCode;
import java.time.Duration;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Read-your-writes: a command answers with the account version it produced; a query given that
 * version as {@code minVersion} waits, for a bounded time, until its read model has caught up.
 * A waiting reader reads again only when a projection in this JVM wrote a document it may be
 * waiting for ({@link ReadModelChanges}), and otherwise every {@value #FALLBACK_POLL_MILLIS} ms,
 * which covers projections running in another instance. Measured with the benchmark: polling every
 * few milliseconds instead made the waiting readers themselves the largest load on the embedded
 * MongoDB server under a few hundred writes a second.
 */
@Component
public class ReadModelWait {

    static final long FALLBACK_POLL_MILLIS = 100;

    private final Duration maxWait;

    public ReadModelWait(@Value("${certtrail.query.max-wait:PT5S}") Duration maxWait) {
        this.maxWait = maxWait;
    }

    /**
     * @param collection the collection of the document the reader waits for
     * @param id that document's {@code _id}
     */
    public <T> T until(String collection, Object id, Supplier<T> read, Predicate<T> caughtUp) {
        int stripe = ReadModelChanges.stripe(collection, id);
        long deadline = System.nanoTime() + maxWait.toNanos();
        while (true) {
            long seen = ReadModelChanges.generation(stripe);
            T value = read.get();
            if (caughtUp.test(value)) {
                return value;
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new DomainException(ErrorCode.READ_MODEL_BEHIND,
                        "The view has not reached the requested version within " + maxWait.toMillis()
                        + " ms. Try again shortly.");
            }
            try {
                ReadModelChanges.awaitChange(stripe, seen,
                        Math.min(left, Duration.ofMillis(FALLBACK_POLL_MILLIS).toNanos()));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new DomainException(ErrorCode.READ_MODEL_BEHIND, "Interrupted while waiting for the view.");
            }
        }
    }
}
