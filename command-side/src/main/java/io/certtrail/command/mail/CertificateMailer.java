package io.certtrail.command.mail;

import io.certtrail.command.account.ActiveAddresses;
import io.certtrail.events.certificate.CertificateApplicationVoided;
import io.certtrail.events.certificate.CertificateApproved;
import io.certtrail.events.certificate.CertificateFormat;
import io.certtrail.events.certificate.PrintedNameCorrectionDecided;
import io.certtrail.events.certificate.ReplacementDecided;
import io.certtrail.events.records.CertificationRevoked;
import io.certtrail.platform.axon.ProcessingGroups;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.stereotype.Component;

/**
 * Tells holders what the certification office decided about their certificates: an application
 * approved (what happens next depends on its format), voided or a certificate revoked (with the
 * office's reason). Never on replay, and once per event ({@link Notices}).
 */
@Component
@ProcessingGroup(ProcessingGroups.MAIL)
class CertificateMailer {

    private final Notices notices;
    private final ActiveAddresses addresses;

    CertificateMailer(Notices notices, ActiveAddresses addresses) {
        this.notices = notices;
        this.addresses = addresses;
    }

    @EventHandler
    @DisallowReplay
    void on(CertificateApproved event) {
        String next = event.format() == CertificateFormat.PAPER
                ? "Your paper certificate will be mailed within five to seven working days; you will get another"
                        + " mail with the courier and the express order number."
                : "You can download your e-certificate from your certificate applications in CertTrail now.";
        notices.sendOnce(
                "application-approved:" + event.applicationId(),
                event.approvedAt(),
                event.email(),
                "Your certificate application has been approved",
                "Your application for certificate %s has been approved.\n\n%s"
                        .formatted(event.certificateNumber(), next));
    }

    @EventHandler
    @DisallowReplay
    void on(CertificateApplicationVoided event) {
        // to the applicant at the addresses still theirs: the contact address may be someone else's by now
        notices.sendOnce(
                "application-voided:" + event.applicationId() + ":" + event.voidedAt(),
                event.voidedAt(),
                addresses.emailsOf(event.accountId()),
                "Your certificate application has been voided",
                ("The certification office has voided your application for certificate %s on %s.\n\nReason: %s\n\n"
                                + "Nothing more is issued for it. If you believe this is a mistake, contact the certification"
                                + " office.")
                        .formatted(event.certificateNumber(), MailTimes.format(event.voidedAt()), event.reason()));
    }

    @EventHandler
    @DisallowReplay
    void on(ReplacementDecided event) {
        notices.sendOnce(
                "replacement-decided:" + event.applicationId(),
                event.decidedAt(),
                addresses.emailsOf(event.accountId()),
                event.approved()
                        ? "Your replacement certificate is approved"
                        : "Your request for a replacement certificate was refused",
                event.approved()
                        ? ("Your request for a new paper certificate %s is approved. It will be mailed within five to"
                                        + " seven working days; you will get another mail with the courier and the express order"
                                        + " number.")
                                .formatted(event.certificateNumber())
                        : ("The certification office refused your request for a new paper certificate %s.\n\n"
                                        + "Reason: %s")
                                .formatted(event.certificateNumber(), event.reason()));
    }

    /** A holder may ask more than once: each decision is its own notice. */
    @EventHandler
    @DisallowReplay
    void on(PrintedNameCorrectionDecided event) {
        notices.sendOnce(
                "printed-name-decided:" + event.applicationId() + ":"
                        + event.decidedAt().toEpochMilli(),
                event.decidedAt(),
                event.email(),
                event.approved()
                        ? "The name on your certificate is corrected"
                        : "Your correction of the name on your certificate was refused",
                event.approved()
                        ? ("The certification office approved your correction: certificate %s now carries the name"
                                        + " \"%s\". Download the e-certificate again for a copy with it.")
                                .formatted(event.certificateNumber(), event.fullName())
                        : ("The certification office refused your correction of the name on certificate %s.\n\n"
                                        + "Reason: %s")
                                .formatted(event.certificateNumber(), event.reason()));
    }

    @EventHandler
    @DisallowReplay
    void on(CertificationRevoked event) {
        notices.sendOnce(
                "certificate-revoked:" + event.recordId(),
                event.revokedAt(),
                event.email(),
                "Your certificate has been revoked",
                ("The certification office has revoked your certificate %s on %s.\n\nReason: %s\n\n"
                                + "It is no longer valid: public verification shows it as revoked, and it can no longer be"
                                + " downloaded or mailed. If you believe this is a mistake, contact the certification office.")
                        .formatted(event.certificateNumber(), MailTimes.format(event.revokedAt()), event.reason()));
    }
}
