package io.certtrail.command.support;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.UUID;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(CommandSideConfiguration.LinkProperties.class)
public class CommandSideConfiguration {

    /**
     * @param activationTtl how long an activation link stays valid
     * @param disassociationTtl how long a disassociation link stays valid
     * @param mailFrom the sender of link e-mails
     */
    @ConfigurationProperties("certtrail.links")
    /** @param portalUrl where a holder goes on from a link's page: the portal's page of their addresses */
    public record LinkProperties(
            Duration activationTtl, Duration disassociationTtl, String mailFrom, java.net.URI portalUrl) {
        public LinkProperties {
            portalUrl = portalUrl == null ? java.net.URI.create("http://localhost:3000/") : portalUrl;
            activationTtl = activationTtl == null ? Duration.ofHours(24) : activationTtl;
            disassociationTtl = disassociationTtl == null ? Duration.ofHours(24) : disassociationTtl;
            mailFrom = mailFrom == null ? "no-reply@certtrail.local" : mailFrom;
        }
    }

    /**
     * The schedules' one-instance-at-a-time lock (ShedLock), in MongoDB's {@code scheduler_locks}:
     * the approvals, the expiry sweep and the erasures take it under their own names.
     */
    @Bean
    net.javacrumbs.shedlock.core.LockingTaskExecutor scheduleLocks(
            org.springframework.data.mongodb.core.MongoTemplate mongo) {
        return new net.javacrumbs.shedlock.core.DefaultLockingTaskExecutor(
                new net.javacrumbs.shedlock.provider.mongo.MongoLockProvider(mongo.getCollection("scheduler_locks")));
    }

    @Bean
    @ConditionalOnMissingBean
    IdGenerator idGenerator() {
        return () -> UUID.randomUUID().toString();
    }

    @Bean
    @ConditionalOnMissingBean
    TokenGenerator tokenGenerator() {
        SecureRandom random = new SecureRandom();
        return () -> {
            byte[] bytes = new byte[32]; // 256 bits
            random.nextBytes(bytes);
            return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        };
    }
}
