package io.certtrail.query.catalogue;

import io.certtrail.events.certificate.CertificateFormat;
import io.certtrail.platform.certificates.CertificateFormats;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Which formats a certificate can be applied for, as the holder's views show it (rule 16): its
 * catalogue definition's, or the configured rules for a name the catalogue lacks, as the command
 * side decides it, from the catalogue as read at most ten seconds ago.
 */
@Component
public class CatalogueFormatReads {

    private final CatalogueReads catalogue;
    private final CertificateFormats configured;

    CatalogueFormatReads(CatalogueReads catalogue, CertificateFormats configured) {
        this.catalogue = catalogue;
        this.configured = configured;
    }

    public List<CertificateFormat> of(String certificationName) {
        if (certificationName != null) {
            String name = certificationName.trim();
            CatalogueReads.Certification exact = catalogue.byName().get(name);
            if (exact != null) {
                return exact.formats();
            }
            for (CatalogueReads.Certification c : catalogue.byName().values()) {
                if (c.certificationName().equalsIgnoreCase(name)) {
                    return c.formats();
                }
            }
        }
        return configured.of(certificationName);
    }
}
