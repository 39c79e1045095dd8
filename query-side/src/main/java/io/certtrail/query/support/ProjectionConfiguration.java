package io.certtrail.query.support;

import org.axonframework.config.ConfigurerModule;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Every event processor flushes its projection batch when the last event of a batch is handled. */
@Configuration(proxyBeanMethods = false)
class ProjectionConfiguration {

    @Bean
    ConfigurerModule projectionBatchFlush() {
        return configurer -> configurer.eventProcessing(processing -> processing.registerDefaultHandlerInterceptor(
                (config, processorName) -> ProjectionBatch.flushAtEndOfBatch()));
    }
}
