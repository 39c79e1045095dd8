package io.certtrail.command.account;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import io.certtrail.command.account.AccountCommands.Accepted;
import io.certtrail.command.account.AccountCommands.ActivateEmail;
import io.certtrail.command.account.AccountCommands.CancelErasure;
import io.certtrail.command.account.AccountCommands.ConfirmEmailDisassociation;
import io.certtrail.command.account.AccountCommands.EraseAccount;
import io.certtrail.command.account.AccountCommands.HolderName;
import io.certtrail.command.account.AccountCommands.RemoveEmail;
import io.certtrail.command.account.AccountCommands.RequestEmailAssociation;
import io.certtrail.command.account.AccountCommands.RequestEmailDisassociation;
import io.certtrail.command.account.AccountCommands.RequestErasure;
import io.certtrail.command.account.AccountCommands.SetExpiryReminders;
import io.certtrail.command.account.AccountCommands.SetLanguagePreference;
import io.certtrail.events.account.AccountErased;
import io.certtrail.events.account.AccountHolderNamed;
import io.certtrail.events.account.AssociationMethod;
import io.certtrail.events.account.DisassociationCause;
import io.certtrail.events.account.EmailActivated;
import io.certtrail.events.account.EmailAssociationRequested;
import io.certtrail.events.account.EmailDisassociated;
import io.certtrail.events.account.EmailDisassociationRequested;
import io.certtrail.events.account.ErasureCancelled;
import io.certtrail.events.account.ErasureRequested;
import io.certtrail.events.account.ExpiryRemindersChanged;
import io.certtrail.events.account.LanguagePreferenceChanged;
import io.certtrail.events.account.ScoreReportLinked;
import io.certtrail.platform.error.DomainException;
import io.certtrail.platform.error.ErrorCode;
import io.certtrail.platform.i18n.Text;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * A holder's personal account: the addresses it has asked for and the ones it holds. It decides
 * whether a link is still good; which account owns an address is decided with
 * {@link AddressRegistry} in the same transaction.
 */
