package io.certtrail.query.records.web;

import io.certtrail.platform.identity.Caller;
import io.certtrail.query.records.MyRecordReads;
import io.certtrail.query.records.MyRecordReads.CertificateView;
import io.certtrail.query.records.MyRecordReads.ExamView;
import io.certtrail.query.records.MyRecordReads.TrainingView;
import io.certtrail.query.records.TranscriptReads;
import io.certtrail.query.support.PageRequest;
import io.certtrail.query.support.PageRequest.Page;
import jakarta.validation.constraints.Min;
import java.util.Optional;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** My Training, My Exams, My Certificates: the signed-in holder's own records, paged and sorted. */
@RestController
@RequestMapping("/api/me")
class MyRecordsController {

    private final MyRecordReads reads;
    private final TranscriptReads transcripts;

    MyRecordsController(MyRecordReads reads, TranscriptReads transcripts) {
        this.reads = reads;
        this.transcripts = transcripts;
    }

    /** The whole record as a PDF: certificates, exams and training, under the name the sign-in states. */
    @GetMapping(value = "/transcript.pdf", produces = MediaType.APPLICATION_PDF_VALUE)
    ResponseEntity<byte[]> transcript(Caller caller) {
        String name = java.util.stream.Stream.of(caller.firstName(), caller.lastName())
                .filter(java.util.Objects::nonNull)
                .collect(java.util.stream.Collectors.joining(" "));
        return ResponseEntity.ok()
                .cacheControl(CacheControl.noStore())
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"transcript.pdf\"")
                .body(transcripts.pdf(caller.accountId(), name));
    }

    @GetMapping("/training")
    Page<TrainingView> myTraining(
            Caller caller,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "20") int size,
            @RequestParam Optional<@Min(0) Long> minVersion,
            @RequestParam(defaultValue = "endDate,desc") String sort) {
        return reads.training(caller.accountId(), new PageRequest(page, size, sort), minVersion);
    }

    @GetMapping("/exams")
    Page<ExamView> myExams(
            Caller caller,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "20") int size,
            @RequestParam Optional<@Min(0) Long> minVersion,
            @RequestParam(defaultValue = "examDate,desc") String sort) {
        return reads.exams(caller.accountId(), new PageRequest(page, size, sort), minVersion);
    }

    @GetMapping("/certificates")
    Page<CertificateView> myCertificates(
            Caller caller,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "20") int size,
            @RequestParam Optional<@Min(0) Long> minVersion,
            @RequestParam(defaultValue = "effectiveDate,desc") String sort) {
        return reads.certificates(caller.accountId(), new PageRequest(page, size, sort), minVersion);
    }
}
