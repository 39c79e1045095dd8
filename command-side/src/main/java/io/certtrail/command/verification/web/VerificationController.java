package io.certtrail.command.verification.web;

import io.certtrail.command.verification.VerificationCodes;
import io.certtrail.command.verification.VerificationCodes.Challenge;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** A fresh verification challenge for the signed-in holder's next association or disassociation request. */
@RestController
@RequestMapping("/api/me")
class VerificationController {

    private final VerificationCodes codes;

    VerificationController(VerificationCodes codes) {
        this.codes = codes;
    }

    @PostMapping("/verification-challenges")
    ResponseEntity<Challenge> newChallenge() {
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(codes.newChallenge());
    }
}
