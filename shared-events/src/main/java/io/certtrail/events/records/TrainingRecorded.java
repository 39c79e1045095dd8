package io.certtrail.events.records;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * A training completion was received (revision 1) or corrected (revision 2 and up).
 *
 * @param replaced for a correction, the version it replaces (so readers need not remember it); null for revision 1
 */
@Revision("1")
public record TrainingRecorded(
        String recordId, int revision, Instant receivedAt, TrainingCompletion training, TrainingCompletion replaced)
        implements RecordEvent {

    @Override
    public String addressKey() {
        return training.addressKey();
    }

    @Override
    public String replacedAddressKey() {
        return replaced == null ? null : replaced.addressKey();
    }
}
