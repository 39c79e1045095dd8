package io.certtrail.command.mail;

import io.certtrail.command.support.CommandSideConfiguration.LinkProperties;
import io.certtrail.platform.i18n.Language;
import io.certtrail.platform.i18n.Text;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

/**
 * Notices to holders, each sent once: its identifier is recorded after sending (a crash between
 * the two may, at worst, send it again), and a notice about something older than
 * {@link #STALE_AFTER} is not sent at all, so a mail processor started on an old event store does
 * not mail every past event. The handlers that call it also never run on replay.
 */
@Component
class Notices {

    static final String COLLECTION = "sent_notifications";
    static final Duration STALE_AFTER = Duration.ofDays(3);

    private final JavaMailSender mailSender;
    private final LinkProperties properties;
    private final MongoTemplate mongo;
    private final Clock clock;

    Notices(JavaMailSender mailSender, LinkProperties properties, MongoTemplate mongo, Clock clock) {
        this.mailSender = mailSender;
        this.properties = properties;
        this.mongo = mongo;
        this.clock = clock;
    }

    /**
     * @param id what the notice is about, unique per event ("package-shipped:app:CERT:C-1")
     * @param at when that happened
     */
    void sendOnce(String id, Instant at, String to, Language language, Text subject, Text text) {
        sendOnce(id, at, to == null ? java.util.List.of() : java.util.List.of(to), language, subject, text);
    }

    /** As {@link #sendOnce(String, Instant, String, Language, Text, Text)}, one mail to several addresses of one holder. */
    void sendOnce(String id, Instant at, java.util.List<String> to, Language language, Text subject, Text text) {
        if (to.isEmpty()
                || clock.instant().isAfter(at.plus(STALE_AFTER))
                || mongo.findById(id, Document.class, COLLECTION) != null) {
            return;
        }
        SimpleMailMessage message = new SimpleMailMessage();
        message.setFrom(properties.mailFrom());
        message.setTo(to.toArray(String[]::new));
        message.setSubject(subject.in(language.locale()));
        message.setText(text.in(language.locale()));
        mailSender.send(message);
        mongo.save(new Document("_id", id).append("sentAt", Date.from(at)), COLLECTION);
    }
}
