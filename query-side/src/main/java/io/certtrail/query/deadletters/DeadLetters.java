package io.certtrail.query.deadletters;

import io.certtrail.platform.error.DomainException;
import io.certtrail.platform.error.ErrorCode;
import io.certtrail.platform.i18n.Text;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.extensions.mongo.eventhandling.deadletter.MongoDeadLetter;
import org.axonframework.messaging.deadletter.Cause;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.GenericDeadLetter;
import org.axonframework.messaging.deadletter.SequencedDeadLetterProcessor;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.springframework.stereotype.Component;

/**
 * What the projections have parked, and retrying it. A letter names its event by id, type and
 * aggregate, never by content: payloads hold personal data, and the audit view shows them to those
 * allowed to see them.
 */
@Component
public class DeadLetters {

    /** How much of a queue one answer shows; the counts are always complete. */
    static final int SHOWN_SEQUENCES = 50;

    static final int SHOWN_LETTERS = 20;

    private final EventProcessingConfiguration processing;

    DeadLetters(EventProcessingConfiguration processing) {
        this.processing = processing;
    }

    public record Letter(
            String eventId,
            String eventType,
            String aggregateId,
            Long aggregateSequence,
            Instant occurredAt,
            Instant parkedAt,
            Instant lastTriedAt,
            String causeType,
            String causeMessage) {}

    /** @param letters how many events the sequence holds parked; {@code shown}: the first of them, oldest first */
    public record Sequence(String sequence, long letters, List<Letter> shown) {}

    public record Group(String processingGroup, long sequences, long letters, List<Sequence> parked) {}

    /** @param recovered sequences handled in full this time; {@code stillParked}: letters left */
    public record Retry(String processingGroup, int sequencesTried, int recovered, long stillParked) {}

    public List<Group> all() {
        return DeadLetterConfiguration.PROJECTIONS.stream()
                .sorted()
                .flatMap(group -> processing.deadLetterQueue(group).map(queue -> group(group, queue)).stream())
                .toList();
    }

    private static Group group(String name, SequencedDeadLetterQueue<EventMessage<?>> queue) {
        List<Sequence> parked = new ArrayList<>();
        for (Iterable<DeadLetter<? extends EventMessage<?>>> sequence : queue.deadLetters()) {
            if (parked.size() == SHOWN_SEQUENCES) {
                break;
            }
            List<Letter> shown = new ArrayList<>();
            String id = null;
            for (DeadLetter<? extends EventMessage<?>> letter : sequence) {
                if (shown.size() == SHOWN_LETTERS) {
                    break;
                }
                id = id == null ? sequenceName(letter) : id;
                shown.add(letter(letter));
            }
            parked.add(new Sequence(id, id == null ? 0 : queue.sequenceSize(id), shown));
        }
        return new Group(name, queue.amountOfSequences(), queue.size(), parked);
    }

    /** A sequence is named by what the projection sequences by: the aggregate, or the whole stream. */
    private static String sequenceName(DeadLetter<? extends EventMessage<?>> letter) {
        if (letter instanceof MongoDeadLetter<?> stored) {
            return stored.sequenceIdentifier();
        }
        return letter instanceof GenericDeadLetter<?> generic
                ? String.valueOf(generic.getSequenceIdentifier())
                : letter.message().getIdentifier();
    }

    private static Letter letter(DeadLetter<? extends EventMessage<?>> letter) {
        EventMessage<?> event = letter.message();
        DomainEventMessage<?> domain = event instanceof DomainEventMessage<?> d ? d : null;
        Cause cause = letter.cause().orElse(null);
        return new Letter(
                event.getIdentifier(),
                event.getPayloadType().getSimpleName(),
                domain == null ? null : domain.getAggregateIdentifier(),
                domain == null ? null : domain.getSequenceNumber(),
                event.getTimestamp(),
                letter.enqueuedAt(),
                letter.lastTouched(),
                cause == null ? null : cause.type(),
                cause == null ? null : cause.message());
    }

    /**
     * Hands every parked sequence of the group to its handlers again, oldest letter first. A
     * sequence whose first letter fails again stays parked (with the new cause) and the others are
     * still tried; a sequence that succeeds leaves the queue.
     */
    public Retry retry(String group) {
        SequencedDeadLetterQueue<EventMessage<?>> queue = queue(group);
        SequencedDeadLetterProcessor<EventMessage<?>> processor =
                processing.sequencedDeadLetterProcessor(group).orElseThrow(() -> unknown(group));
        List<String> firstLetters = new ArrayList<>();
        for (Iterable<DeadLetter<? extends EventMessage<?>>> sequence : queue.deadLetters()) {
            firstLetters.add(sequence.iterator().next().message().getIdentifier());
        }
        int recovered = 0;
        for (String eventId : firstLetters) {
            if (processor.process(letter -> letter.message().getIdentifier().equals(eventId))) {
                recovered++;
            }
        }
        return new Retry(group, firstLetters.size(), recovered, queue.size());
    }

    private SequencedDeadLetterQueue<EventMessage<?>> queue(String group) {
        if (!DeadLetterConfiguration.PROJECTIONS.contains(group)) {
            throw unknown(group);
        }
        return processing.deadLetterQueue(group).orElseThrow(() -> unknown(group));
    }

    private static DomainException unknown(String group) {
        return new DomainException(ErrorCode.NOT_FOUND, Text.of("problem.dead-letters.1"));
    }
}
