package io.certtrail.query.certificate.web;

import io.certtrail.platform.identity.Caller;
import io.certtrail.query.certificate.MyCertificateApplications;
import io.certtrail.query.certificate.MyCertificateApplications.ApplicationView;
import io.certtrail.query.certificate.MyCertificateApplications.Download;
import io.certtrail.query.certificate.MyCertificateApplications.Eligible;
import jakarta.validation.constraints.Min;
import java.util.List;
import java.util.Optional;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The signed-in holder's certificate applications: what they may still apply for, how each
 * application stands, and the e-certificate download; always of the caller's own account.
 */
@RestController
@RequestMapping("/api/me/certificate-applications")
class MyCertificateApplicationsController {

    private final MyCertificateApplications applications;

    MyCertificateApplicationsController(MyCertificateApplications applications) {
        this.applications = applications;
    }

    @GetMapping("/eligible")
    List<Eligible> eligible(Caller caller) {
        return applications.eligible(caller.accountId());
    }

    @GetMapping
    List<ApplicationView> list(Caller caller) {
        return applications.list(caller.accountId());
    }

    /** @param minVersion the application version a command answered with: read your own write */
    @GetMapping("/{applicationId}")
    ApplicationView one(
            @PathVariable String applicationId, @RequestParam Optional<@Min(0) Long> minVersion, Caller caller) {
        return applications.one(applicationId, minVersion, caller.accountId());
    }

    /** The e-certificate (rule 8). */
    // no "produces": a refusal must still be able to answer with a problem document
    @GetMapping("/{applicationId}/certificate.pdf")
    ResponseEntity<byte[]> download(@PathVariable String applicationId, Caller caller) {
        Download download = applications.download(applicationId, caller.accountId(), caller.thirdParty());
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .cacheControl(CacheControl.noStore())
                .header(
                        "Content-Disposition",
                        ContentDisposition.attachment()
                                .filename(download.filename())
                                .build()
                                .toString())
                .body(download.pdf());
    }
}
