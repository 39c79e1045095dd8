package io.certtrail.events.certificate;

import io.certtrail.events.PersonalData;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * The certification office voided an application: it was made by an account the certificate does
 * not belong to (the address was unbound or moved to its rightful holder). Nothing more is issued
 * for it; the certificate may be applied for again, by whoever holds it now.
 *
 * @param accountId the account whose application it was
 * @param reason the office's, recorded for the audit trail and told to the applicant
 * @param email the application's contact address, whose holder is told
 */
@Revision("1")
public record CertificateApplicationVoided(
        String applicationId,
        String accountId,
        String certificateNumber,
        @PersonalData String reason,
        Instant voidedAt,
        @PersonalData String email)
        implements CertificateApplicationEvent {}
