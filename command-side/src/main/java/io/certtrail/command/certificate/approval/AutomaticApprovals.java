package io.certtrail.command.certificate.approval;

import io.certtrail.command.certificate.CertificateCommands.ApproveCertificate;
import io.certtrail.command.support.CommandSender;
import io.certtrail.platform.error.DomainException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockingTaskExecutor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Approves early applications on their day (rule 8: from the working day after the certificate
 * took effect), so nobody has to approve them one by one. A sweep every
 * {@code certtrail.approvals.sweep-interval} (and right after start, so a restart that falls on
 * the day approves at once) sends {@link ApproveCertificate} for every application
 * {@link ApprovalsDue} holds whose day has come. What is due is stored (derived from the events),
 * never a timer in memory; one instance at a time sweeps (a ShedLock lock in MongoDB), and the
 * command is idempotent, so an instance that sweeps again or crashes half-way approves nothing twice.
 */
@Component
class AutomaticApprovals {

    static final String ACTOR = "certtrail-automatic-approvals";
    /** If an instance dies while sweeping, another takes over after this long. */
    private static final Duration LOCK_AT_MOST = Duration.ofMinutes(10);

    private static final Logger log = LoggerFactory.getLogger(AutomaticApprovals.class);

    private final ApprovalsDue due;
    private final CommandSender commands;
    private final Clock clock;
    private final LockingTaskExecutor locks;

    AutomaticApprovals(ApprovalsDue due, CommandSender commands, Clock clock, LockingTaskExecutor locks) {
        this.due = due;
        this.commands = commands;
        this.clock = clock;
        this.locks = locks;
    }

    @Scheduled(
            initialDelayString = "${certtrail.approvals.first-sweep-after:PT2S}",
            fixedDelayString = "${certtrail.approvals.sweep-interval:PT1M}")
    void sweep() {
        // held while it runs (freed at once after, so a restarted instance sweeps without waiting); another
        // instance's sweep right after finds the approved ones gone or, at worst, approves them again: no event
        locks.executeWithLock(
                (Runnable) this::approveWhatIsDue,
                new LockConfiguration(Instant.now(), "automatic-approvals", LOCK_AT_MOST, Duration.ZERO));
    }

    void approveWhatIsDue() {
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        for (String applicationId : due.dueOn(today)) {
            try {
                commands.sendAsSystem(new ApproveCertificate(applicationId, today, now, false), ACTOR);
            } catch (DomainException refused) {
                // e.g. revoked in the meantime: stays on the office's list with its reason
                log.info("Automatic approval of {} refused: {}", applicationId, refused.code());
            } catch (RuntimeException e) {
                log.warn("Automatic approval of {} failed; tried again at the next sweep", applicationId, e);
            }
        }
    }
}
