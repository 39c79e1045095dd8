package io.certtrail.query.sharing;

import io.certtrail.events.sharing.ShareLinkEvent;
import io.certtrail.platform.axon.ProcessingGroups;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.async.SequentialPerAggregatePolicy;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** A holder's links share one document: their events go in one sequence per account. */
@Configuration(proxyBeanMethods = false)
class ShareLinksConfiguration {

    @Bean
    ConfigurerModule shareLinksSequencing() {
        return configurer -> configurer.eventProcessing(processing -> processing.registerSequencingPolicy(
                ProcessingGroups.SHARE_LINKS,
                config -> event -> event.getPayload() instanceof ShareLinkEvent e
                        ? e.accountId()
                        : SequentialPerAggregatePolicy.instance().getSequenceIdentifierFor(event)));
    }
}
