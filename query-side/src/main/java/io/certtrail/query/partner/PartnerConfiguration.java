package io.certtrail.query.partner;

import io.certtrail.platform.axon.ProcessingGroups;
import io.certtrail.query.support.ProjectionSequences;
import org.axonframework.config.ConfigurerModule;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The partner view joins events of accounts, addresses, records and memberships into the same
 * documents: it handles them strictly in order, in one segment, however many segments are set.
 */
@Configuration(proxyBeanMethods = false)
class PartnerConfiguration {

    @Bean
    ConfigurerModule partnerViewInOrder() {
        return configurer -> configurer.eventProcessing(processing -> processing.registerSequencingPolicy(
                ProcessingGroups.PARTNER_VIEW, config -> ProjectionSequences.wholeStream()));
    }
}
