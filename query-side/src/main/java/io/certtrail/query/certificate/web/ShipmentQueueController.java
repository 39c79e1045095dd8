package io.certtrail.query.certificate.web;

import io.certtrail.query.certificate.ShipmentQueueReads;
import io.certtrail.query.certificate.ShipmentQueueReads.Package;
import io.certtrail.query.support.SpreadsheetText;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
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

    private final ShipmentQueueReads reads;
    private final Clock clock;

    ShipmentQueueController(ShipmentQueueReads reads, Clock clock) {
        this.reads = reads;
        this.clock = clock;
    }

    record Queue(LocalDate today, int count, List<Package> packages) {}

    @GetMapping("/shipment-queue")
    Queue queue() {
        LocalDate today = today();
        List<Package> packages = reads.packages(today);
        return new Queue(today, packages.size(), packages);
    }

    /** The same queue as CSV (RFC 4180, UTF-8), for a courier's import. */
    @GetMapping("/shipment-queue.csv")
    ResponseEntity<byte[]> csv() {
        StringWriter text = new StringWriter();
        try (CSVPrinter csv = new CSVPrinter(
                text,
                CSVFormat.RFC4180
                        .builder()
                        .setHeader(
                                "applicationId",
                                "certificateNumber",
                                "certificationName",
                                "printedName",
                                "recipient",
                                "phone",
                                "address",
                                "approvedAt",
                                "shipBy",
                                "workingDaysLeft",
                                "replacement")
                        .get())) {
            for (Package p : reads.packages(today())) {
                csv.printRecord(
                        p.applicationId(),
                        p.certificateNumber(),
                        text(p.certificationName()),
                        text(p.printedName()),
                        text(p.recipient()),
                        p.phone(),
                        text(p.address()),
                        p.approvedAt(),
                        p.shipBy(),
                        p.workingDaysLeft(),
                        p.replacement());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .cacheControl(CacheControl.noStore())
                .header("Content-Disposition", "attachment; filename=\"shipment-queue.csv\"")
                .body(text.toString().getBytes(StandardCharsets.UTF_8));
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
