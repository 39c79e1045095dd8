package io.certtrail.events.records;

import java.time.Instant;
import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/**
 * The expiration date of a certificate changed because of another certificate of its holder's
 * address (rule 24): a higher level of its track, or the same certification earned again. The
 * certificate's own record keeps the date the office sent; this one holds from now on over it.
 * When the certificate that caused a renewal is corrected or revoked, the date falls back and a
 * new event says so ({@link RenewalRule#CAUSE_WITHDRAWN}); the latest event of a certificate holds.
 *
 * @param holderId the aggregate of the address's certificates ({@code HELD:} and the address key)
 * @param recordId the renewed certificate's record
 * @param previousExpirationDate the date that held before
 * @param expirationDate the date that holds now (never before the record's own)
 * @param causeRecordId the certificate that renewed it (or whose withdrawal ended the renewal)
 */
@Revision("1")
public record CertificationRenewed(
        String holderId,
        String addressKey,
        String recordId,
        String certificateNumber,
        String certificationName,
        LocalDate previousExpirationDate,
        LocalDate expirationDate,
        RenewalRule rule,
        String causeRecordId,
        String causeCertificateNumber,
        String causeCertificationName,
        Instant renewedAt) {

    public enum RenewalRule {
        /** A certification of a higher level in the same track, earned while this one was valid. */
        HIGHER_LEVEL,
        /** The same certification earned again (a recertification exam) while this one was valid. */
        RECERTIFICATION,
        /** The certificate that renewed this one was corrected or revoked: the date falls back. */
        CAUSE_WITHDRAWN
    }
}
