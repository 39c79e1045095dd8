package io.certtrail.command.challenges;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param provider {@code built-in} (the embedded default) or {@code external}
 * @param secret signs built-in challenges; instances behind one balancer must share it (random if unset)
 * @param ttl how long a built-in challenge may be answered
 * @param external an external captcha service with a siteverify endpoint (Turnstile, hCaptcha, reCAPTCHA)
 */
@ConfigurationProperties("certtrail.verification")
public record ChallengeProperties(String provider, String secret, Duration ttl, External external) {

    public ChallengeProperties {
        provider = provider == null ? "built-in" : provider;
        ttl = ttl == null ? Duration.ofMinutes(10) : ttl;
    }

    /** @param verifyUrl the siteverify URL; @param secret the server-side secret; @param siteKey for the widget */
    public record External(String verifyUrl, String secret, String siteKey) {}
}
