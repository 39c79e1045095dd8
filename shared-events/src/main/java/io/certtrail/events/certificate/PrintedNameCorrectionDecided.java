package io.certtrail.events.certificate;

import io.certtrail.events.PersonalData;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * The certification office decided on a printed-name correction: approved, the certificate carries
 * {@code fullName} from now on (a new e-certificate, the register's name); refused, with its reason.
 *
 * @param fullName the name printed from now on; null for a refusal
 * @param reason for a refusal; null for an approval
 * @param email the application's contact address, told of the decision
 */
@Revision("1")
public record PrintedNameCorrectionDecided(
        String applicationId,
        String accountId,
        String certificateNumber,
        boolean approved,
        @PersonalData String fullName,
        @PersonalData String reason,
        Instant decidedAt,
        @PersonalData String email)
        implements CertificateApplicationEvent {}
