package io.certtrail.command.records;

import io.certtrail.events.records.CertificationEarned;
import java.util.Optional;

/**
 * The certificate a certification record states now, read from its {@code SourceRecord} aggregate
 * inside the unit of work of the command being handled.
 */
public interface EarnedCertificates {

    /** Empty when there is no such record, it is not a certification, or it was revoked. */
    Optional<CertificationEarned> valid(String recordId);
}
