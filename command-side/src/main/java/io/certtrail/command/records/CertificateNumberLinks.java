package io.certtrail.command.records;

import io.certtrail.command.support.LockOrder;
import java.time.Instant;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.modelling.command.Repository;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * {@link CertificateNumbers} through the number's aggregate, loaded (and locked) inside the unit of
 * work of the record's command, so the record's event and the claim are stored together or not at all.
 */
@Component
class CertificateNumberLinks implements CertificateNumbers {

    private final Repository<CertificateNumber> numbers;

    CertificateNumberLinks(@Lazy @Qualifier("certificateNumberRepository") Repository<CertificateNumber> numbers) {
        this.numbers = numbers;
    }

    @Override
    public String claim(String certificateNumber, String recordId, Instant at) {
        LockOrder.step(LockOrder.SOURCE_RECORD, LockOrder.CERTIFICATE_NUMBER);
        String id = CertificateNumber.PREFIX + certificateNumber;
        try {
            return (String) numbers.loadOrCreate(id, CertificateNumber::new)
                    .handle(GenericCommandMessage.asCommandMessage(
                            new CertificateNumbers.Claim(id, certificateNumber, recordId, at)));
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void release(String certificateNumber, String recordId, Instant at) {
        LockOrder.step(LockOrder.SOURCE_RECORD, LockOrder.CERTIFICATE_NUMBER);
        String id = CertificateNumber.PREFIX + certificateNumber;
        try {
            numbers.load(id)
                    .handle(GenericCommandMessage.asCommandMessage(
                            new CertificateNumbers.Release(id, certificateNumber, recordId, at)));
        } catch (org.axonframework.modelling.command.AggregateNotFoundException neverClaimed) {
            // recorded before numbers were claimed: nothing to release
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
