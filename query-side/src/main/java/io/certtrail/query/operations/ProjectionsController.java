package io.certtrail.query.operations;

import java.util.Comparator;
import java.util.List;
import java.util.OptionalLong;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.StreamableMessageSource;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * How far each event processor of this instance has come: its position in the event stream
 * against the stream's head, whether it has caught up, and whether a segment is in error. What an
 * operator checks after a deployment or a rebuild, and what the benchmark waits for.
 */
@RestController
class ProjectionsController {

    private final EventProcessingConfiguration processing;
    private final ObjectProvider<StreamableMessageSource<TrackedEventMessage<?>>> events;

    ProjectionsController(EventProcessingConfiguration processing,
            ObjectProvider<StreamableMessageSource<TrackedEventMessage<?>>> events) {
        this.processing = processing;
        this.events = events;
    }

    record ProcessorView(String name, boolean running, boolean caughtUp, boolean replaying, int segments,
            Long position, Long behind, boolean error) {
    }

    record Projections(Long headPosition, List<ProcessorView> processors) {
    }

    @GetMapping("/api/operator/projections")
    Projections projections() {
        Long head = events.stream().findFirst()
                .map(source -> position(source.createHeadToken()))
                .filter(OptionalLong::isPresent).map(OptionalLong::getAsLong).orElse(null);
        List<ProcessorView> views = processing.eventProcessors().values().stream()
                .filter(StreamingEventProcessor.class::isInstance)
                .map(StreamingEventProcessor.class::cast)
                .map(processor -> view(processor, head))
                .sorted(Comparator.comparing(ProcessorView::name))
                .toList();
        return new Projections(head, views);
    }

    private static ProcessorView view(StreamingEventProcessor processor, Long head) {
        var statuses = processor.processingStatus().values();
        // the slowest segment decides how far the read model as a whole has come; unknown if any is unknown
        boolean allKnown = !statuses.isEmpty()
                && statuses.stream().allMatch(status -> status.getCurrentPosition().isPresent());
        Long at = allKnown ? statuses.stream().mapToLong(status -> status.getCurrentPosition().getAsLong()).min()
                .getAsLong() : null;
        // an empty store, or a position at the head, is caught up even before Axon's own flag says so
        boolean caughtUp = !statuses.isEmpty() && (statuses.stream().allMatch(EventTrackerStatus::isCaughtUp)
                || head == null || at != null && at >= head);
        return new ProcessorView(processor.getName(), processor.isRunning(), caughtUp,
                statuses.stream().anyMatch(EventTrackerStatus::isReplaying), statuses.size(), at,
                at == null || head == null ? null : Math.max(0, head - at),
                processor.isError() || statuses.stream().anyMatch(EventTrackerStatus::isErrorState));
    }

    private static OptionalLong position(TrackingToken token) {
        return token == null ? OptionalLong.empty() : token.position();
    }
}
