package io.certtrail.platform;

import io.certtrail.platform.certificates.CertificateFormats;
import io.certtrail.platform.privacy.AddressKeys;
import java.time.Clock;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(CertificateFormats.class)
public class PlatformConfiguration {

    /** The only source of "now"; tests replace it. */
    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }

    /** The message bundles (i18n/messages, English and Simplified Chinese): Spring's messageSource. */
    @Bean
    org.springframework.context.MessageSource messageSource() {
        return io.certtrail.platform.i18n.Messages.source();
    }

    /** Both sides name an address by the same keyed hash: commands to find its aggregate, auditors to search by it. */
    @Bean
    AddressKeys addressKeys(@Value("${certtrail.address-key-secret}") String secret) {
        return new AddressKeys(secret);
    }
}
