package io.certtrail.command.challenges;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.certtrail.platform.error.DomainException;
import io.certtrail.platform.error.ErrorCode;
import io.certtrail.platform.i18n.Text;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * An external captcha service: the client renders its widget with {@code siteKey}, and sends the
 * widget's token as the answer; we confirm it with the service's siteverify endpoint (the form
 * protocol Turnstile, hCaptcha and reCAPTCHA share).
 */
final class ExternalChallenges implements HumanChallenges {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final ChallengeProperties.External settings;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();

    ExternalChallenges(ChallengeProperties.External settings) {
        if (settings == null || settings.verifyUrl() == null || settings.secret() == null) {
            throw new IllegalStateException("certtrail.verification.external.verify-url and .secret are required");
        }
        this.settings = settings;
    }

    @Override
    public Challenge newChallenge() {
        return new Challenge("external", null, null, null, null, settings.siteKey());
    }

    @Override
    public void verify(Verification verification, String clientAddress) {
        if (verification == null
                || verification.answer() == null
                || verification.answer().isBlank()
                || verification.answer().length() > 4096) {
            throw new DomainException(ErrorCode.VERIFICATION_FAILED, Text.of("problem.built-in-challenges.1"));
        }
        String form = "secret=" + encode(settings.secret()) + "&response=" + encode(verification.answer())
                + "&remoteip=" + encode(clientAddress);
        JsonNode answer;
        try {
            HttpResponse<String> response = http.send(
                    HttpRequest.newBuilder(URI.create(settings.verifyUrl()))
                            .timeout(Duration.ofSeconds(5))
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .POST(HttpRequest.BodyPublishers.ofString(form))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            answer = JSON.readTree(response.body());
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            throw new DomainException(ErrorCode.VERIFICATION_UNAVAILABLE, Text.of("problem.external-challenges.1"));
        }
        if (answer == null || !answer.path("success").asBoolean(false)) {
            throw new DomainException(ErrorCode.VERIFICATION_FAILED, Text.of("problem.external-challenges.2"));
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value == null ? "" : value, StandardCharsets.UTF_8);
    }
}
