package io.certtrail.command.ownership;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import io.certtrail.command.ownership.OwnershipCommands.ClaimAddress;
import io.certtrail.command.ownership.OwnershipCommands.ForceUnbindAddress;
import io.certtrail.command.ownership.OwnershipCommands.ReleaseAddress;
import io.certtrail.events.account.DisassociationCause;
import io.certtrail.events.address.AddressClaimed;
import io.certtrail.events.address.AddressReleased;
import io.certtrail.platform.error.DomainException;
import io.certtrail.platform.error.ErrorCode;
import io.certtrail.platform.i18n.Text;
import java.util.Optional;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * One per address (identified by its keyed hash): the single place that says which account owns
 * it. Two accounts activating the same address at once both append to this aggregate's stream;
 * the event store lets exactly one of them write each sequence number, so ownership never forks.
 */
@Aggregate
class AddressOwnership {

    @AggregateIdentifier
    private String addressKey;

    private String owner;

    AddressOwnership() {
        // for Axon
    }

    String owner() {
        return owner;
    }

    /** @return the previous owner's account, or null; that account loses the address now. */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    String handle(ClaimAddress command, AccountLedger ledger) {
        String previous = owner;
        if (command.accountId().equals(previous)) {
            return null;
        }
        apply(new AddressClaimed(command.addressKey(), command.accountId(), previous, command.at()));
        if (previous != null) {
            ledger.removeEmail(
                    previous,
                    command.addressKey(),
                    DisassociationCause.OWNERSHIP_MOVED,
                    command.accountId(),
                    null,
                    command.at());
        }
        return previous;
    }

    @CommandHandler
    void handle(ReleaseAddress command) {
        if (command.accountId().equals(owner)) {
            apply(new AddressReleased(addressKey, owner, DisassociationCause.HOLDER_CONFIRMED, command.at()));
        }
    }

    /** @return the account the address was taken from */
    @CommandHandler
    String handle(ForceUnbindAddress command, AccountLedger ledger) {
        String unbound = Optional.ofNullable(owner)
                .orElseThrow(
                        () -> new DomainException(ErrorCode.ADDRESS_NOT_BOUND, Text.of("problem.address-ownership.1")));
        apply(new AddressReleased(addressKey, unbound, DisassociationCause.FORCED_UNBINDING, command.at()));
        ledger.removeEmail(
                unbound, addressKey, DisassociationCause.FORCED_UNBINDING, null, command.reason(), command.at());
        return unbound;
    }

    @EventSourcingHandler
    void on(AddressClaimed event) {
        addressKey = event.addressKey();
        owner = event.accountId();
    }

    @EventSourcingHandler
    void on(AddressReleased event) {
        owner = null;
    }
}
