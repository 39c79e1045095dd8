package io.certtrail.command.account;

import io.certtrail.events.account.AssociationMethod;
import io.certtrail.events.account.DisassociationCause;
import io.certtrail.events.account.ScoreReport;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The commands of the {@link Account} aggregate. Times and identifiers arrive in them, decided outside. */
public final class AccountCommands {

    private AccountCommands() {}

    public record RequestEmailAssociation(
            @TargetAggregateIdentifier String accountId,
            String requestId,
            String addressKey,
            String email,
            AssociationMethod method,
            ScoreReport scoreReport,
            HolderName holder,
            Instant requestedAt,
            Instant expiresAt,
            String privacyStatement) {}

    /** The name the identity provider states for the caller; either part may be null. */
    public record HolderName(String firstName, String lastName) {}

    /** The holder turns the reminders before their certificates expire on or off. */
    public record SetExpiryReminders(
            @TargetAggregateIdentifier String accountId, boolean enabled, Instant at) {}

    /** @param effectiveAt when it takes effect: after the grace period */
    public record RequestErasure(
            @TargetAggregateIdentifier String accountId, String reason, Instant at, Instant effectiveAt) {}

    public record CancelErasure(@TargetAggregateIdentifier String accountId, Instant at) {}

    /** Sent by the erasure schedule once the grace period is over. */
    public record EraseAccount(@TargetAggregateIdentifier String accountId, Instant at) {}

    /** @param language a tag CertTrail speaks, or null: each request's Accept-Language */
    public record SetLanguagePreference(
            @TargetAggregateIdentifier String accountId, String language, Instant at) {}

    public record ActivateEmail(@TargetAggregateIdentifier String accountId, String requestId, Instant at) {}

    public record RequestEmailDisassociation(
            @TargetAggregateIdentifier String accountId,
            String requestId,
            String addressKey,
            Instant requestedAt,
            Instant expiresAt) {}

    public record ConfirmEmailDisassociation(
            @TargetAggregateIdentifier String accountId, String requestId, Instant at) {}

    /** Issued by {@code AddressOwnership} when the address leaves this account for a reason not the holder's own. */
    public record RemoveEmail(
            @TargetAggregateIdentifier String accountId,
            String addressKey,
            DisassociationCause cause,
            String newAccountId,
            String reason,
            Instant at) {}

    /** What a command that changed the account answers: the version a reader can wait for. */
    /** @param scoreReportLinked a score report for an address already active: its exams came, no link was sent */
    public record Accepted(
            String requestId, long accountVersion, boolean heldByAnotherAccount, boolean scoreReportLinked) {}
}
