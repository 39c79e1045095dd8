package io.certtrail.command.records;

import io.certtrail.command.expiry.HeldCertificationsLink;
import io.certtrail.command.support.LockOrder;
import io.certtrail.events.records.CertificationEarned;
import java.util.Optional;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.modelling.command.Repository;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

@Component
class SourceRecordCertificates implements EarnedCertificates {

    private final Repository<SourceRecord> records;
    private final EventStore eventStore;
    private final HeldCertificationsLink held;

    SourceRecordCertificates(
            @Lazy @Qualifier("sourceRecordRepository") Repository<SourceRecord> records,
            @Lazy EventStore eventStore,
            HeldCertificationsLink held) {
        this.records = records;
        this.eventStore = eventStore;
        this.held = held;
    }

    @Override
    public Optional<CertificationEarned> valid(String recordId) {
        LockOrder.step(LockOrder.CERTIFICATE_APPLICATION, LockOrder.SOURCE_RECORD);
        if (!recordId.startsWith(RecordKind.CERTIFICATION.recordId(""))
                || eventStore.lastSequenceNumberFor(recordId).isEmpty()) {
            return Optional.empty();
        }
        CertificationEarned earned = records.load(recordId).invoke(SourceRecord::validCertification);
        if (earned == null) {
            return Optional.empty();
        }
        // the date that holds: a renewal may have set a later one than the record's own
        return Optional.of(new CertificationEarned(
                earned.addressKey(),
                earned.email(),
                earned.certificationName(),
                earned.certificateNumber(),
                earned.effectiveDate(),
                held.expirationDate(recordId, earned),
                earned.renewal()));
    }
}
