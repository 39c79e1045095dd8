package io.certtrail.command.mail;

import io.certtrail.command.support.CommandSideConfiguration.LinkProperties;
import io.certtrail.events.certificate.PackageShipped;
import java.time.Clock;
import java.time.Duration;
import java.util.Date;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

/**
 * Tells the holder that their paper package left, with the courier and the express order number
 * (rule 8). Never on replay, and once per shipment: a crash between sending and recording may, at
 * worst, send the same notice again. A shipment older than {@link #STALE_AFTER} is not announced:
 * a mail processor started on an old event store must not mail every package ever shipped.
 */
@Component
@ProcessingGroup("mail")
class ShipmentMailer {

    static final String COLLECTION = "sent_notifications";
    static final Duration STALE_AFTER = Duration.ofDays(3);

    private final JavaMailSender mailSender;
    private final LinkProperties properties;
    private final MongoTemplate mongo;
    private final Clock clock;

    ShipmentMailer(JavaMailSender mailSender, LinkProperties properties, MongoTemplate mongo, Clock clock) {
        this.mailSender = mailSender;
        this.properties = properties;
        this.mongo = mongo;
        this.clock = clock;
    }

    @EventHandler
    @DisallowReplay
    void on(PackageShipped event) {
        String id = "package-shipped:" + event.applicationId();
        if (clock.instant().isAfter(event.shippedAt().plus(STALE_AFTER))
                || mongo.findById(id, Document.class, COLLECTION) != null) {
            return;
        }
        SimpleMailMessage message = new SimpleMailMessage();
        message.setFrom(properties.mailFrom());
        message.setTo(event.email());
        message.setSubject("Your certificate package has been shipped");
        message.setText(("The paper package of your certificate %s has been handed to the courier.\n\n"
                + "Courier: %s\nExpress order number: %s\n\n"
                + "You can also find the order number on your certificate application in CertTrail.")
                .formatted(event.certificateNumber(), event.courier(), event.expressOrderNumber()));
        mailSender.send(message);
        mongo.save(new Document("_id", id).append("sentAt", Date.from(event.shippedAt())), COLLECTION);
    }
}
