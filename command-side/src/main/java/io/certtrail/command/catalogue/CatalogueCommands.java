package io.certtrail.command.catalogue;

import io.certtrail.events.certificate.CertificateFormat;
import java.time.Instant;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The commands of {@link Catalogue}: one catalogue, changed rarely, by the certification office. */
public final class CatalogueCommands {

    /** The one catalogue's identifier. */
    public static final String CATALOGUE_ID = "catalogue";

    private CatalogueCommands() {}

    public record DefineCertification(
            @TargetAggregateIdentifier String catalogueId,
            String certificationName,
            String track,
            String level,
            int validityMonths,
            List<CertificateFormat> formats,
            boolean revivesExpired,
            Instant at) {}

    /** @param changed false when the definition was already the one held */
    public record Defined(String certificationName, boolean changed, long catalogueVersion) {}
}
