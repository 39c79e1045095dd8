package io.certtrail.query.deadletters;

import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.EnqueueDecision;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;

/**
 * A dead-letter queue that parks an event once. A batch with a failed event is handled again
 * without it ({@code ProjectionBatch}), and the events of a parked sequence arrive again with it;
 * each is already parked then, and a second letter would be retried twice and shown twice.
 */
final class DistinctLetters implements SequencedDeadLetterQueue<EventMessage<?>> {

    private final SequencedDeadLetterQueue<EventMessage<?>> queue;

    DistinctLetters(SequencedDeadLetterQueue<EventMessage<?>> queue) {
        this.queue = queue;
    }

    @Override
    public void enqueue(Object sequenceIdentifier, DeadLetter<? extends EventMessage<?>> letter) {
        if (!holds(sequenceIdentifier, letter.message().getIdentifier())) {
            queue.enqueue(sequenceIdentifier, letter);
        }
    }

    @Override
    public boolean enqueueIfPresent(
            Object sequenceIdentifier, Supplier<DeadLetter<? extends EventMessage<?>>> letterBuilder) {
        if (!queue.contains(sequenceIdentifier)) {
            return false;
        }
        enqueue(sequenceIdentifier, letterBuilder.get());
        return true;
    }

    private boolean holds(Object sequenceIdentifier, String eventId) {
        if (!queue.contains(sequenceIdentifier)) {
            return false;
        }
        for (DeadLetter<? extends EventMessage<?>> parked : queue.deadLetterSequence(sequenceIdentifier)) {
            if (parked.message().getIdentifier().equals(eventId)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void evict(DeadLetter<? extends EventMessage<?>> letter) {
        queue.evict(letter);
    }

    @Override
    public void requeue(
            DeadLetter<? extends EventMessage<?>> letter,
            UnaryOperator<DeadLetter<? extends EventMessage<?>>> letterUpdater) {
        queue.requeue(letter, letterUpdater);
    }

    @Override
    public boolean contains(Object sequenceIdentifier) {
        return queue.contains(sequenceIdentifier);
    }

    @Override
    public Iterable<DeadLetter<? extends EventMessage<?>>> deadLetterSequence(Object sequenceIdentifier) {
        return queue.deadLetterSequence(sequenceIdentifier);
    }

    @Override
    public Iterable<Iterable<DeadLetter<? extends EventMessage<?>>>> deadLetters() {
        return queue.deadLetters();
    }

    @Override
    public boolean isFull(Object sequenceIdentifier) {
        return queue.isFull(sequenceIdentifier);
    }

    @Override
    public long size() {
        return queue.size();
    }

    @Override
    public long sequenceSize(Object sequenceIdentifier) {
        return queue.sequenceSize(sequenceIdentifier);
    }

    @Override
    public long amountOfSequences() {
        return queue.amountOfSequences();
    }

    @Override
    public boolean process(
            Predicate<DeadLetter<? extends EventMessage<?>>> sequenceFilter,
            Function<DeadLetter<? extends EventMessage<?>>, EnqueueDecision<EventMessage<?>>> processingTask) {
        return queue.process(sequenceFilter, processingTask);
    }

    @Override
    public void clear() {
        queue.clear();
    }
}
