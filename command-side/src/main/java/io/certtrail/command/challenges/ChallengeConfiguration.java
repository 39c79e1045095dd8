package io.certtrail.command.challenges;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ChallengeProperties.class)
class ChallengeConfiguration {

    @Bean
    HumanChallenges verificationCodes(ChallengeProperties properties, Clock clock) {
        return switch (properties.provider()) {
            case "built-in" -> new BuiltInChallenges(secret(properties), properties.ttl(), clock);
            case "external" -> new ExternalChallenges(properties.external());
            default ->
                throw new IllegalStateException(
                        "certtrail.verification.provider must be built-in or external, not " + properties.provider());
        };
    }

    private static byte[] secret(ChallengeProperties properties) {
        if (properties.secret() != null && !properties.secret().isBlank()) {
            return properties.secret().getBytes(StandardCharsets.UTF_8);
        }
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        return random;
    }
}
