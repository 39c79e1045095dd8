package io.certtrail.query.certificate;

import io.certtrail.events.certificate.CertificateFormat;
import java.time.Instant;
import java.time.LocalDate;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * The certification office's list: one document per application not approved yet, removed once it
 * is. Only what waits is here, so listing it whole is cheap on any store.
 *
 * @param availableFrom the day it may be approved (and is, automatically)
 * @param replacementCause set when what waits is a replacement paper certificate (LOST, DAMAGED)
 * @param nameReview the printed name is neither the holder's nor an exam candidate's: the office approves it
 * @param requestedName set when what waits is the holder's correction of the printed name: the name asked for
 */
@Document(ApprovalQueue.COLLECTION)
public record ApprovalQueue(
        @Id String applicationId,
        long version,
        String accountId,
        String recordId,
        String certificateNumber,
        String certificationName,
        CertificateFormat format,
        String printedName,
        Instant requestedAt,
        LocalDate availableFrom,
        String replacementCause,
        boolean nameReview,
        String requestedName) {

    public static final String COLLECTION = "approval_queue";
}
