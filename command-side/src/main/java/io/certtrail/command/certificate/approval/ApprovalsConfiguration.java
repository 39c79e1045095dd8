package io.certtrail.command.certificate.approval;

import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * The sweep runs on Spring's scheduler; the list it reads must never skip an event (a failed write
 * is retried by the processor, not logged and dropped, or an application would never be approved).
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class ApprovalsConfiguration {

    @Bean
    ConfigurerModule approvalsRetryFailedEvents() {
        return configurer -> configurer.eventProcessing(processing -> processing.registerListenerInvocationErrorHandler(
                ApprovalsDue.PROCESSING_GROUP, config -> PropagatingErrorHandler.instance()));
    }
}
