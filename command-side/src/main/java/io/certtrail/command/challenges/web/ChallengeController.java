package io.certtrail.command.challenges.web;

import io.certtrail.command.challenges.HumanChallenges;
import io.certtrail.command.challenges.HumanChallenges.Challenge;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** A fresh verification challenge for the signed-in holder's next association or disassociation request. */
@RestController
@RequestMapping("/api/me")
class ChallengeController {

    private final HumanChallenges codes;

    ChallengeController(HumanChallenges codes) {
        this.codes = codes;
    }

    @PostMapping("/verification-challenges")
    ResponseEntity<Challenge> newChallenge() {
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(codes.newChallenge());
    }
}
