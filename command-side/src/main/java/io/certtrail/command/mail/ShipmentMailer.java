package io.certtrail.command.mail;

import io.certtrail.events.certificate.PackageShipped;
import io.certtrail.platform.axon.ProcessingGroups;
import io.certtrail.platform.i18n.Text;
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

    private final MailLanguages languages;

    ShipmentMailer(Notices notices, MailLanguages languages) {
        this.notices = notices;
        this.languages = languages;
    }

    @EventHandler
    @DisallowReplay
    void on(PackageShipped event) {
        boolean replacement = Boolean.TRUE.equals(event.replacement());
        notices.sendOnce(
                "package-shipped:" + event.applicationId() + (replacement ? ":replacement" : ""),
                event.shippedAt(),
                event.email(),
                languages.ofAccount(event.accountId()),
                Text.of(replacement ? "mail.shipped.replacement.subject" : "mail.shipped.subject"),
                Text.of("mail.shipped", event.certificateNumber(), event.courier(), event.expressOrderNumber()));
    }
}
