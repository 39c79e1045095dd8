package io.certtrail.command.challenges;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.certtrail.platform.error.DomainException;
import io.certtrail.platform.error.ErrorCode;
import io.certtrail.platform.i18n.Text;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A small arithmetic question, also drawn as an image. Stateless: the challenge id carries its
 * expiry and a MAC over the expected answer, so any instance sharing the secret can check it;
 * used challenges are remembered until they expire, so each answers once. It keeps casual scripts
 * out of the embedded default; production should use an external captcha service.
 */
final class BuiltInChallenges implements HumanChallenges {

    private static final String[] WORDS = {
        "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"
    };

    private final SecretKeySpec key;
    private final Duration ttl;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private final Cache<String, Boolean> used;

    BuiltInChallenges(byte[] secret, Duration ttl, Clock clock) {
        this.key = new SecretKeySpec(secret, "HmacSHA256");
        this.ttl = ttl;
        this.clock = clock;
        this.used = Caffeine.newBuilder()
                .expireAfterWrite(ttl)
                .maximumSize(1_000_000)
                .build();
    }

    @Override
    public Challenge newChallenge() {
        int a = 1 + random.nextInt(9);
        int b = 1 + random.nextInt(9);
        Instant expiresAt = clock.instant().plus(ttl);
        byte[] nonceBytes = new byte[12];
        random.nextBytes(nonceBytes);
        String nonce = Base64.getUrlEncoder().withoutPadding().encodeToString(nonceBytes);
        String head = expiresAt.getEpochSecond() + "." + nonce;
        String question = "What is " + WORDS[a] + " plus " + WORDS[b] + "?";
        return new Challenge(
                "built-in", head + "." + mac(head, Integer.toString(a + b)), question, svg(question), expiresAt, null);
    }

    @Override
    public void verify(Verification verification, String clientAddress) {
        if (verification == null || verification.challengeId() == null || verification.answer() == null) {
            throw new DomainException(ErrorCode.VERIFICATION_FAILED, Text.of("problem.built-in-challenges.1"));
        }
        String[] parts = verification.challengeId().split("\\.");
        if (parts.length != 3 || parts[0].length() > 12 || !parts[0].chars().allMatch(Character::isDigit)) {
            throw new DomainException(ErrorCode.VERIFICATION_FAILED, Text.of("problem.verification-failed"));
        }
        String head = parts[0] + "." + parts[1];
        String expected = mac(head, verification.answer().strip());
        boolean matches = MessageDigest.isEqual(
                expected.getBytes(StandardCharsets.US_ASCII), parts[2].getBytes(StandardCharsets.US_ASCII));
        boolean current = clock.instant().isBefore(Instant.ofEpochSecond(Long.parseLong(parts[0])));
        if (!matches || !current || used.asMap().putIfAbsent(head, Boolean.TRUE) != null) {
            throw new DomainException(ErrorCode.VERIFICATION_FAILED, Text.of("problem.verification-failed"));
        }
    }

    private String mac(String head, String answer) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return Base64.getUrlEncoder()
                    .withoutPadding()
                    .encodeToString(mac.doFinal((head + "|" + answer).getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private String svg(String question) {
        StringBuilder svg = new StringBuilder("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"")
                .append(question.length() * 11 + 20)
                .append("\" height=\"40\">");
        for (int i = 0; i < 6; i++) {
            svg.append("<line x1=\"")
                    .append(random.nextInt(300))
                    .append("\" y1=\"")
                    .append(random.nextInt(40))
                    .append("\" x2=\"")
                    .append(random.nextInt(300))
                    .append("\" y2=\"")
                    .append(random.nextInt(40))
                    .append("\" stroke=\"#999\"/>");
        }
        for (int i = 0; i < question.length(); i++) {
            int x = 10 + i * 11;
            svg.append("<text x=\"")
                    .append(x)
                    .append("\" y=\"")
                    .append(24 + random.nextInt(8) - 4)
                    .append("\" transform=\"rotate(")
                    .append(random.nextInt(30) - 15)
                    .append(' ')
                    .append(x)
                    .append(" 24)\" font-family=\"monospace\" font-size=\"16\">")
                    .append(question.charAt(i) == '?' ? "?" : String.valueOf(question.charAt(i)))
                    .append("</text>");
        }
        return svg.append("</svg>").toString();
    }
}
