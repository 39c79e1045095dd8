package io.certtrail.events.records;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/** A certification was received (revision 1) or corrected (revision 2 and up). */
@Revision("1")
public record CertificationRecorded(String recordId, int revision, Instant receivedAt, CertificationEarned certification)
        implements RecordEvent {

    @Override
    public String addressKey() {
        return certification.addressKey();
    }
}
