package io.certtrail.events.records;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/** The record that held this certificate number was corrected to another number: the number is free again. */
@Revision("1")
public record CertificateNumberReleased(String certificateNumber, String recordId, Instant at) {}
