package io.certtrail.platform.operations;

import io.certtrail.platform.error.DomainException;
import io.certtrail.platform.error.ErrorCode;
import io.certtrail.platform.i18n.Text;
import java.time.Instant;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.tokenstore.UnableToClaimTokenException;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The operator's view of this instance's event processors, and their replay (operators only, by
 * the security rules).
 */
@RestController
class ProjectionsController {

    private final ProcessorProgress progress;
    private final EventProcessingConfiguration processing;

    ProjectionsController(ProcessorProgress progress, EventProcessingConfiguration processing) {
        this.progress = progress;
        this.processing = processing;
    }

    @GetMapping("/api/operator/projections")
    ProcessorProgress.Projections projections() {
        return progress.now();
    }

    /**
     * Exactly one of the two: a rebuild clears the view, so it is never what an empty or stray
     * request means.
     *
     * @param since replay the events from this moment on (ISO-8601, as {@code 2026-03-02T08:00:00Z}).
     *        Text, parsed here strictly: Jackson would have trimmed control characters off it and
     *        taken a number for seconds since 1970.
     * @param rebuild true: clear the view and hand it every event from the first
     */
    record ReplayRequest(String since, Boolean rebuild) {}

    record ReplayStarted(String processor, Instant since, boolean rebuild) {}

    /**
     * Hands a projection its events again: all of them ({@code {"rebuild": true}}: its collections
     * are cleared first) or those since a moment ({@code {"since": …}}: the documents stay and take
     * the events again).
     * The processor stops, its position moves back, and it starts again; the view answers
     * meanwhile, with what it has. Processors that send mail never replay. With several instances,
     * every other instance must have released the processor first, or the answer is 409.
     */
    @PostMapping("/api/operator/projections/{name}/replays")
    @ResponseStatus(HttpStatus.ACCEPTED)
    ReplayStarted replay(@PathVariable String name, @RequestBody ReplayRequest request) {
        if ((request.since() == null) == !Boolean.TRUE.equals(request.rebuild())) {
            throw new DomainException(ErrorCode.INVALID_INPUT, Text.of("problem.projections-controller.1"));
        }
        StreamingEventProcessor processor = processing
                .eventProcessor(name, StreamingEventProcessor.class)
                .orElseThrow(
                        () -> new DomainException(ErrorCode.NOT_FOUND, Text.of("problem.projections-controller.2")));
        if (!processor.supportsReset()) {
            throw new DomainException(ErrorCode.NOT_REPLAYABLE, Text.of("problem.projections-controller.3"));
        }
        Instant since = request.since() == null ? null : moment(request.since());
        processor.shutDown();
        try {
            processor.resetTokens(
                    source -> since == null ? source.createTailToken() : source.createTokenAt(since),
                    new ProjectionReset(since));
        } catch (UnableToClaimTokenException | IllegalStateException claimedElsewhere) {
            throw new DomainException(ErrorCode.CONCURRENT_CHANGE, Text.of("problem.projections-controller.4"));
        } finally {
            processor.start();
        }
        return new ReplayStarted(name, since, since == null);
    }

    private static Instant moment(String text) {
        try {
            return Instant.parse(text);
        } catch (java.time.format.DateTimeParseException e) {
            throw new DomainException(ErrorCode.INVALID_INPUT, Text.of("problem.projections-controller.5"));
        }
    }
}
