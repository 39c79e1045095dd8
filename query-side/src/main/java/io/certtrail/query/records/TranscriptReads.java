package io.certtrail.query.records;

import io.certtrail.platform.i18n.Messages;
import io.certtrail.platform.readmodels.AddressRecords;
import io.certtrail.platform.readmodels.AddressRecords.CertificationEntry;
import io.certtrail.query.certificate.CertificatePdf;
import io.certtrail.query.certificate.CertificatePdf.TranscriptLine;
import io.certtrail.query.certificate.CertificateStatus;
import io.certtrail.query.certificate.PdfSignature;
import io.certtrail.query.certificate.Revocations;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The holder's transcript (issue 21): every record on their account now, as a PDF in any script.
 * Certificates with their status today (a renewal's date, a revocation), exams with their result,
 * training with its completion; nothing of anyone else's.
 */
@Component
public class TranscriptReads {

    private final HolderRecords records;
    private final Revocations revocations;
    private final CertificatePdf pdf;
    private final PdfSignature signature;
    private final Clock clock;

    TranscriptReads(
            HolderRecords records, Revocations revocations, CertificatePdf pdf, PdfSignature signature, Clock clock) {
        this.records = records;
        this.revocations = revocations;
        this.pdf = pdf;
        this.signature = signature;
        this.clock = clock;
    }

    public byte[] pdf(String accountId, String holderName) {
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        java.util.Locale locale = org.springframework.context.i18n.LocaleContextHolder.getLocale();
        HolderRecords.Visible visible = records.of(accountId, Optional.empty());
        Map<String, Instant> revoked = revocations.of(visible.certifications().stream()
                .map(c -> c.certification().certificateNumber())
                .toList());
        Map<String, List<TranscriptLine>> sections = new LinkedHashMap<>();
        sections.put(
                Messages.render("pdf.transcript.certificates", locale),
                visible.certifications().stream()
                        .sorted(Comparator.comparing(
                                (CertificationEntry c) -> c.certification().effectiveDate(),
                                Comparator.nullsLast(Comparator.reverseOrder())))
                        .map(c -> new TranscriptLine(
                                c.certification().certificationName(),
                                c.certification().certificateNumber(),
                                Messages.render(
                                        "page.share.period",
                                        locale,
                                        c.certification().effectiveDate(),
                                        c.certification().expirationDate()),
                                CertificateStatus.of(
                                                c.certification().expirationDate(),
                                                revoked.get(c.certification().certificateNumber()),
                                                today)
                                        .name()
                                        .transform(status -> Messages.render("pdf.status." + status, locale))))
                        .toList());
        sections.put(
                Messages.render("pdf.transcript.exams", locale),
                visible.exams().stream()
                        .sorted(Comparator.comparing(
                                (AddressRecords.ExamEntry e) -> e.exam().examDate(),
                                Comparator.nullsLast(Comparator.reverseOrder())))
                        .map(e -> new TranscriptLine(
                                e.exam().examName(),
                                e.exam().examCode(),
                                String.valueOf(e.exam().examDate()),
                                Messages.render(e.exam().passed() ? "pdf.passed" : "pdf.not-passed", locale)))
                        .toList());
        sections.put(
                Messages.render("pdf.transcript.training", locale),
                visible.trainings().stream()
                        .sorted(Comparator.comparing(
                                (AddressRecords.TrainingEntry t) -> t.training().endDate(),
                                Comparator.nullsLast(Comparator.reverseOrder())))
                        .map(t -> new TranscriptLine(
                                t.training().courseName(),
                                t.training().courseCode(),
                                String.valueOf(t.training().endDate()),
                                t.training().result() == null
                                        ? ""
                                        : t.training().result()))
                        .toList());
        byte[] document = pdf.renderTranscript(
                holderName == null || holderName.isBlank()
                        ? Messages.render("pdf.transcript.holder", locale)
                        : holderName,
                today,
                sections,
                locale);
        return signature.sign(document, "Transcript as of " + today);
    }
}
