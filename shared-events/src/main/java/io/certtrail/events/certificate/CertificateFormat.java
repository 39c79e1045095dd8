package io.certtrail.events.certificate;

/** Chosen once, when applying; it cannot change afterwards. */
public enum CertificateFormat {
    ELECTRONIC,
    PAPER
}
