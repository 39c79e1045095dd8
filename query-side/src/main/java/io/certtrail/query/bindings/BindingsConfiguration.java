package io.certtrail.query.bindings;

import io.certtrail.platform.axon.ProcessingGroups;
import io.certtrail.query.support.ProjectionSequences;
import org.axonframework.config.ConfigurerModule;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Suspect bindings are recomputed from what exam results, ownership and holder names say together,
 * which come from three kinds of aggregate: the projection handles them strictly in order, in one
 * segment, however many segments are set, so no recomputation misses a change made beside it.
 */
@Configuration(proxyBeanMethods = false)
class BindingsConfiguration {

    @Bean
    ConfigurerModule suspectBindingsInOrder() {
        return configurer -> configurer.eventProcessing(processing -> processing.registerSequencingPolicy(
                ProcessingGroups.SUSPECT_BINDINGS, config -> ProjectionSequences.wholeStream()));
    }
}
