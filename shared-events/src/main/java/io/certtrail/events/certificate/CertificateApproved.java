package io.certtrail.events.certificate;

import io.certtrail.events.PersonalData;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * The certificate may be issued: an electronic one can be downloaded from now on, a paper one
 * joins logistics' queue.
 *
 * @param automatic approved by the rules (when applied for, or on its day); false: by the certification office
 * @param email the application's contact address, whose holder is told; null in events stored before it was added
 * @param format null in events stored before it was added
 */
@Revision("1")
public record CertificateApproved(
        String applicationId,
        String accountId,
        String certificateNumber,
        boolean automatic,
        Instant approvedAt,
        @PersonalData String email,
        CertificateFormat format)
        implements CertificateApplicationEvent {}
