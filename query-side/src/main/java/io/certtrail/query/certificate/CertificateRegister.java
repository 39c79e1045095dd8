package io.certtrail.query.certificate;

import java.time.Instant;
import java.time.LocalDate;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * Every certificate by its number, for public verification: fetched by {@code _id} only, so no
 * query can list or search them.
 *
 * @param holderName the name printed on the certificate, known once it has been applied for
 * @param replacedBy the number a correction gave this certificate instead: the old number keeps
 *        answering, as replaced, never as unknown (a printed QR code leads here)
 */
@Document(CertificateRegister.COLLECTION)
public record CertificateRegister(
        @Id String certificateNumber,
        String recordId,
        String certificationName,
        LocalDate effectiveDate,
        LocalDate expirationDate,
        String holderName,
        Instant revokedAt,
        String replacedBy) {

    public static final String COLLECTION = "certificate_register";
}
