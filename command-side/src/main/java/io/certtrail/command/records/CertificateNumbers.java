package io.certtrail.command.records;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Certificate numbers are unique across records: a {@link SourceRecord} claims its number (and
 * releases the one a correction replaces) inside the unit of work of its own command.
 */
public interface CertificateNumbers {

    record Claim(@TargetAggregateIdentifier String id, String certificateNumber, String recordId, Instant at) {}

    record Release(@TargetAggregateIdentifier String id, String certificateNumber, String recordId, Instant at) {}

    /** @return the other record that already holds the number (then nothing was claimed), or null */
    String claim(String certificateNumber, String recordId, Instant at);

    /** Frees the number if this record holds it. */
    void release(String certificateNumber, String recordId, Instant at);
}
