package io.certtrail.platform.abuse;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.EstimationProbe;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * Token buckets per policy and key, held in this instance's memory (bounded, idle keys expire).
 * With several instances behind a balancer each keeps its own count, so the effective limit is at
 * most the limit times the number of instances; a shared store can replace the map without
 * touching the callers.
 */
@Component
@EnableConfigurationProperties(RateLimits.Properties.class)
public class RateLimits {

    /** What is being limited, and by which key. */
    public enum Policy {
        /** Mails to one address (keyed by its address key): nobody can mail-bomb an address through us. */
        MAIL_PER_ADDRESS,
        /** Mail-sending requests by one account. */
        MAIL_PER_ACCOUNT,
        /** Mail-sending requests from one client address. */
        MAIL_PER_CLIENT,
        /** E-mail link openings and uses from one client address: guessing tokens gets nowhere. */
        LINK_ATTEMPTS_PER_CLIENT,
        /** Public certificate look-ups from one client address. */
        VERIFICATIONS_PER_CLIENT,
        /**
         * Look-ups of numbers that do not exist, from one client address. Someone scanning for
         * certificate numbers mostly misses; once this is spent, the client gets no answers at all.
         */
        VERIFICATION_MISSES_PER_CLIENT
    }

    /** @param capacity how many in one period; the bucket refills gradually over the period */
    public record Limit(int capacity, Duration period) {}

    @ConfigurationProperties("certtrail.rate-limits")
    public record Properties(
            Limit mailPerAddress,
            Limit mailPerAccount,
            Limit mailPerClient,
            Limit linkAttemptsPerClient,
            Limit verificationsPerClient,
            Limit verificationMissesPerClient) {
        public Properties {
            mailPerAddress = mailPerAddress == null ? new Limit(3, Duration.ofHours(1)) : mailPerAddress;
            mailPerAccount = mailPerAccount == null ? new Limit(10, Duration.ofHours(1)) : mailPerAccount;
            mailPerClient = mailPerClient == null ? new Limit(30, Duration.ofHours(1)) : mailPerClient;
            linkAttemptsPerClient =
                    linkAttemptsPerClient == null ? new Limit(20, Duration.ofMinutes(1)) : linkAttemptsPerClient;
            verificationsPerClient =
                    verificationsPerClient == null ? new Limit(60, Duration.ofMinutes(1)) : verificationsPerClient;
            verificationMissesPerClient = verificationMissesPerClient == null
                    ? new Limit(20, Duration.ofHours(1))
                    : verificationMissesPerClient;
        }
    }

    private final Map<Policy, Limit> limits = new EnumMap<>(Policy.class);
    private final Map<Policy, Cache<String, Bucket>> buckets = new EnumMap<>(Policy.class);

    RateLimits(Properties properties) {
        limits.put(Policy.MAIL_PER_ADDRESS, properties.mailPerAddress());
        limits.put(Policy.MAIL_PER_ACCOUNT, properties.mailPerAccount());
        limits.put(Policy.MAIL_PER_CLIENT, properties.mailPerClient());
        limits.put(Policy.LINK_ATTEMPTS_PER_CLIENT, properties.linkAttemptsPerClient());
        limits.put(Policy.VERIFICATIONS_PER_CLIENT, properties.verificationsPerClient());
        limits.put(Policy.VERIFICATION_MISSES_PER_CLIENT, properties.verificationMissesPerClient());
        limits.forEach((policy, limit) -> buckets.put(
                policy,
                Caffeine.newBuilder()
                        .expireAfterAccess(limit.period())
                        .maximumSize(500_000)
                        .build()));
    }

    /** Takes one from the key's bucket, or refuses with the time until one is back. */
    public void consume(Policy policy, String key) {
        ConsumptionProbe probe = bucket(policy, key).tryConsumeAndReturnRemaining(1);
        if (!probe.isConsumed()) {
            throw refused(probe.getNanosToWaitForRefill());
        }
    }

    /** Refuses, without taking anything, when the key's bucket is empty. */
    public void requireAvailable(Policy policy, String key) {
        EstimationProbe estimate = bucket(policy, key).estimateAbilityToConsume(1);
        if (!estimate.canBeConsumed()) {
            throw refused(estimate.getNanosToWaitForRefill());
        }
    }

    private Bucket bucket(Policy policy, String key) {
        Limit limit = limits.get(policy);
        return buckets.get(policy)
                .get(
                        key,
                        k -> Bucket.builder()
                                .addLimit(Bandwidth.builder()
                                        .capacity(limit.capacity())
                                        .refillGreedy(limit.capacity(), limit.period())
                                        .build())
                                .build());
    }

    private static RateLimitedException refused(long nanosToWait) {
        return new RateLimitedException(
                Math.max(1, Duration.ofNanos(nanosToWait).toSeconds() + 1));
    }
}
