package io.certtrail.command.expiry;

import io.certtrail.platform.axon.ProcessingGroups;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The schedule the sweep reads must never skip an event (a failed write is retried by the
 * processor, not logged and dropped, or a certificate would never be reminded of nor expire).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ExpiryProperties.class)
class ExpiryConfiguration {

    @Bean
    ConfigurerModule expiryRetryFailedEvents() {
        return configurer -> configurer.eventProcessing(processing -> processing
                .registerListenerInvocationErrorHandler(
                        ProcessingGroups.EXPIRY, config -> PropagatingErrorHandler.instance())
                .registerHandlerInterceptor(ProcessingGroups.EXPIRY, config -> ExpirySchedule.flushAtEndOfBatch()));
    }
}
