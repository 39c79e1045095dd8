package io.certtrail.events.records;

import java.time.Instant;

/**
 * A record received from the training system, the exam centre or the certification office.
 * Revision 1 is the first version; a higher revision is a correction that replaces the earlier
 * one (which stays in the history).
 */
public sealed interface RecordEvent permits TrainingRecorded, ExamResultRecorded, CertificationRecorded {

    /** {@code KIND:senderId}: the sender's own identifier, namespaced by kind. */
    String recordId();

    int revision();

    Instant receivedAt();

    /** The address the record is keyed by. */
    String addressKey();

    /** For a correction, the address the replaced version was keyed by; null for revision 1. */
    String replacedAddressKey();
}
