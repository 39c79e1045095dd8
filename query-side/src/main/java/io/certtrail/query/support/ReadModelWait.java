package io.certtrail.query.support;

import io.certtrail.platform.error.DomainException;
import io.certtrail.platform.error.ErrorCode;
import io.certtrail.platform.i18n.Text;
import java.time.Duration;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.beans.factory.annotation.Autowired;
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
    private final EventStore events;

    @Autowired
    public ReadModelWait(@Value("${certtrail.query.max-wait:PT5S}") Duration maxWait, EventStore events) {
        this.maxWait = maxWait;
        this.events = events;
    }

    /** Without the event store: every version is taken to exist (projection tests). */
    public ReadModelWait(Duration maxWait) {
        this(maxWait, null);
    }

    /**
     * As {@link #until}, for a version of one aggregate. A version the store does not hold yet was
     * never answered to any command (a command answers only after its events are stored), so
     * waiting for it cannot succeed: it is refused at once (400), not after the wait with a 503.
     */
    public <T> T untilVersion(
            String aggregateId,
            long minVersion,
            Class<?> document,
            Object id,
            Supplier<T> read,
            Predicate<T> caughtUp) {
        return untilVersion(aggregateId, minVersion, null, document, id, read, caughtUp);
    }

    /**
     * As above, for an aggregate the caller may not be allowed to know about: unless one of its
     * events passes {@code visible} (say, an application made by this caller: the first, or a later
     * one after a voided one), it is answered as unknown ({@code notVisible}), at once, whether it
     * exists or not, so that neither the answer nor its timing tells.
     */
    public <T> T untilVersion(
            String aggregateId,
            long minVersion,
            Visibility visibility,
            Class<?> document,
            Object id,
            Supplier<T> read,
            Predicate<T> caughtUp) {
        T value = read.get();
        if (caughtUp.test(value)) {
            return value;
        }
        if (events != null) {
            if (visibility != null
                    && events.readEvents(aggregateId)
                            .asStream()
                            .noneMatch(event -> visibility.visible().test(event.getPayload()))) {
                throw visibility.notVisible().get();
            }
            long latest = events.lastSequenceNumberFor(aggregateId).orElse(-1L);
            if (minVersion > latest) {
                throw new DomainException(
                        ErrorCode.INVALID_INPUT,
                        latest < 0
                                ? Text.of("problem.read-model-wait.nothing-written", minVersion)
                                : Text.of("problem.read-model-wait.not-written", minVersion, latest));
            }
        }
        return until(document, id, read, caughtUp);
    }

    /** Who may learn about an aggregate: a test on its events' payloads, and the answer for everybody else. */
    public record Visibility(Predicate<Object> visible, Supplier<DomainException> notVisible) {}

    /**
     * @param document the type of the document the reader waits for: its collection is the one
     *        {@link ProjectionBatch} signals when it writes a document of that type (both read it from
     *        the type's {@code @Document}), so waiter and writer cannot name different collections
     * @param id that document's {@code _id}
     */
    public <T> T until(Class<?> document, Object id, Supplier<T> read, Predicate<T> caughtUp) {
        int stripe = ReadModelChanges.stripe(ReadModelChanges.collectionOf(document), id);
        long deadline = System.nanoTime() + maxWait.toNanos();
        while (true) {
            long seen = ReadModelChanges.generation(stripe);
            T value = read.get();
            if (caughtUp.test(value)) {
                return value;
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new DomainException(
                        ErrorCode.READ_MODEL_BEHIND, Text.of("problem.read-model-wait.1", maxWait.toMillis()));
            }
            try {
                ReadModelChanges.awaitChange(
                        stripe,
                        seen,
                        Math.min(left, Duration.ofMillis(FALLBACK_POLL_MILLIS).toNanos()));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new DomainException(ErrorCode.READ_MODEL_BEHIND, Text.of("problem.read-model-wait.2"));
            }
        }
    }
}
