package io.certtrail.events.certificate;

import io.certtrail.events.PersonalData;
import java.time.Instant;
import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/**
 * A holder applied for one of their certificates (rule 8). What they confirmed is printed on the
 * certificate and cannot change, except the mailing information of a paper package.
 *
 * @param recordId the certification record applied for
 * @param addressKey the associated address the certificate was sent to
 * @param email the contact address confirmed in the application
 * @param fullName the name printed on the certificate, in any script
 * @param mailing where the package goes; paper only, null for electronic
 * @param privacyStatement the version of the privacy statement accepted
 * @param availableFrom the first day the certificate may be approved: the working day after it took effect
 * @param nameReview true when the printed name is neither the account holder's nor an exam
 *        candidate's name for the certificate's address: the office approves it, never the sweep;
 *        null in events stored before the check (they were not reviewed)
 */
@Revision("1")
public record CertificateApplied(
        String applicationId,
        String accountId,
        String recordId,
        String certificateNumber,
        String certificationName,
        LocalDate effectiveDate,
        LocalDate expirationDate,
        String addressKey,
        @PersonalData String email,
        CertificateFormat format,
        @PersonalData String fullName,
        @PersonalData String phone,
        MailingInformation mailing,
        String privacyStatement,
        LocalDate availableFrom,
        Instant appliedAt,
        Boolean nameReview)
        implements CertificateApplicationEvent {}
