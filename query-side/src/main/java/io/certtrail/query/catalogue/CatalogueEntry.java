package io.certtrail.query.catalogue;

import io.certtrail.events.certificate.CertificateFormat;
import java.time.Instant;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** A certification as the office defined it (the shipped defaults are not stored: {@code CatalogueReads}). */
@Document(CatalogueEntry.COLLECTION)
public record CatalogueEntry(
        @Id String certificationName,
        String track,
        String level,
        int validityMonths,
        List<CertificateFormat> formats,
        boolean revivesExpired,
        Instant definedAt) {

    public static final String COLLECTION = "catalogue";
}
