package io.certtrail.embedded;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;

/**
 * What the embedded SMTP server caught, newest first, with the links in each mail: the inbox of
 * every demo address. It exists only on the embedded default, which listens on 127.0.0.1 only.
 */
@RestController
@org.springframework.context.annotation.Profile(io.certtrail.mode.RunMode.NOT_PRODUCTION_PROFILE)
@RequestMapping("/dev/mails")
@ConditionalOnBean(GreenMail.class)
class MailCatcherController {

    private static final Pattern LINK = Pattern.compile("https?://\\S+");

    private final GreenMail smtp;

    MailCatcherController(GreenMail smtp) {
        this.smtp = smtp;
    }

    record CaughtMail(List<String> to, String subject, Instant receivedAt, List<String> links, String text) {}

    @GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
    List<CaughtMail> mails() throws MessagingException {
        MimeMessage[] received = smtp.getReceivedMessages();
        List<CaughtMail> mails = new ArrayList<>();
        for (int i = received.length - 1; i >= 0; i--) {
            MimeMessage message = received[i];
            String text = GreenMailUtil.getBody(message).replace("=\r\n", "").replace("=3D", "=");
            List<String> links = new ArrayList<>();
            Matcher matcher = LINK.matcher(text);
            while (matcher.find()) {
                links.add(matcher.group());
            }
            mails.add(new CaughtMail(
                    Arrays.stream(message.getRecipients(Message.RecipientType.TO))
                            .map(Object::toString)
                            .toList(),
                    message.getSubject(),
                    message.getReceivedDate() == null
                            ? null
                            : message.getReceivedDate().toInstant(),
                    links,
                    text));
        }
        // newest first across all mailboxes: GreenMail lists them mailbox by mailbox, so the README's
        // `head -1` picked an older mail to another address (a stable sort keeps same-moment mails' order)
        mails.sort(java.util.Comparator.comparing(
                CaughtMail::receivedAt, java.util.Comparator.nullsLast(java.util.Comparator.reverseOrder())));
        return mails;
    }

    @GetMapping(produces = MediaType.TEXT_HTML_VALUE)
    String page() throws MessagingException {
        StringBuilder html = new StringBuilder("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<title>Caught mail - CertTrail</title><style>body{font-family:sans-serif;max-width:50rem;"
                + "margin:2rem auto}article{border-bottom:1px solid #ccc;padding:1rem 0}</style></head><body>"
                + "<h1>Mail caught by the embedded SMTP server</h1>");
        List<CaughtMail> mails = mails();
        if (mails.isEmpty()) {
            html.append("<p>No mail yet.</p>");
        }
        for (CaughtMail mail : mails) {
            html.append("<article><h2>")
                    .append(HtmlUtils.htmlEscape(String.valueOf(mail.subject())))
                    .append("</h2><p>To: ")
                    .append(HtmlUtils.htmlEscape(String.join(", ", mail.to())))
                    .append(" &middot; ")
                    .append(mail.receivedAt())
                    .append("</p>");
            for (String link : mail.links()) {
                String escaped = HtmlUtils.htmlEscape(link);
                html.append("<p><a href=\"")
                        .append(escaped)
                        .append("\">")
                        .append(escaped)
                        .append("</a></p>");
            }
            html.append("</article>");
        }
        return html.append("</body></html>").toString();
    }
}
