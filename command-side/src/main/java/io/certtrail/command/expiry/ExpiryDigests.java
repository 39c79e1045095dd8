package io.certtrail.command.expiry;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import io.certtrail.command.expiry.ExpiryCommands.SendExpiryDigest;
import io.certtrail.command.expiry.ExpiryCommands.SetExpiryDigest;
import io.certtrail.events.partner.ExpiryDigestDue;
import io.certtrail.events.partner.ExpiryDigestSubscriptionChanged;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * One partner company's weekly digest of certificates about to expire (rule 25): which of its
 * administrators asked for it, at which address, and which weeks each has had, so a digest is sent
 * once per administrator and week however often the sweep asks.
 */
@Aggregate
class ExpiryDigests {

    @AggregateIdentifier
    private String digestId;

    /** Administrator to the address their digest goes to. */
    private final Map<String, String> subscribers = new TreeMap<>();
    /** {@code week|administrator} of the digests stated. */
    private final Set<String> sent = new HashSet<>();

    ExpiryDigests() {
        // for Axon
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    boolean handle(SetExpiryDigest command) {
        String held = subscribers.get(command.adminAccountId());
        boolean unchanged = command.enabled() ? Objects.equals(held, command.email()) : held == null;
        if (digestId == null || !unchanged) {
            apply(new ExpiryDigestSubscriptionChanged(
                    command.digestId(),
                    command.companyId(),
                    command.adminAccountId(),
                    command.enabled() ? command.email() : null,
                    command.enabled(),
                    command.at()));
        }
        return command.enabled();
    }

    /** @return how many administrators it was stated for now */
    @CommandHandler
    int handle(SendExpiryDigest command) {
        int stated = 0;
        for (Map.Entry<String, String> subscriber : subscribers.entrySet()) {
            if (sent.contains(command.week() + "|" + subscriber.getKey())
                    || command.certificates().isEmpty()) {
                continue;
            }
            apply(new ExpiryDigestDue(
                    digestId,
                    command.companyId(),
                    command.week(),
                    subscriber.getKey(),
                    subscriber.getValue(),
                    command.withinDays(),
                    command.certificates(),
                    command.at()));
            stated++;
        }
        return stated;
    }

    @EventSourcingHandler
    void on(ExpiryDigestSubscriptionChanged event) {
        digestId = event.digestId();
        if (event.enabled()) {
            subscribers.put(event.adminAccountId(), event.email());
        } else {
            subscribers.remove(event.adminAccountId());
        }
    }

    @EventSourcingHandler
    void on(ExpiryDigestDue event) {
        sent.add(event.week() + "|" + event.adminAccountId());
    }
}