@Aggregate(snapshotTriggerDefinition = "accountSnapshots")
// Snapshots store the fields (there are no getters), in the stored format's Jackson 2.
@JsonAutoDetect(
        fieldVisibility = JsonAutoDetect.Visibility.ANY,
        getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
class Account {

    /**
     * Events applied since the last snapshot, beyond which loading the account takes a new one. A
     * long-lived account (every association, activation and disassociation is an event) then
     * loads from its latest snapshot plus fewer than this many events (BigHistoryTest).
     */
    static final int SNAPSHOT_THRESHOLD = 100;

    @AggregateIdentifier
    private String accountId;

    private final Map<String, PendingLink> pendingAssociations = new HashMap<>();
    private final Map<String, PendingLink> pendingDisassociations = new HashMap<>();
    private final Map<String, String> activeEmails = new HashMap<>();
    /** The registration numbers whose exams each active address brought by score report. */
    private final Map<String, java.util.Set<String>> registrations = new HashMap<>();

    private HolderName holder;
    private boolean expiryRemindersOff;
    private String language;
    /** When a requested erasure takes effect; null when none is waiting. */
    private Instant erasureEffectiveAt;

    private boolean erased;
    /** Every address the account ever held or asked for: an erasure destroys all their keys. */
    private final java.util.Set<String> everHeld = new java.util.TreeSet<>();

    Account() {
        // for Axon
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    Accepted handle(RequestEmailAssociation command, AddressRegistry registry) {
        if (activeEmails.containsKey(command.addressKey()) && command.method() == AssociationMethod.SCORE_REPORT) {
            // the address is theirs already: the score report (checked before) brings its exams
            String number = command.scoreReport().registrationNumber();
            if (!registrations
                    .getOrDefault(command.addressKey(), java.util.Set.of())
                    .contains(number)) {
                apply(new ScoreReportLinked(accountId, command.addressKey(), number, command.requestedAt()));
            }
            return new Accepted(command.requestId(), AggregateLifecycle.getVersion(), false, true);
        }
        if (activeEmails.containsKey(command.addressKey())) {
            throw new DomainException(ErrorCode.ADDRESS_ALREADY_ACTIVE, Text.of("problem.account.1"));
        }
        if (command.holder() != null
                && !command.holder().equals(holder)
                && (command.holder().firstName() != null || command.holder().lastName() != null)) {
            apply(new AccountHolderNamed(
                    command.accountId(),
                    command.holder().firstName(),
                    command.holder().lastName()));
        }
        boolean heldByAnother = registry.ownerOf(command.addressKey())
                .filter(owner -> !owner.equals(command.accountId()))
                .isPresent();
        apply(new EmailAssociationRequested(
                command.accountId(),
                command.requestId(),
                command.addressKey(),
                command.email(),
                command.method(),
                command.method() == AssociationMethod.SCORE_REPORT ? command.scoreReport() : null,
                heldByAnother,
                command.requestedAt(),
                command.expiresAt(),
                command.privacyStatement()));
        return new Accepted(command.requestId(), AggregateLifecycle.getVersion(), heldByAnother, false);
    }

    /** @return whether reminders are on now; setting what holds already changes nothing */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    boolean handle(SetExpiryReminders command) {
        if (accountId == null || command.enabled() == expiryRemindersOff) {
            apply(new ExpiryRemindersChanged(command.accountId(), command.enabled(), command.at()));
        }
        return command.enabled();
    }

    /**
     * The right to be forgotten (rule 32): asked once, effective after the grace period; asking
     * again while it waits answers the same moment. Refused for an erased account.
     *
     * @return when it takes effect
     */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    Instant handle(RequestErasure command) {
        refuseIfErased();
        if (erasureEffectiveAt != null) {
            return erasureEffectiveAt;
        }
        apply(new ErasureRequested(command.accountId(), command.reason(), command.at(), command.effectiveAt()));
        return command.effectiveAt();
    }

    /** @return whether an erasure was waiting and is now cancelled */
    @CommandHandler
    boolean handle(CancelErasure command) {
        refuseIfErased();
        if (erasureEffectiveAt == null) {
            return false;
        }
        apply(new ErasureCancelled(command.accountId(), command.at()));
        return true;
    }

    /** @return whether the account was erased now */
    @CommandHandler
    boolean handle(EraseAccount command) {
        if (erased || erasureEffectiveAt == null || command.at().isBefore(erasureEffectiveAt)) {
            return false;
        }
        java.util.Set<String> addresses = new java.util.TreeSet<>(everHeld);
        addresses.addAll(activeEmails.keySet());
        apply(new AccountErased(command.accountId(), List.copyOf(addresses), command.at()));
        return true;
    }

    private void refuseIfErased() {
        if (erased) {
            throw new DomainException(ErrorCode.ACCOUNT_ERASED, Text.of("problem.account-erased"));
        }
    }

    @EventSourcingHandler
    void on(ErasureRequested event) {
        accountId = event.accountId();
        erasureEffectiveAt = event.effectiveAt();
    }

    @EventSourcingHandler
    void on(ErasureCancelled event) {
        erasureEffectiveAt = null;
    }

    @EventSourcingHandler
    void on(AccountErased event) {
        erased = true;
        erasureEffectiveAt = null;
        activeEmails.clear();
        pendingAssociations.clear();
        pendingDisassociations.clear();
    }

    /** @return the language chosen now; choosing what holds already changes nothing */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    String handle(SetLanguagePreference command) {
        if (accountId == null || !java.util.Objects.equals(command.language(), language)) {
            apply(new LanguagePreferenceChanged(command.accountId(), command.language(), command.at()));
        }
        return command.language();
    }

    @CommandHandler
    Accepted handle(ActivateEmail command, AddressRegistry registry) {
        PendingLink pending = findValid(pendingAssociations, command.requestId(), command.at());
        String previousOwner =
                registry.claim(pending.addressKey(), accountId, command.at()).orElse(null);
        apply(new EmailActivated(
                accountId,
                pending.requestId(),
                pending.addressKey(),
                pending.email(),
                pending.method(),
                previousOwner,
                command.at(),
                pending.registrationNumber()));
        return new Accepted(pending.requestId(), AggregateLifecycle.getVersion(), previousOwner != null, false);
    }

    @CommandHandler
    Accepted handle(RequestEmailDisassociation command) {
        String email = activeEmails.get(command.addressKey());
        if (email == null) {
            throw new DomainException(ErrorCode.ADDRESS_NOT_ASSOCIATED, Text.of("problem.account.2"));
        }
        apply(new EmailDisassociationRequested(
                accountId,
                command.requestId(),
                command.addressKey(),
                email,
                command.requestedAt(),
                command.expiresAt()));
        return new Accepted(command.requestId(), AggregateLifecycle.getVersion(), false, false);
    }

    @CommandHandler
    Accepted handle(ConfirmEmailDisassociation command, AddressRegistry registry) {
        PendingLink pending = findValid(pendingDisassociations, command.requestId(), command.at());
        registry.release(pending.addressKey(), accountId, command.at());
        apply(new EmailDisassociated(
                accountId,
                pending.addressKey(),
                activeEmails.get(pending.addressKey()),
                DisassociationCause.HOLDER_CONFIRMED,
                null,
                null,
                command.at()));
        return new Accepted(pending.requestId(), AggregateLifecycle.getVersion(), false, false);
    }

    /** Idempotent: an address that is no longer here needs no removal. */
    @CommandHandler
    void handle(RemoveEmail command) {
        String email = activeEmails.get(command.addressKey());
        if (email != null) {
            apply(new EmailDisassociated(
                    accountId,
                    command.addressKey(),
                    email,
                    command.cause(),
                    command.newAccountId(),
                    command.reason(),
                    command.at()));
        }
    }

    /** Whether the address is associated with this account now. */
    boolean holds(String addressKey) {
        return activeEmails.containsKey(addressKey);
    }

    java.util.List<String> activeEmails() {
        return activeEmails.values().stream().sorted().toList();
    }

    private PendingLink findValid(Map<String, PendingLink> links, String requestId, Instant at) {
        return links.values().stream()
                .filter(link -> link.requestId().equals(requestId))
                .filter(link -> at.isBefore(link.expiresAt()))
                .findFirst()
                .orElseThrow(() -> new DomainException(ErrorCode.LINK_NOT_VALID, Text.of("problem.link-not-valid")));
    }

    @EventSourcingHandler
    void on(AccountHolderNamed event) {
        accountId = event.accountId();
        holder = new HolderName(event.firstName(), event.lastName());
    }

    @EventSourcingHandler
    void on(EmailAssociationRequested event) {
        accountId = event.accountId();
        everHeld.add(event.addressKey());
        pendingAssociations.put(
                event.addressKey(),
                new PendingLink(
                        event.requestId(),
                        event.addressKey(),
                        event.email(),
                        event.method(),
                        event.expiresAt(),
                        event.scoreReport() == null ? null : event.scoreReport().registrationNumber()));
    }

    @EventSourcingHandler
    void on(EmailActivated event) {
        everHeld.add(event.addressKey());
        pendingAssociations.remove(event.addressKey());
        activeEmails.put(event.addressKey(), event.email());
        registrations.remove(event.addressKey());
        if (event.registrationNumber() != null) {
            registrations
                    .computeIfAbsent(event.addressKey(), key -> new java.util.HashSet<>())
                    .add(event.registrationNumber());
        }
    }

    @EventSourcingHandler
    void on(ScoreReportLinked event) {
        registrations
                .computeIfAbsent(event.addressKey(), key -> new java.util.HashSet<>())
                .add(event.registrationNumber());
    }

    @EventSourcingHandler
    void on(EmailDisassociationRequested event) {
        pendingDisassociations.put(
                event.addressKey(),
                new PendingLink(event.requestId(), event.addressKey(), event.email(), null, event.expiresAt(), null));
    }

    @EventSourcingHandler
    void on(LanguagePreferenceChanged event) {
        accountId = event.accountId();
        language = event.language();
    }

    @EventSourcingHandler
    void on(ExpiryRemindersChanged event) {
        accountId = event.accountId();
        expiryRemindersOff = !event.enabled();
    }

    @EventSourcingHandler
    void on(EmailDisassociated event) {
        activeEmails.remove(event.addressKey());
        pendingDisassociations.remove(event.addressKey());
        registrations.remove(event.addressKey());
    }

    private record PendingLink(
            String requestId,
            String addressKey,
            String email,
            AssociationMethod method,
            Instant expiresAt,
            String registrationNumber) {
        PendingLink {
            Objects.requireNonNull(requestId);
        }
    }
}
