package io.certtrail.command.expiry;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import io.certtrail.command.expiry.ExpiryCommands.Catalogued;
import io.certtrail.command.expiry.ExpiryCommands.NoteCertification;
import io.certtrail.command.expiry.ExpiryCommands.Review;
import io.certtrail.command.expiry.ExpiryCommands.ReviewExpiry;
import io.certtrail.command.expiry.HeldCertificate.Placement;
import io.certtrail.events.records.CertificationEarned;
import io.certtrail.events.records.CertificationExpired;
import io.certtrail.events.records.CertificationNoted;
import io.certtrail.events.records.CertificationNoted.State;
import io.certtrail.events.records.CertificationRenewed;
import io.certtrail.events.records.CertificationRenewed.RenewalRule;
import io.certtrail.events.records.ExpiryReminderDue;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * The certificates recorded for one address, where renewals (rule 24) and expiry (rule 25) are
 * decided: every change to one of them works the expiration dates of all of them out again, and
 * each date that changes is its own {@link CertificationRenewed}, naming the certificate that
 * caused it. The expiry schedule asks it about one certificate on a day; reminders and the expiry
 * are stated once per expiration date, so asking twice, or on a replay, mails nothing twice.
 */
@Aggregate
class HeldCertifications {

    @AggregateIdentifier
    private String holderId;

    private String addressKey;
    private final Map<String, HeldCertificate> held = new LinkedHashMap<>();
    /** The certificate that set each renewed date (to name when it is withdrawn). */
    private final Map<String, String> renewedBy = new HashMap<>();
    /** {@code recordId|expirationDate|reminderDay} of the reminders stated. */
    private final Set<String> reminded = new HashSet<>();
    /** {@code recordId|expirationDate} of the expiries stated. */
    private final Set<String> expired = new HashSet<>();

    HeldCertifications() {
        // for Axon
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(NoteCertification command) {
        CertificationEarned earned = command.earned();
        Catalogued catalogued = command.catalogued();
        HeldCertificate before = held.get(command.recordId());
        if (command.state() != State.HELD && before == null) {
            return; // never held here: nothing to say
        }
        if (command.state() == State.HELD
                && before != null
                && !before.revoked()
                && before.earned().equals(HeldCertificate.plain(earned))
                && Objects.equals(before.placement(), Placement.of(catalogued))) {
            return; // the same again
        }
        apply(command.noted());
        applyRenewals(command.at());
    }

    /** Works every date out again and states each one that changed. */
    private void applyRenewals(Instant at) {
        for (HeldCertificate certificate : List.copyOf(held.values())) {
            if (certificate.revoked()) {
                continue;
            }
            RenewalRules.Outcome outcome = RenewalRules.expiryOf(certificate, held.values());
            LocalDate holds = certificate.expirationDate();
            if (Objects.equals(outcome.expirationDate(), holds)) {
                continue;
            }
            HeldCertificate cause =
                    outcome.cause() != null ? outcome.cause() : held.get(renewedBy.get(certificate.recordId()));
            apply(new CertificationRenewed(
                    holderId,
                    addressKey,
                    certificate.recordId(),
                    certificate.earned().certificateNumber(),
                    certificate.name(),
                    holds,
                    outcome.expirationDate(),
                    outcome.rule() == null ? RenewalRule.CAUSE_WITHDRAWN : outcome.rule(),
                    cause == null ? null : cause.recordId(),
                    cause == null ? null : cause.earned().certificateNumber(),
                    cause == null ? null : cause.name(),
                    at));
        }
    }

    @CommandHandler
    Review handle(ReviewExpiry command) {
        HeldCertificate certificate = held.get(command.recordId());
        if (certificate == null || certificate.revoked() || certificate.expirationDate() == null) {
            return Review.NOTHING_DUE;
        }
        LocalDate expiration = certificate.expirationDate();
        CertificationEarned earned = certificate.earned();
        if (command.today().isAfter(expiration)) {
            if (!expired.contains(command.recordId() + "|" + expiration)) {
                apply(new CertificationExpired(
                        holderId,
                        addressKey,
                        command.recordId(),
                        earned.certificateNumber(),
                        earned.certificationName(),
                        expiration,
                        earned.email(),
                        command.at()));
                return Review.EXPIRED;
            }
            return Review.NOTHING_DUE;
        }
        int daysLeft = (int) ChronoUnit.DAYS.between(command.today(), expiration);
        Integer reminderDay = command.reminderDays().stream()
                .filter(day -> day >= daysLeft)
                .min(Integer::compare)
                .orElse(null);
        if (reminderDay == null || reminded.contains(command.recordId() + "|" + expiration + "|" + reminderDay)) {
            return Review.NOTHING_DUE;
        }
        apply(new ExpiryReminderDue(
                holderId,
                addressKey,
                command.recordId(),
                earned.certificateNumber(),
                earned.certificationName(),
                expiration,
                reminderDay,
                daysLeft,
                certificate.placement() == null ? null : certificate.placement().track(),
                earned.email(),
                command.at()));
        return Review.REMINDED;
    }

    /** The date that holds for one of its certificates, or null if it holds no such certificate. */
    LocalDate expirationDateOf(String recordId) {
        HeldCertificate certificate = held.get(recordId);
        return certificate == null ? null : certificate.expirationDate();
    }

    @EventSourcingHandler
    void on(CertificationNoted event) {
        holderId = event.holderId();
        addressKey = event.addressKey();
        switch (event.state()) {
            case HELD -> {
                HeldCertificate before = held.get(event.recordId());
                held.put(event.recordId(), HeldCertificate.noted(event, before == null ? null : before.renewedTo()));
            }
            case REVOKED -> held.computeIfPresent(event.recordId(), (id, certificate) -> certificate.asRevoked());
            case MOVED_AWAY -> held.remove(event.recordId());
        }
    }

    @EventSourcingHandler
    void on(CertificationRenewed event) {
        held.computeIfPresent(event.recordId(), (id, certificate) -> certificate.renewedTo(event.expirationDate()));
        if (event.rule() == RenewalRule.CAUSE_WITHDRAWN) {
            renewedBy.remove(event.recordId());
        } else {
            renewedBy.put(event.recordId(), event.causeRecordId());
        }
    }

    @EventSourcingHandler
    void on(ExpiryReminderDue event) {
        reminded.add(event.recordId() + "|" + event.expirationDate() + "|" + event.reminderDay());
    }

    @EventSourcingHandler
    void on(CertificationExpired event) {
        expired.add(event.recordId() + "|" + event.expirationDate());
    }
}
