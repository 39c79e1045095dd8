package io.certtrail.command.certificate;

import io.certtrail.events.certificate.CertificateFormat;
import java.util.List;

/** Rule 16: the formats a certification is issued in, as the catalogue says now. */
public interface OfferedFormats {

    List<CertificateFormat> of(String certificationName);
}
