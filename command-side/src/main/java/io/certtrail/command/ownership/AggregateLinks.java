package io.certtrail.command.ownership;

import io.certtrail.command.account.AccountCommands.RemoveEmail;
import io.certtrail.command.account.AddressRegistry;
import io.certtrail.command.ownership.OwnershipCommands.ClaimAddress;
import io.certtrail.command.ownership.OwnershipCommands.ReleaseAddress;
import io.certtrail.command.support.LockOrder;
import io.certtrail.events.account.DisassociationCause;
import java.time.Instant;
import java.util.Optional;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.Repository;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * Lets one aggregate act on another inside the unit of work of the command being handled: the
 * other aggregate is loaded (and locked) through its repository and handles the command itself,
 * so both sets of events are stored in one transaction. Dispatching a command instead would, on
 * Axon Server, commit separately and lose the all-or-nothing guarantee. Each link states its step
 * in the {@link LockOrder}.
 */
@Component
class AggregateLinks implements AddressRegistry, AccountLedger {

    private final Repository<AddressOwnership> addresses;
    private final Repository<?> accounts;
    private final EventStore eventStore;

    AggregateLinks(
            @Lazy @Qualifier("addressOwnershipRepository") Repository<AddressOwnership> addresses,
            @Lazy @Qualifier("accountRepository") Repository<?> accounts,
            @Lazy EventStore eventStore) {
        this.addresses = addresses;
        this.accounts = accounts;
        this.eventStore = eventStore;
    }

    @Override
    public Optional<String> ownerOf(String addressKey) {
        LockOrder.step(LockOrder.ACCOUNT, LockOrder.ADDRESS_OWNERSHIP);
        if (eventStore.lastSequenceNumberFor(addressKey).isEmpty()) {
            return Optional.empty(); // never claimed: no need to load (and lock) an aggregate that is not there
        }
        try {
            return Optional.ofNullable(addresses.load(addressKey).invoke(AddressOwnership::owner));
        } catch (AggregateNotFoundException e) {
            return Optional.empty();
        }
    }

    @Override
    public Optional<String> claim(String addressKey, String accountId, Instant at) {
        LockOrder.step(LockOrder.ACCOUNT, LockOrder.ADDRESS_OWNERSHIP);
        org.axonframework.modelling.command.Aggregate<AddressOwnership> ownership;
        try {
            ownership = addresses.loadOrCreate(addressKey, AddressOwnership::new);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return Optional.ofNullable((String) handle(ownership, new ClaimAddress(addressKey, accountId, at)));
    }

    @Override
    public void release(String addressKey, String accountId, Instant at) {
        LockOrder.step(LockOrder.ACCOUNT, LockOrder.ADDRESS_OWNERSHIP);
        handle(addresses.load(addressKey), new ReleaseAddress(addressKey, accountId, at));
    }

    @Override
    public void removeEmail(
            String accountId,
            String addressKey,
            DisassociationCause cause,
            String newAccountId,
            String reason,
            Instant at) {
        LockOrder.step(LockOrder.ADDRESS_OWNERSHIP, LockOrder.PREVIOUS_OWNER);
        handle(accounts.load(accountId), new RemoveEmail(accountId, addressKey, cause, newAccountId, reason, at));
    }

    private static Object handle(org.axonframework.modelling.command.Aggregate<?> aggregate, Object command) {
        try {
            return aggregate.handle(GenericCommandMessage.asCommandMessage(command));
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
