package io.certtrail.query.certificate;

import java.time.Instant;
import java.time.LocalDate;

/**
 * Where a certificate stands on a day, the same in every view (My Certificates, the applications,
 * the partner view and its export, public verification): revoked from the moment the office revoked
 * it, expired after its expiration date, valid otherwise.
 */
public enum CertificateStatus {
    VALID,
    EXPIRED,
    REVOKED;

    public static CertificateStatus of(LocalDate expirationDate, Instant revokedAt, LocalDate today) {
        if (revokedAt != null) {
            return REVOKED;
        }
        return expirationDate != null && today.isAfter(expirationDate) ? EXPIRED : VALID;
    }
}
