package io.certtrail.events.certificate;

/** Every event the {@code CertificateApplication} aggregate emits; the index of the family. */
public sealed interface CertificateApplicationEvent
        permits CertificateApplied,
                CertificateApproved,
                MailingInformationChanged,
                PackageShipped,
                CertificateApplicationVoided,
                ReplacementRequested,
                ReplacementDecided,
                PrintedNameCorrectionRequested,
                PrintedNameCorrectionDecided {

    String applicationId();

    /** The account that applied; it owns the application. */
    String accountId();
}
