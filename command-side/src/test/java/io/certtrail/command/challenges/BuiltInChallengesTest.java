package io.certtrail.command.challenges;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.certtrail.command.challenges.HumanChallenges.Challenge;
import io.certtrail.command.challenges.HumanChallenges.Verification;
import io.certtrail.platform.error.DomainException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class BuiltInChallengesTest {

    private static final List<String> WORDS =
            List.of("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine");
    private final Instant t0 = Instant.parse("2026-03-02T08:00:00Z");
    private final BuiltInChallenges codes = codes(Clock.fixed(t0, ZoneOffset.UTC));

    private static BuiltInChallenges codes(Clock clock) {
        return new BuiltInChallenges("secret".getBytes(StandardCharsets.UTF_8), Duration.ofMinutes(10), clock);
    }

    static String solve(Challenge challenge) {
        String[] words = challenge.question().replace("?", "").split(" ");
        return Integer.toString(WORDS.indexOf(words[2]) + WORDS.indexOf(words[4]));
    }

    @Test
    void theRightAnswerIsAcceptedOnce() {
        Challenge challenge = codes.newChallenge();
        assertThat(challenge.imageSvg()).startsWith("<svg");
        Verification answer = new Verification(challenge.challengeId(), solve(challenge));
        assertThatCode(() -> codes.verify(answer, "127.0.0.1")).doesNotThrowAnyException();
        assertThatThrownBy(() -> codes.verify(answer, "127.0.0.1")).isInstanceOf(DomainException.class);
    }

    @Test
    void aWrongAnswerIsRefused() {
        Challenge challenge = codes.newChallenge();
        String wrong = Integer.toString(Integer.parseInt(solve(challenge)) + 1);
        assertThatThrownBy(() -> codes.verify(new Verification(challenge.challengeId(), wrong), "127.0.0.1"))
                .isInstanceOf(DomainException.class);
    }

    @Test
    void anExpiredChallengeIsRefused() {
        Challenge challenge = codes.newChallenge();
        BuiltInChallenges later = codes(Clock.fixed(t0.plus(Duration.ofMinutes(11)), ZoneOffset.UTC));
        assertThatThrownBy(() -> later.verify(new Verification(challenge.challengeId(), solve(challenge)), "x"))
                .isInstanceOf(DomainException.class);
    }

    @Test
    void aForgedOrMalformedChallengeIsRefused() {
        Challenge challenge = codes.newChallenge();
        String[] parts = challenge.challengeId().split("\\.");
        String longer = (Long.parseLong(parts[0]) + 86_400) + "." + parts[1] + "." + parts[2];
        for (String id : List.of(longer, "junk", "1.2", "a.b.c", "")) {
            assertThatThrownBy(() -> codes.verify(new Verification(id, solve(challenge)), "x"))
                    .isInstanceOf(DomainException.class);
        }
        assertThatThrownBy(() -> codes.verify(null, "x")).isInstanceOf(DomainException.class);
    }
}
