package io.certtrail.command.emaillinks;

import io.certtrail.command.emaillinks.LinkTokens.Link;
import io.certtrail.command.mail.MailTimes;
import io.certtrail.command.support.CommandSideConfiguration.LinkProperties;
import io.certtrail.events.account.EmailAssociationRequested;
import io.certtrail.events.account.EmailDisassociationRequested;
import io.certtrail.platform.axon.ProcessingGroups;
import io.certtrail.platform.web.PublicUrls;
import java.time.Clock;
import java.time.Instant;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

/**
 * Sends the activation and confirmation e-mails that requests cause. The token is made here, at
 * sending time, so it never passes through an event. Never on replay; never twice for one request
 * (a crash between sending and recording may, at worst, send one more link for the same request);
 * never for a request already past its expiry.
 */
@Component
@ProcessingGroup(ProcessingGroups.MAIL)
class LinkMailer {

    private final LinkTokens tokens;
    private final JavaMailSender mailSender;
    private final LinkProperties properties;
    private final PublicUrls urls;
    private final Clock clock;

    LinkMailer(LinkTokens tokens, JavaMailSender mailSender, LinkProperties properties, PublicUrls urls, Clock clock) {
        this.tokens = tokens;
        this.mailSender = mailSender;
        this.properties = properties;
        this.urls = urls;
        this.clock = clock;
    }

    @EventHandler
    @DisallowReplay
    void on(EmailAssociationRequested event) {
        String intro = event.heldByAnotherAccount()
                ? "This address is currently associated with another CertTrail account. If you follow the link,"
                        + " it moves to the account that asked now, together with its training and exam records.\n\n"
                : "";
        send(
                new Link(
                        event.requestId(),
                        LinkPurpose.ACTIVATE_ASSOCIATION,
                        event.accountId(),
                        event.addressKey(),
                        event.email(),
                        event.expiresAt()),
                event.email(),
                "Activate the association of your e-mail address",
                "Someone asked to associate this e-mail address with a CertTrail account, so that the training,"
                        + " exam and certificate records sent to it show up there.\n\n" + intro
                        + "To complete the association, open this link:\n\n%s\n\n"
                        + "The link works once and expires at %s. If you did not ask for this, ignore this e-mail.");
    }

    @EventHandler
    @DisallowReplay
    void on(EmailDisassociationRequested event) {
        send(
                new Link(
                        event.requestId(),
                        LinkPurpose.CONFIRM_DISASSOCIATION,
                        event.accountId(),
                        event.addressKey(),
                        event.email(),
                        event.expiresAt()),
                event.email(),
                "Confirm the disassociation of your e-mail address",
                "You asked to disassociate this e-mail address from your CertTrail account. After that, the"
                        + " training, exam and certificate records sent to it no longer show in that account.\n\n"
                        + "To finish the disassociation, open this link:\n\n%s\n\n"
                        + "The link works once and expires at %s. If you did not ask for this, ignore this e-mail.");
    }

    private void send(Link link, String to, String subject, String template) {
        Instant now = clock.instant();
        if (!now.isBefore(link.expiresAt()) || tokens.alreadyMailed(link.requestId())) {
            return;
        }
        String token = tokens.issue(link);
        SimpleMailMessage message = new SimpleMailMessage();
        message.setFrom(properties.mailFrom());
        message.setTo(to);
        message.setSubject(subject);
        message.setText(template.formatted(urls.base() + "/email-links/" + token, MailTimes.format(link.expiresAt())));
        mailSender.send(message);
        tokens.markMailed(link.requestId());
    }
}
