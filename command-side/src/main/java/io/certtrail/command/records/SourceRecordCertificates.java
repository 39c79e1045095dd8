package io.certtrail.command.records;

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

    SourceRecordCertificates(
            @Lazy @Qualifier("sourceRecordRepository") Repository<SourceRecord> records, @Lazy EventStore eventStore) {
        this.records = records;
        this.eventStore = eventStore;
    }

    @Override
    public Optional<CertificationEarned> valid(String recordId) {
        LockOrder.step(LockOrder.CERTIFICATE_APPLICATION, LockOrder.SOURCE_RECORD);
        if (!recordId.startsWith(RecordKind.CERTIFICATION.recordId(""))
                || eventStore.lastSequenceNumberFor(recordId).isEmpty()) {
            return Optional.empty();
        }
        return Optional.ofNullable(records.load(recordId).invoke(SourceRecord::validCertification));
    }
}
