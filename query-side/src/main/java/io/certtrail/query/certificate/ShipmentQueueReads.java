package io.certtrail.query.certificate;

import io.certtrail.platform.time.WorkingDays;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * Logistics' queue as read: approved paper applications whose package has not been reported
 * shipped, oldest approval first, with the working days left of the guides' promise (mailed within
 * five to seven working days of approval).
 */
@Component
public class ShipmentQueueReads {

    /** The guides: a paper package is mailed in five to seven working days. */
    public static final int PROMISED_WORKING_DAYS = 7;

    private final MongoTemplate mongo;
    private final CurrentCertificates certificates;

    ShipmentQueueReads(MongoTemplate mongo, CurrentCertificates certificates) {
        this.mongo = mongo;
        this.certificates = certificates;
    }

    /**
     * @param shipBy the last day of the promise: the seventh working day after approval
     * @param workingDaysLeft working days until {@code shipBy}; 0 on that day, negative once late
     * @param address the postal address, lines separated by line breaks
     * @param replacement a new certificate for one lost or damaged (counted from the replacement's approval)
     */
    public record Package(
            String applicationId,
            String certificateNumber,
            String certificationName,
            String printedName,
            String recipient,
            String phone,
            String address,
            Instant requestedAt,
            Instant approvedAt,
            LocalDate shipBy,
            int workingDaysLeft,
            boolean late,
            boolean replacement) {}

    /**
     * What waits, with its certificate as the register states it now (a corrected number is printed,
     * not the one applied for), but never a revoked certificate (its shipment is refused too).
     */
    public List<Package> packages(LocalDate today) {
        List<ShipmentQueue> waiting = mongo.findAll(ShipmentQueue.class);
        Map<String, CertificateRegister> now = certificates.of(
                waiting.stream().map(ShipmentQueue::certificateNumber).toList());
        return waiting.stream()
                .filter(entry -> now.get(entry.certificateNumber()) == null
                        || now.get(entry.certificateNumber()).revokedAt() == null)
                .sorted(Comparator.comparing(ShipmentQueue::approvedAt).thenComparing(ShipmentQueue::applicationId))
                .map(entry -> {
                    LocalDate shipBy = WorkingDays.plus(
                            LocalDate.ofInstant(entry.approvedAt(), ZoneOffset.UTC), PROMISED_WORKING_DAYS);
                    int left = WorkingDays.between(today, shipBy);
                    CertificateRegister current = now.get(entry.certificateNumber());
                    return new Package(
                            entry.applicationId(),
                            current == null ? entry.certificateNumber() : current.certificateNumber(),
                            current == null || current.certificationName() == null
                                    ? entry.certificationName()
                                    : current.certificationName(),
                            entry.printedName(),
                            entry.mailing().recipient(),
                            entry.mailing().phone(),
                            entry.mailing().address(),
                            entry.requestedAt(),
                            entry.approvedAt(),
                            shipBy,
                            left,
                            left < 0,
                            entry.replacement());
                })
                .toList();
    }
}
