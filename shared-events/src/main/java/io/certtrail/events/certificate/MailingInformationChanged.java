package io.certtrail.events.certificate;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/** The holder updated where their paper package goes, before it was shipped. */
@Revision("1")
public record MailingInformationChanged(
        String applicationId, String accountId, MailingInformation mailing, Instant changedAt)
        implements CertificateApplicationEvent {}
