package io.certtrail.query.support;

import org.axonframework.eventhandling.async.SequencingPolicy;

/** Sequencing policies of the projections that must see the whole stream in order. */
public final class ProjectionSequences {

    /** The one sequence of a whole-stream projection, under the name its parked events are stored by. */
    public static final String WHOLE_STREAM = "whole-stream";

    private ProjectionSequences() {}

    /**
     * Every event in one sequence, as Axon's {@code SequentialPolicy}, but named by a string: the
     * dead-letter queue stores a sequence by its string, or else by its hash code, and that policy's
     * marker object hashes differently in every JVM, so its parked sequence would be lost on restart.
     */
    public static SequencingPolicy<Object> wholeStream() {
        return event -> WHOLE_STREAM;
    }
}
