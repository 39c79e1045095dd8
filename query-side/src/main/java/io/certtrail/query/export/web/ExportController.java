package io.certtrail.query.export.web;

import io.certtrail.platform.identity.Caller;
import io.certtrail.query.export.PersonalDataExport;
import io.certtrail.query.export.PersonalDataExport.Export;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** Everything CertTrail holds about an account, as JSON (rule 31): the holder's own, or any for an auditor. */
@RestController
class ExportController {

    private final PersonalDataExport export;

    ExportController(PersonalDataExport export) {
        this.export = export;
    }

    @GetMapping("/api/me/export")
    ResponseEntity<Export> mine(Caller caller) {
        return download(export.of(caller.accountId(), false));
    }

    @GetMapping("/api/audit/accounts/{accountId}/export")
    ResponseEntity<Export> ofAccount(@PathVariable String accountId) {
        return download(export.of(accountId, true));
    }

    private static ResponseEntity<Export> download(Export body) {
        return ResponseEntity.ok()
                .cacheControl(CacheControl.noStore())
                .header(
                        "Content-Disposition",
                        ContentDisposition.attachment()
                                .filename("certtrail-export-" + body.accountId() + ".json")
                                .build()
                                .toString())
                .body(body);
    }
}
