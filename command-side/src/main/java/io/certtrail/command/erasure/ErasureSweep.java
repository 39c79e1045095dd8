package io.certtrail.command.erasure;

import io.certtrail.command.account.AccountCommands.EraseAccount;
import io.certtrail.command.support.CommandSender;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockingTaskExecutor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Erases the accounts whose grace period is over (rule 32): every sweep interval and right after
 * start, one instance at a time (ShedLock), as the other schedules do. The account decides; a sweep
 * that runs twice erases nothing twice.
 */
@Component
class ErasureSweep {

    static final String ACTOR = "certtrail-erasure-schedule";
    private static final Logger log = LoggerFactory.getLogger(ErasureSweep.class);

    private final ErasureSchedule schedule;
    private final CommandSender commands;
    private final Clock clock;
    private final LockingTaskExecutor locks;

    ErasureSweep(ErasureSchedule schedule, CommandSender commands, Clock clock, LockingTaskExecutor locks) {
        this.schedule = schedule;
        this.commands = commands;
        this.clock = clock;
        this.locks = locks;
    }

    @Scheduled(
            initialDelayString = "${certtrail.expiry.first-sweep-after:PT3S}",
            fixedDelayString = "${certtrail.expiry.sweep-interval:PT1M}")
    void sweep() {
        locks.executeWithLock(
                (Runnable) this::eraseWhatIsDue,
                new LockConfiguration(Instant.now(), "erasure-schedule", Duration.ofMinutes(10), Duration.ZERO));
    }

    void eraseWhatIsDue() {
        Instant now = clock.instant();
        for (String accountId : schedule.due(now)) {
            try {
                commands.sendAsSystem(new EraseAccount(accountId, now), ACTOR);
            } catch (RuntimeException e) {
                log.warn("Erasure of an account not done this sweep: {}", e.toString());
            }
        }
    }
}
