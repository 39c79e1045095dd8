package io.certtrail.events.records;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/** A training completion was received (revision 1) or corrected (revision 2 and up). */
@Revision("1")
public record TrainingRecorded(String recordId, int revision, Instant receivedAt, TrainingCompletion training)
        implements RecordEvent {

    @Override
    public String addressKey() {
        return training.addressKey();
    }
}
