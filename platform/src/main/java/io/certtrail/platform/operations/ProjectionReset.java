package io.certtrail.platform.operations;

import java.time.Instant;

/**
 * Why a projection's events are handed to it again, given to its {@code @ResetHandler}: a rebuild
 * from the first event (the handler clears its collections), or a replay of the events since a
 * moment (the handler keeps them: every projection takes an event it has seen without change).
 *
 * @param since null for a rebuild
 */
public record ProjectionReset(Instant since) {

    public boolean rebuild() {
        return since == null;
    }
}
