package io.certtrail.query.certificate.web;

import io.certtrail.query.certificate.ApplicationReview;
import io.certtrail.query.certificate.ApprovalQueueReads;
import io.certtrail.query.certificate.ApprovalQueueReads.WaitingList;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The certification office's lists: what waits for approval and why, and what to review. */
@RestController
class ApprovalQueueController {

    private final ApprovalQueueReads reads;

    ApprovalQueueController(ApprovalQueueReads reads) {
        this.reads = reads;
    }

    /**
     * Applications whose certificate's address has left the account that applied: the office looks
     * at each and voids those that are not the applicant's (the certificate's holder may then apply).
     */
    @GetMapping("/api/operator/certificate-applications/to-review")
    List<ApplicationReview> toReview() {
        return reads.toReview();
    }

    @GetMapping("/api/operator/certificate-applications/waiting")
    WaitingList waiting() {
        return reads.waiting();
    }
}
