package io.certtrail.command.records;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import io.certtrail.command.records.CertificateNumbers.Claim;
import io.certtrail.command.records.CertificateNumbers.Release;
import io.certtrail.events.records.CertificateNumberClaimed;
import io.certtrail.events.records.CertificateNumberReleased;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * One per certificate number: the single place that says which certification record states it.
 * Two records sending one number at once both append to this stream; the event store lets one of
 * them write each sequence number, so a number never belongs to two records.
 */
@Aggregate
class CertificateNumber {

    static final String PREFIX = "certno:";

    @AggregateIdentifier
    private String id;

    private String recordId;

    CertificateNumber() {
        // for Axon
    }

    /** @return the record that holds the number, if another: then nothing changed */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    String handle(Claim command) {
        if (recordId != null) {
            return recordId.equals(command.recordId()) ? null : recordId;
        }
        apply(new CertificateNumberClaimed(command.certificateNumber(), command.recordId(), command.at()));
        return null;
    }

    @CommandHandler
    void handle(Release command) {
        if (command.recordId().equals(recordId)) {
            apply(new CertificateNumberReleased(command.certificateNumber(), recordId, command.at()));
        }
    }

    @EventSourcingHandler
    void on(CertificateNumberClaimed event) {
        id = PREFIX + event.certificateNumber();
        recordId = event.recordId();
    }

    @EventSourcingHandler
    void on(CertificateNumberReleased event) {
        recordId = null;
    }
}
