package io.certtrail.command.mail;

import io.certtrail.events.certificate.PackageShipped;
import io.certtrail.platform.axon.ProcessingGroups;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.stereotype.Component;

/**
 * Tells the holder that their paper package left, with the courier and the express order number
 * (rule 8). Never on replay, and once per shipment ({@link Notices}).
 */
@Component
@ProcessingGroup(ProcessingGroups.MAIL)
class ShipmentMailer {

    private final Notices notices;

    ShipmentMailer(Notices notices) {
        this.notices = notices;
    }

    @EventHandler
    @DisallowReplay
    void on(PackageShipped event) {
        boolean replacement = Boolean.TRUE.equals(event.replacement());
        notices.sendOnce(
                "package-shipped:" + event.applicationId() + (replacement ? ":replacement" : ""),
                event.shippedAt(),
                event.email(),
                replacement
                        ? "Your replacement certificate has been shipped"
                        : "Your certificate package has been shipped",
                ("The paper package of your certificate %s has been handed to the courier.\n\n"
                                + "Courier: %s\nExpress order number: %s\n\n"
                                + "You can also find the order number on your certificate application in CertTrail.")
                        .formatted(event.certificateNumber(), event.courier(), event.expressOrderNumber()));
    }
}
