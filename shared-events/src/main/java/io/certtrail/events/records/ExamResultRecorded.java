package io.certtrail.events.records;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * An exam result was received (revision 1) or corrected (revision 2 and up).
 *
 * @param replaced for a correction, the version it replaces (so readers need not remember it); null for revision 1
 */
@Revision("1")
public record ExamResultRecorded(
        String recordId, int revision, Instant receivedAt, ExamResult exam, ExamResult replaced)
        implements RecordEvent {

    @Override
    public String addressKey() {
        return exam.addressKey();
    }

    @Override
    public String replacedAddressKey() {
        return replaced == null ? null : replaced.addressKey();
    }
}
