package io.certtrail.query.credentials.web;

import io.certtrail.platform.identity.Caller;
import io.certtrail.query.credentials.OpenBadgeCredentials;
import io.certtrail.query.credentials.OpenBadgeCredentials.Credential;
import io.certtrail.query.credentials.StatusLists;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Open Badges 3.0 credentials (rule 28): the holder downloads one for an approved electronic
 * certificate; anyone reads the issuer's profile, its public keys and the status lists.
 */
@RestController
class CredentialsController {

    static final MediaType VC_JWT = MediaType.parseMediaType("application/vc+jwt");

    private final OpenBadgeCredentials credentials;
    private final StatusLists statusLists;

    CredentialsController(OpenBadgeCredentials credentials, StatusLists statusLists) {
        this.credentials = credentials;
        this.statusLists = statusLists;
    }

    /** @param subjectId the holder's own identifier (a DID or an https URL), instead of a hashed address */
    @GetMapping("/api/me/certificate-applications/{applicationId}/credential")
    ResponseEntity<String> credential(
            @PathVariable String applicationId, @RequestParam Optional<String> subjectId, Caller caller) {
        Credential credential = credentials.issue(applicationId, caller.accountId(), caller.thirdParty(), subjectId);
        return ResponseEntity.ok()
                .contentType(VC_JWT)
                .cacheControl(CacheControl.noStore())
                .header(
                        "Content-Disposition",
                        ContentDisposition.attachment()
                                .filename(credential.filename())
                                .build()
                                .toString())
                .body(credential.jwt());
    }

    @GetMapping(value = "/api/public/issuer", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Map<String, Object>> issuer() {
        return ResponseEntity.ok()
                .cacheControl(CacheControl.maxAge(Duration.ofHours(1)))
                .body(credentials.issuerProfile());
    }

    @GetMapping(
            value = "/api/public/issuer/keys",
            produces = {"application/jwk-set+json", MediaType.APPLICATION_JSON_VALUE})
    ResponseEntity<Map<String, Object>> keys() {
        return ResponseEntity.ok()
                .cacheControl(CacheControl.maxAge(Duration.ofHours(1)))
                .body(credentials.keys());
    }

    @GetMapping("/api/public/credential-status/{list}")
    ResponseEntity<String> statusList(@PathVariable String list) {
        return ResponseEntity.ok()
                .contentType(VC_JWT)
                .cacheControl(CacheControl.maxAge(Duration.ofMinutes(1)))
                .body(statusLists.signed(list));
    }
}
