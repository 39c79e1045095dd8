package io.certtrail.platform.operations;

import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.OptionalLong;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.StreamableMessageSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * How far each event processor of this instance has come: its position in the event stream
 * against the stream's head, whether it has caught up, and whether a segment is in error. What an
 * operator checks after a deployment or a rebuild ({@code GET /api/operator/projections}), what
 * the lag metrics report, and what the benchmark waits for. Only the segments this instance has
 * claimed are counted: with several instances, each reports its own share.
 */
@Component
class ProcessorProgress {

    /** The head is one query; scrapes and operators asking within this window share it. */
    private static final long HEAD_CACHE_NANOS = Duration.ofMillis(500).toNanos();

    private final EventProcessingConfiguration processing;
    private final ObjectProvider<StreamableMessageSource<TrackedEventMessage<?>>> events;
    /** The last head read and when: one reference, so a reader never pairs one read's time with another's position. */
    private volatile Head head = new Head(null, System.nanoTime() - HEAD_CACHE_NANOS - 1);

    private record Head(Long position, long readAt) {}

    ProcessorProgress(
            EventProcessingConfiguration processing,
            ObjectProvider<StreamableMessageSource<TrackedEventMessage<?>>> events) {
        this.processing = processing;
        this.events = events;
    }

    /**
     * @param segments the segments this instance has claimed
     * @param position the slowest claimed segment's position; null while any is unknown
     * @param behind events between that position and the head
     */
    record ProcessorView(
            String name,
            boolean running,
            boolean caughtUp,
            boolean replaying,
            int segments,
            List<Integer> claimedSegments,
            Long position,
            Long behind,
            boolean error) {}

    record Projections(Long headPosition, List<ProcessorView> processors) {}

    Projections now() {
        Long at = freshHead();
        return new Projections(
                at,
                streamingProcessors().stream()
                        .map(processor -> view(processor, at))
                        .sorted(Comparator.comparing(ProcessorView::name))
                        .toList());
    }

    List<StreamingEventProcessor> streamingProcessors() {
        return processing.eventProcessors().values().stream()
                .filter(StreamingEventProcessor.class::isInstance)
                .map(StreamingEventProcessor.class::cast)
                .toList();
    }

    /** The head position, read at most once per half second. */
    Long head() {
        Head last = head;
        return System.nanoTime() - last.readAt() > HEAD_CACHE_NANOS ? freshHead() : last.position();
    }

    private Long freshHead() {
        Long at = events.stream()
                .findFirst()
                .map(source -> position(source.createHeadToken()))
                .filter(OptionalLong::isPresent)
                .map(OptionalLong::getAsLong)
                .orElse(null);
        head = new Head(at, System.nanoTime());
        return at;
    }

    static ProcessorView view(StreamingEventProcessor processor, Long head) {
        var byId = processor.processingStatus();
        var statuses = byId.values();
        // the slowest segment decides how far the read model as a whole has come; unknown if any is unknown
        boolean allKnown = !statuses.isEmpty()
                && statuses.stream()
                        .allMatch(status -> status.getCurrentPosition().isPresent());
        Long at = allKnown
                ? statuses.stream()
                        .mapToLong(status -> status.getCurrentPosition().getAsLong())
                        .min()
                        .getAsLong()
                : null;
        // at the head, or an empty store. Not Axon's own flag: a segment that was caught up once keeps
        // it while new events arrive, so it cannot say whether the view has the latest write.
        boolean caughtUp = !statuses.isEmpty() && (head == null || at != null && at >= head);
        return new ProcessorView(
                processor.getName(),
                processor.isRunning(),
                caughtUp,
                statuses.stream().anyMatch(EventTrackerStatus::isReplaying),
                statuses.size(),
                byId.keySet().stream().sorted().toList(),
                at,
                at == null || head == null ? null : Math.max(0, head - at),
                processor.isError() || statuses.stream().anyMatch(EventTrackerStatus::isErrorState));
    }

    private static OptionalLong position(TrackingToken token) {
        return token == null ? OptionalLong.empty() : token.position();
    }
}
