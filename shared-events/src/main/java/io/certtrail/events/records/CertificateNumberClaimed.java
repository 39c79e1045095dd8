package io.certtrail.events.records;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * A certificate number now belongs to this certification record: no other record may state it.
 * Stored in the stream of the number itself ({@code certno:<number>}), beside the record's event.
 */
@Revision("1")
public record CertificateNumberClaimed(String certificateNumber, String recordId, Instant at) {}
