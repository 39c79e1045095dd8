package io.certtrail.query.certificate;

import io.certtrail.events.certificate.MailingInformation;
import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * Logistics' work: one document per approved paper application not shipped yet, removed when its
 * package is reported shipped. The collection holds only what waits, so listing it whole is cheap
 * on any store (the embedded one scans every filter but {@code _id}).
 *
 * @param version the application's last event's sequence number
 * @param printedName the name printed on the certificate, which may differ from the recipient's
 * @param approvedAt of the application, or of its replacement
 * @param replacement a new certificate for one lost or damaged
 */
@Document(ShipmentQueue.COLLECTION)
public record ShipmentQueue(
        @Id String applicationId,
        long version,
        String accountId,
        String certificateNumber,
        String certificationName,
        String printedName,
        MailingInformation mailing,
        Instant requestedAt,
        Instant approvedAt,
        boolean replacement) {

    public static final String COLLECTION = "shipment_queue";
}
