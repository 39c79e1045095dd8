package io.certtrail.platform.privacy.encryption;

import io.certtrail.platform.axon.AxonInfrastructureConfiguration;
import io.certtrail.platform.privacy.AddressKeys;
import java.time.Clock;
import java.util.Locale;
import org.axonframework.serialization.AnnotationRevisionResolver;
import org.axonframework.serialization.RevisionResolver;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * Personal data sealed per person in every event stored from now on (issue 22's crypto-shredding):
 * on unless {@code certtrail.personal-data.encryption=off}. The keys live in MongoDB
 * ({@code person_keys}), outside the event store, on every engine.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "certtrail.personal-data.encryption", havingValue = "on", matchIfMissing = true)
public class PersonalDataEncryptionConfiguration {

    @Bean
    PersonKeys personKeys(MongoTemplate mongo, Clock clock) {
        return new MongoPersonKeys(mongo, clock);
    }

    /** Axon's Jackson serializer as its auto-configuration builds it, sealing what it writes. */
    @Bean
    @Qualifier("eventSerializer")
    Serializer eventSerializer(PersonKeys keys, AddressKeys addressKeys, ObjectProvider<RevisionResolver> revisions) {
        JacksonSerializer jackson = JacksonSerializer.builder()
                .objectMapper(AxonInfrastructureConfiguration.storedFormat())
                .revisionResolver(revisions.getIfAvailable(AnnotationRevisionResolver::new))
                .build();
        return new PersonalDataSerializer(
                jackson,
                AxonInfrastructureConfiguration.storedFormat(),
                keys,
                email -> addressKeys.of(email.strip().toLowerCase(Locale.ROOT)));
    }
}
