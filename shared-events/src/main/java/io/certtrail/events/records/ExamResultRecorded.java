package io.certtrail.events.records;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/** An exam result was received (revision 1) or corrected (revision 2 and up). */
@Revision("1")
public record ExamResultRecorded(String recordId, int revision, Instant receivedAt, ExamResult exam)
        implements RecordEvent {

    @Override
    public String addressKey() {
        return exam.addressKey();
    }
}
