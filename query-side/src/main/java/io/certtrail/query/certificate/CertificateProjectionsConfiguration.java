package io.certtrail.query.certificate;

import io.certtrail.events.certificate.CertificateApplicationEvent;
import io.certtrail.events.certificate.CertificateApplied;
import io.certtrail.events.records.CertificationRecorded;
import io.certtrail.events.records.CertificationRenewed;
import io.certtrail.events.records.CertificationRevoked;
import io.certtrail.platform.axon.ProcessingGroups;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.async.SequentialPerAggregatePolicy;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Both certificate views keep one document for events of several aggregates (all applications of
 * an account; a certificate's record and its application). When a processor runs in several
 * segments, events are spread by these keys instead of by aggregate, so one document is only ever
 * written by one segment and its read-modify-replace cannot lose a change.
 */
@Configuration(proxyBeanMethods = false)
@org.springframework.boot.context.properties.EnableConfigurationProperties(CertificatePdf.Issuer.class)
class CertificateProjectionsConfiguration {

    @Bean
    ConfigurerModule certificateSequencing() {
        return configurer -> configurer.eventProcessing(processing -> processing
                .registerSequencingPolicy("certificate-applications", config -> event -> accountOf(event))
                .registerSequencingPolicy(
                        ProcessingGroups.CERTIFICATE_REGISTER, config -> event -> certificateOf(event)));
    }

    private static Object accountOf(EventMessage<?> event) {
        return event.getPayload() instanceof CertificateApplicationEvent e
                ? e.accountId()
                : SequentialPerAggregatePolicy.instance().getSequenceIdentifierFor(event);
    }

    private static Object certificateOf(EventMessage<?> event) {
        Object payload = event.getPayload();
        if (payload instanceof CertificationRecorded e) {
            return e.certification().certificateNumber();
        }
        if (payload instanceof CertificateApplied e) {
            return e.certificateNumber();
        }
        if (payload instanceof CertificationRevoked e) {
            return e.certificateNumber();
        }
        if (payload instanceof CertificationRenewed e) {
            return e.certificateNumber();
        }
        return SequentialPerAggregatePolicy.instance().getSequenceIdentifierFor(event);
    }
}
