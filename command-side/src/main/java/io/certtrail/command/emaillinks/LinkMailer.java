package io.certtrail.command.emaillinks;

import io.certtrail.command.emaillinks.LinkTokens.Link;
import io.certtrail.command.mail.MailLanguages;
import io.certtrail.command.mail.MailTimes;
import io.certtrail.command.support.CommandSideConfiguration.LinkProperties;
import io.certtrail.events.account.EmailAssociationRequested;
import io.certtrail.events.account.EmailDisassociationRequested;
import io.certtrail.platform.axon.ProcessingGroups;
import io.certtrail.platform.i18n.Language;
import io.certtrail.platform.i18n.Text;
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

    private final MailLanguages languages;

    LinkMailer(
            LinkTokens tokens,
            JavaMailSender mailSender,
            LinkProperties properties,
            PublicUrls urls,
            Clock clock,
            MailLanguages languages) {
        this.languages = languages;
        this.tokens = tokens;
        this.mailSender = mailSender;
        this.properties = properties;
        this.urls = urls;
        this.clock = clock;
    }

    @EventHandler
    @DisallowReplay
    void on(EmailAssociationRequested event) {
        send(
                new Link(
                        event.requestId(),
                        LinkPurpose.ACTIVATE_ASSOCIATION,
                        event.accountId(),
                        event.addressKey(),
                        event.email(),
                        event.expiresAt()),
                event.email(),
                // the account that asked: its holder reads the mail
                languages.ofAccount(event.accountId()),
                "mail.activate.subject",
                event.heldByAnotherAccount() ? "mail.activate.held-elsewhere" : "mail.activate");
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
                languages.ofAccount(event.accountId()),
                "mail.disassociate.subject",
                "mail.disassociate");
    }

    private void send(Link link, String to, Language language, String subjectKey, String textKey) {
        Instant now = clock.instant();
        if (!now.isBefore(link.expiresAt()) || tokens.alreadyMailed(link.requestId())) {
            return;
        }
        String token = tokens.issue(link);
        SimpleMailMessage message = new SimpleMailMessage();
        message.setFrom(properties.mailFrom());
        message.setTo(to);
        message.setSubject(Text.of(subjectKey).in(language.locale()));
        message.setText(
                Text.of(textKey, urls.base() + "/email-links/" + token, MailTimes.format(link.expiresAt(), language))
                        .in(language.locale()));
        mailSender.send(message);
        tokens.markMailed(link.requestId());
    }
}
