package io.certtrail.command.challenges;

import java.time.Instant;

/**
 * The challenge against robots (the guides call it a verification code) that comes with every
 * association and disassociation request: a check that a person, not a script, is asking. Not to
 * be confused with an e-mail link's token ({@code LinkTokens}) or the public verification of a
 * certificate. Pluggable: a built-in challenge for the embedded
 * default, or an external captcha service in production.
 */
public interface HumanChallenges {

    /** What the client shows the person. Fields a provider does not use are null. */
    record Challenge(
            String provider, String challengeId, String question, String imageSvg, Instant expiresAt, String siteKey) {}

    /** What the client sends back: the challenge (built-in) and the person's answer or the widget's token. */
    record Verification(String challengeId, String answer) {}

    Challenge newChallenge();

    /** @throws io.certtrail.platform.error.DomainException VERIFICATION_FAILED or VERIFICATION_UNAVAILABLE */
    void verify(Verification verification, String clientAddress);
}
