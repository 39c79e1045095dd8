package io.certtrail.query.certificate;

import io.certtrail.events.account.DisassociationCause;
import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * For the certification office: an application whose certificate's address has left the account
 * that applied (unbound by the office, moved to another account, or given up by the holder). The
 * application stays the applicant's until the office voids it; this says which to look at.
 * Removed when the application is voided.
 */
@Document(ApplicationReview.COLLECTION)
public record ApplicationReview(
        @Id String applicationId,
        String accountId,
        String recordId,
        String certificateNumber,
        String certificationName,
        String applicationStatus,
        DisassociationCause cause,
        Instant addressLeftAt) {

    public static final String COLLECTION = "application_reviews";
}
