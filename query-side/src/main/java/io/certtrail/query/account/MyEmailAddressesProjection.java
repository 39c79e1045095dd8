package io.certtrail.query.account;

import io.certtrail.events.account.AccountEmailEvent;
import io.certtrail.events.account.AccountEvent;
import io.certtrail.events.account.EmailActivated;
import io.certtrail.events.account.EmailAssociationRequested;
import io.certtrail.events.account.EmailDisassociationRequested;
import io.certtrail.events.account.ExpiryRemindersChanged;
import io.certtrail.events.account.LanguagePreferenceChanged;
import io.certtrail.events.account.ScoreReportLinked;
import io.certtrail.platform.axon.ProcessingGroups;
import io.certtrail.platform.operations.ProjectionReset;
import io.certtrail.query.account.MyEmailAddresses.Entry;
import io.certtrail.query.account.MyEmailAddresses.Status;
import io.certtrail.query.support.ProjectionBatch;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * Builds {@link MyEmailAddresses}. Idempotent: the document remembers the last sequence number it
 * applied, and an event at or below it changes nothing, so redelivery and replays are harmless.
 */
@Component
@ProcessingGroup(ProcessingGroups.MY_EMAIL_ADDRESSES)
public class MyEmailAddressesProjection {

    private static final ProjectionBatch.Reads<MyEmailAddresses> ADDRESSES =
            ProjectionBatch.Reads.of(MyEmailAddresses.class).from(AccountEvent.class, AccountEvent::accountId);

    private final MongoTemplate mongo;

    public MyEmailAddressesProjection(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @EventHandler
    void on(AccountEvent event, @SequenceNumber long sequence) {
        ProjectionBatch batch = ProjectionBatch.current(mongo);
        MyEmailAddresses current = batch.find(ADDRESSES, event.accountId());
        if (current == null) {
            current = MyEmailAddresses.empty(event.accountId());
        }
        if (sequence <= current.version()) {
            return;
        }
        List<Entry> addresses = event instanceof AccountEmailEvent emailEvent
                ? evolve(current.addresses(), emailEvent)
                : event instanceof ScoreReportLinked linked ? linked(current.addresses(), linked) : current.addresses();
        // the version moves with every account event, so minVersion waits always end
        boolean remindersOff =
                event instanceof ExpiryRemindersChanged changed ? !changed.enabled() : current.expiryRemindersOff();
        String language = event instanceof LanguagePreferenceChanged chosen ? chosen.language() : current.language();
        batch.save(
                current.accountId(),
                new MyEmailAddresses(current.accountId(), sequence, addresses, remindersOff, language));
    }

    @ResetHandler
    void reset(ProjectionReset reset) {
        if (!reset.rebuild()) {
            return; // a replay: the documents take the events again, unchanged
        }
        mongo.dropCollection(MyEmailAddresses.class);
    }

    static List<Entry> linked(List<Entry> addresses, ScoreReportLinked event) {
        List<Entry> next = new ArrayList<>(addresses);
        next.replaceAll(entry -> {
            if (!entry.addressKey().equals(event.addressKey())
                    || entry.registrationNumbers().contains(event.registrationNumber())) {
                return entry;
            }
            List<String> linked = new ArrayList<>(entry.linkedRegistrations());
            linked.add(event.registrationNumber());
            return new Entry(
                    entry.addressKey(),
                    entry.email(),
                    entry.status(),
                    entry.method(),
                    entry.requestedAt(),
                    entry.linkExpiresAt(),
                    entry.activatedAt(),
                    entry.disassociationRequestedAt(),
                    entry.registrationNumber(),
                    linked);
        });
        return next;
    }

    static List<Entry> evolve(List<Entry> addresses, AccountEmailEvent event) {
        List<Entry> next = new ArrayList<>(addresses);
        next.removeIf(entry ->
                entry.addressKey().equals(event.addressKey()) && !(event instanceof EmailDisassociationRequested));
        Entry previous = addresses.stream()
                .filter(e -> e.addressKey().equals(event.addressKey()))
                .findFirst()
                .orElse(null);
        if (event instanceof EmailAssociationRequested e) {
            next.add(new Entry(
                    e.addressKey(),
                    e.email(),
                    Status.PENDING_ACTIVATION,
                    e.method().name(),
                    e.requestedAt(),
                    e.expiresAt(),
                    null,
                    null,
                    e.scoreReport() == null ? null : e.scoreReport().registrationNumber(),
                    null));
        } else if (event instanceof EmailActivated e) {
            next.add(new Entry(
                    e.addressKey(),
                    e.email(),
                    Status.ACTIVE,
                    e.method().name(),
                    previous == null ? null : previous.requestedAt(),
                    null,
                    e.activatedAt(),
                    null,
                    e.registrationNumber() != null
                            ? e.registrationNumber()
                            : previous == null ? null : previous.registrationNumber(),
                    null));
        } else if (event instanceof EmailDisassociationRequested e) {
            next.replaceAll(entry -> entry.addressKey().equals(e.addressKey())
                    ? new Entry(
                            entry.addressKey(),
                            entry.email(),
                            entry.status(),
                            entry.method(),
                            entry.requestedAt(),
                            entry.linkExpiresAt(),
                            entry.activatedAt(),
                            e.requestedAt(),
                            entry.registrationNumber(),
                            entry.linkedRegistrations())
                    : entry);
        }
        // EmailDisassociated: gone from the view; the audit trail keeps the story.
        return next;
    }
}
