package io.certtrail.events.catalogue;

import io.certtrail.events.certificate.CertificateFormat;
import java.time.Instant;
import java.util.List;
import org.axonframework.serialization.Revision;

/**
 * The certification office defined a certification in the catalogue, or changed its definition:
 * the latest definition of a name is the one that holds.
 *
 * @param certificationName as records name it, e.g. HCIP-Security
 * @param track e.g. Datacom, Security, Cloud
 * @param level ASSOCIATE, PROFESSIONAL or EXPERT
 * @param validityMonths how long a certificate of it is valid from its effective date
 * @param formats the formats it is issued in
 * @param revivesExpired whether a higher certificate of the track renews this one once it has expired
 */
@Revision("1")
public record CertificationDefined(
        String catalogueId,
        String certificationName,
        String track,
        String level,
        int validityMonths,
        List<CertificateFormat> formats,
        boolean revivesExpired,
        Instant definedAt) {}
