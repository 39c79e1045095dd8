package io.certtrail.command.catalogue;

import io.certtrail.command.certificate.OfferedFormats;
import io.certtrail.events.certificate.CertificateFormat;
import io.certtrail.platform.certificates.CertificateFormats;
import io.certtrail.platform.certificates.DefaultCatalogue;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Rule 16 from the catalogue (rule 23): a certification is issued in the formats its definition
 * names, so the office changes them over the API; a name the catalogue lacks falls back to the
 * configured rules ({@code certtrail.certificates.formats}: the expert level on paper).
 */
@Component
class CatalogueFormats implements OfferedFormats {

    private final CatalogueDefinitions catalogue;
    private final CertificateFormats configured;

    CatalogueFormats(CatalogueDefinitions catalogue, CertificateFormats configured) {
        this.catalogue = catalogue;
        this.configured = configured;
    }

    @Override
    public List<CertificateFormat> of(String certificationName) {
        return catalogue
                .of(certificationName)
                .map(DefaultCatalogue.Definition::formats)
                .orElseGet(() -> configured.of(certificationName));
    }
}
