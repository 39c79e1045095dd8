package io.certtrail.command.mail;

import io.certtrail.command.account.ActiveAddresses;
import io.certtrail.events.certificate.CertificateApplicationVoided;
import io.certtrail.events.certificate.CertificateApproved;
import io.certtrail.events.certificate.CertificateFormat;
import io.certtrail.events.certificate.PrintedNameCorrectionDecided;
import io.certtrail.events.certificate.ReplacementDecided;
import io.certtrail.events.records.CertificationRevoked;
import io.certtrail.platform.axon.ProcessingGroups;
import io.certtrail.platform.i18n.Language;
import io.certtrail.platform.i18n.Text;
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

    private final MailLanguages languages;

    CertificateMailer(Notices notices, ActiveAddresses addresses, MailLanguages languages) {
        this.notices = notices;
        this.addresses = addresses;
        this.languages = languages;
    }

    @EventHandler
    @DisallowReplay
    void on(CertificateApproved event) {
        notices.sendOnce(
                "application-approved:" + event.applicationId(),
                event.approvedAt(),
                event.email(),
                languages.ofAccount(event.accountId()),
                Text.of("mail.approved.subject"),
                Text.of(
                        event.format() == CertificateFormat.PAPER ? "mail.approved.paper" : "mail.approved.electronic",
                        event.certificateNumber()));
    }

    @EventHandler
    @DisallowReplay
    void on(CertificateApplicationVoided event) {
        // to the applicant at the addresses still theirs: the contact address may be someone else's by now
        Language language = languages.ofAccount(event.accountId());
        notices.sendOnce(
                "application-voided:" + event.applicationId() + ":" + event.voidedAt(),
                event.voidedAt(),
                addresses.emailsOf(event.accountId()),
                language,
                Text.of("mail.voided.subject"),
                Text.of(
                        "mail.voided",
                        event.certificateNumber(),
                        MailTimes.format(event.voidedAt(), language),
                        event.reason()));
    }

    @EventHandler
    @DisallowReplay
    void on(ReplacementDecided event) {
        notices.sendOnce(
                "replacement-decided:" + event.applicationId(),
                event.decidedAt(),
                addresses.emailsOf(event.accountId()),
                languages.ofAccount(event.accountId()),
                Text.of(event.approved() ? "mail.replacement.approved.subject" : "mail.replacement.refused.subject"),
                event.approved()
                        ? Text.of("mail.replacement.approved", event.certificateNumber())
                        : Text.of("mail.replacement.refused", event.certificateNumber(), event.reason()));
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
                languages.ofAccount(event.accountId()),
                Text.of(event.approved() ? "mail.name.approved.subject" : "mail.name.refused.subject"),
                event.approved()
                        ? Text.of("mail.name.approved", event.certificateNumber(), event.fullName())
                        : Text.of("mail.name.refused", event.certificateNumber(), event.reason()));
    }

    @EventHandler
    @DisallowReplay
    void on(CertificationRevoked event) {
        Language language = languages.ofAddress(event.email());
        notices.sendOnce(
                "certificate-revoked:" + event.recordId(),
                event.revokedAt(),
                event.email(),
                language,
                Text.of("mail.revoked.subject"),
                Text.of(
                        "mail.revoked",
                        event.certificateNumber(),
                        MailTimes.format(event.revokedAt(), language),
                        event.reason()));
    }
}
