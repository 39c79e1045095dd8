package io.certtrail.events.certificate;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * The holder asked for a new paper certificate: the one mailed was lost or damaged. Once per
 * application; the certification office approves or refuses it.
 *
 * @param cause LOST or DAMAGED
 * @param mailing where the replacement goes
 */
@Revision("1")
public record ReplacementRequested(
        String applicationId,
        String accountId,
        String certificateNumber,
        String cause,
        MailingInformation mailing,
        Instant requestedAt)
        implements CertificateApplicationEvent {}
