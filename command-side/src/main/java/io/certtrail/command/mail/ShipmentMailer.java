package io.certtrail.command.mail;

import io.certtrail.command.support.CommandSideConfiguration.LinkProperties;
import io.certtrail.events.certificate.PackageShipped;
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
 * worst, send the same notice again.
 */
@Component
@ProcessingGroup("mail")
class ShipmentMailer {

    static final String COLLECTION = "sent_notifications";

    private final JavaMailSender mailSender;
    private final LinkProperties properties;
    private final MongoTemplate mongo;

    ShipmentMailer(JavaMailSender mailSender, LinkProperties properties, MongoTemplate mongo) {
        this.mailSender = mailSender;
        this.properties = properties;
        this.mongo = mongo;
    }

    @EventHandler
    @DisallowReplay
    void on(PackageShipped event) {
        String id = "package-shipped:" + event.applicationId();
        if (mongo.findById(id, Document.class, COLLECTION) != null) {
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
