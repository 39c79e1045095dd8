package io.certtrail.query.certificate.web;

import io.certtrail.platform.time.WorkingDays;
import io.certtrail.query.certificate.CertificateRegister;
import io.certtrail.query.certificate.CurrentCertificates;
import io.certtrail.query.certificate.ShipmentQueue;
import io.certtrail.query.support.SpreadsheetText;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Logistics' queue (operators, or the logistics client with {@code shipments.read}): approved
 * paper applications whose package has not been reported shipped, oldest approval first, with the
 * mailing information and the working days left of the guides' promise (mailed within five to seven
 * working days of approval). Reporting the shipment
 * ({@code POST /api/operator/certificate-applications/{id}/shipment}) takes a package off it.
 */
@RestController
@RequestMapping("/api/operator")
class ShipmentQueueController {

    /** The guides: a paper package is mailed in five to seven working days. */
    static final int PROMISED_WORKING_DAYS = 7;

    private final MongoTemplate mongo;
    private final CurrentCertificates certificates;
    private final Clock clock;

    ShipmentQueueController(MongoTemplate mongo, CurrentCertificates certificates, Clock clock) {
        this.mongo = mongo;
        this.certificates = certificates;
        this.clock = clock;
    }

    /**
     * @param shipBy the last day of the promise: the seventh working day after approval
     * @param workingDaysLeft working days until {@code shipBy}; 0 on that day, negative once late
     * @param address the postal address, lines separated by line breaks
     * @param replacement a new certificate for one lost or damaged (counted from the replacement's approval)
     */
    record Package(String applicationId, String certificateNumber, String certificationName, String printedName,
            String recipient, String phone, String address, Instant requestedAt, Instant approvedAt,
            LocalDate shipBy, int workingDaysLeft, boolean late, boolean replacement) {
    }

    record Queue(LocalDate today, int count, List<Package> packages) {
    }

    @GetMapping("/shipment-queue")
    Queue queue() {
        LocalDate today = today();
        List<Package> packages = packages(today);
        return new Queue(today, packages.size(), packages);
    }

    /** The same queue as CSV (RFC 4180, UTF-8), for a courier's import. */
    @GetMapping("/shipment-queue.csv")
    ResponseEntity<byte[]> csv() {
        StringWriter text = new StringWriter();
        try (CSVPrinter csv = new CSVPrinter(text, CSVFormat.RFC4180.builder().setHeader("applicationId",
                "certificateNumber", "certificationName", "printedName", "recipient", "phone", "address",
                "approvedAt", "shipBy", "workingDaysLeft", "replacement").get())) {
            for (Package p : packages(today())) {
                csv.printRecord(p.applicationId(), p.certificateNumber(), text(p.certificationName()),
                        text(p.printedName()), text(p.recipient()), p.phone(), text(p.address()), p.approvedAt(),
                        p.shipBy(), p.workingDaysLeft(), p.replacement());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return ResponseEntity.ok().contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .cacheControl(CacheControl.noStore())
                .header("Content-Disposition", "attachment; filename=\"shipment-queue.csv\"")
                .body(text.toString().getBytes(StandardCharsets.UTF_8));
    }

    /**
     * What waits, with its certificate as the register states it now (a corrected number is printed,
     * not the one applied for), but never a revoked certificate (its shipment is refused too).
     */
    private List<Package> packages(LocalDate today) {
        List<ShipmentQueue> waiting = mongo.findAll(ShipmentQueue.class);
        Map<String, CertificateRegister> now = certificates.of(waiting.stream()
                .map(ShipmentQueue::certificateNumber).toList());
        return waiting.stream()
                .filter(entry -> now.get(entry.certificateNumber()) == null
                        || now.get(entry.certificateNumber()).revokedAt() == null)
                .sorted(Comparator.comparing(ShipmentQueue::approvedAt).thenComparing(ShipmentQueue::applicationId))
                .map(entry -> {
                    LocalDate shipBy = WorkingDays.plus(LocalDate.ofInstant(entry.approvedAt(), ZoneOffset.UTC),
                            PROMISED_WORKING_DAYS);
                    int left = WorkingDays.between(today, shipBy);
                    CertificateRegister current = now.get(entry.certificateNumber());
                    return new Package(entry.applicationId(),
                            current == null ? entry.certificateNumber() : current.certificateNumber(),
                            current == null || current.certificationName() == null ? entry.certificationName()
                                    : current.certificationName(),
                            entry.printedName(), entry.mailing().recipient(), entry.mailing().phone(),
                            entry.mailing().address(), entry.requestedAt(), entry.approvedAt(), shipBy, left,
                            left < 0, entry.replacement());
                }).toList();
    }

    /**
     * Free text a holder typed: a cell a spreadsheet would run as a formula starts with a quote. The
     * phone number is validated at input (digits, spaces, +, -, parentheses) and goes as it is.
     */
    private static String text(String value) {
        return SpreadsheetText.safe(value);
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    }
}
