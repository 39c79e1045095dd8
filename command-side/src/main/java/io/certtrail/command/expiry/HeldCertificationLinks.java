package io.certtrail.command.expiry;

import io.certtrail.command.catalogue.CatalogueDefinitions;
import io.certtrail.command.expiry.ExpiryCommands.Catalogued;
import io.certtrail.command.expiry.ExpiryCommands.NoteCertification;
import io.certtrail.command.support.LockOrder;
import io.certtrail.events.records.CertificationEarned;
import io.certtrail.events.records.CertificationNoted.State;
import java.time.Instant;
import java.time.LocalDate;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.modelling.command.Repository;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

@Component
class HeldCertificationLinks implements HeldCertificationsLink {

    private final Repository<HeldCertifications> holders;
    private final EventStore eventStore;
    private final CatalogueDefinitions catalogue;

    HeldCertificationLinks(
            @Lazy @Qualifier("heldCertificationsRepository") Repository<HeldCertifications> holders,
            @Lazy EventStore eventStore,
            CatalogueDefinitions catalogue) {
        this.holders = holders;
        this.eventStore = eventStore;
        this.catalogue = catalogue;
    }

    @Override
    public void note(String recordId, int revision, State state, CertificationEarned earned, Instant at) {
        LockOrder.step(LockOrder.SOURCE_RECORD, LockOrder.HELD_CERTIFICATIONS);
        String holderId = ExpiryCommands.holderIdOf(earned.addressKey());
        Catalogued catalogued = catalogue
                .of(earned.certificationName())
                .map(d -> new Catalogued(d.track(), d.level(), d.revivesExpired()))
                .orElse(null);
        try {
            holders.loadOrCreate(holderId, HeldCertifications::new)
                    .handle(GenericCommandMessage.asCommandMessage(
                            new NoteCertification(holderId, recordId, revision, state, earned, catalogued, at)));
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public LocalDate expirationDate(String recordId, CertificationEarned earned) {
        LockOrder.step(LockOrder.SOURCE_RECORD, LockOrder.HELD_CERTIFICATIONS);
        String holderId = ExpiryCommands.holderIdOf(earned.addressKey());
        if (eventStore.lastSequenceNumberFor(holderId).isEmpty()) {
            return earned.expirationDate(); // recorded before renewals were kept
        }
        LocalDate held = holders.load(holderId).invoke(h -> h.expirationDateOf(recordId));
        return held == null ? earned.expirationDate() : held;
    }
}
