package io.certtrail.events.certificate;

import io.certtrail.events.PersonalData;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * The holder asks the certification office to print another name on their certificate (a typing
 * error, a name in another script); the office approves or refuses it.
 *
 * @param fullName the name to print instead, in any script
 */
@Revision("1")
public record PrintedNameCorrectionRequested(
        String applicationId,
        String accountId,
        String certificateNumber,
        @PersonalData String fullName,
        Instant requestedAt)
        implements CertificateApplicationEvent {}
