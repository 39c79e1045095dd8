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
 * Polling by {@code _id} costs well under a millisecond and works across separate query-side
 * instances, which an in-memory notification would not.
 */
@Component
public class ReadModelWait {

    private final Duration maxWait;

    public ReadModelWait(@Value("${certtrail.query.max-wait:PT5S}") Duration maxWait) {
        this.maxWait = maxWait;
    }

    public <T> T until(Supplier<T> read, Predicate<T> caughtUp) {
        long deadline = System.nanoTime() + maxWait.toNanos();
        long pauseMillis = 1;
        while (true) {
            T value = read.get();
            if (caughtUp.test(value)) {
                return value;
            }
            if (System.nanoTime() > deadline) {
                throw new DomainException(ErrorCode.READ_MODEL_BEHIND,
                        "The view has not reached the requested version within " + maxWait.toMillis()
                        + " ms. Try again shortly.");
            }
            try {
                Thread.sleep(pauseMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new DomainException(ErrorCode.READ_MODEL_BEHIND, "Interrupted while waiting for the view.");
            }
            pauseMillis = Math.min(pauseMillis * 2, 20);
        }
    }
}
