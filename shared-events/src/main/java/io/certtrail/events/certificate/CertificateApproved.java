package io.certtrail.events.certificate;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * The certificate may be issued: an electronic one can be downloaded from now on.
 *
 * @param automatic approved by the rules when applied for (the day had come); false: by the certification office
 */
@Revision("1")
public record CertificateApproved(String applicationId, String accountId, String certificateNumber,
        boolean automatic, Instant approvedAt) implements CertificateApplicationEvent {
}
