package io.certtrail.query.catalogue;

import io.certtrail.events.certificate.CertificateFormat;
import io.certtrail.platform.certificates.CertificateFormats;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Which formats a certificate can be applied for, as the holder's views show it (rule 16): its
 * catalogue definition's, or the configured rules for a name the catalogue lacks, as the command
 * side decides it. The catalogue is read again at most every ten seconds: it changes rarely.
 */
@Component
public class CatalogueFormatReads {

    private static final long TTL_NANOS = 10_000_000_000L;

    private final CatalogueReads catalogue;
    private final CertificateFormats configured;
    private volatile Map<String, List<CertificateFormat>> byName = Map.of();
    private volatile long readAt = Long.MIN_VALUE;

    CatalogueFormatReads(CatalogueReads catalogue, CertificateFormats configured) {
        this.catalogue = catalogue;
        this.configured = configured;
    }

    public List<CertificateFormat> of(String certificationName) {
        long now = System.nanoTime();
        if (readAt == Long.MIN_VALUE || now - readAt > TTL_NANOS) {
            Map<String, List<CertificateFormat>> read = new HashMap<>();
            catalogue.catalogue().forEach(c -> read.put(c.certificationName().toUpperCase(Locale.ROOT), c.formats()));
            byName = Map.copyOf(read);
            readAt = now;
        }
        List<CertificateFormat> formats = certificationName == null
                ? null
                : byName.get(certificationName.trim().toUpperCase(Locale.ROOT));
        return formats != null ? formats : configured.of(certificationName);
    }
}
