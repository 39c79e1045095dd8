package io.certtrail.events.records;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * A certification was received (revision 1) or corrected (revision 2 and up).
 *
 * @param replaced for a correction, the version it replaces (so readers need not remember it); null for revision 1
 */
@Revision("1")
public record CertificationRecorded(
        String recordId,
        int revision,
        Instant receivedAt,
        CertificationEarned certification,
        CertificationEarned replaced)
        implements RecordEvent {

    @Override
    public String addressKey() {
        return certification.addressKey();
    }

    @Override
    public String replacedAddressKey() {
        return replaced == null ? null : replaced.addressKey();
    }
}
