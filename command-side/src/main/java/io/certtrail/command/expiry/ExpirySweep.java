package io.certtrail.command.expiry;

import io.certtrail.command.expiry.ExpiryCommands.ReviewExpiry;
import io.certtrail.command.expiry.ExpiryCommands.SendExpiryDigest;
import io.certtrail.command.records.RecordCommands.AdoptCertification;
import io.certtrail.command.support.CommandSender;
import io.certtrail.events.partner.ExpiryDigestDue.Expiring;
import io.certtrail.platform.readmodels.PartnerRosters;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockingTaskExecutor;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Sweeps the {@link ExpirySchedule} (rule 25), the way the automatic approvals sweep theirs: every
 * {@code certtrail.expiry.sweep-interval} and right after start, one instance at a time (a ShedLock
 * lock in MongoDB), it asks each certificate due on the days since the last sweep, and those
 * overdue, with {@link ReviewExpiry}, and takes it off its day. The aggregate states each reminder and each expiry once, so a
 * sweep that runs twice or dies half-way mails nothing twice. A holder who turned reminders off is
 * not asked about (their certificates still expire). From the digest day of each week, it also puts
 * together the partner administrators' digest, once per company and week.
 */
@Component
class ExpirySweep {

    static final String ACTOR = "certtrail-expiry-schedule";
    private static final Duration LOCK_AT_MOST = Duration.ofMinutes(10);
    /** Days a sweep reads again: an entry written while the previous sweep moved on is not missed. */
    private static final int DAYS_AGAIN = 2;

    private static final Logger log = LoggerFactory.getLogger(ExpirySweep.class);

    private final ExpirySchedule schedule;
    private final ExpiryProperties properties;
    private final CommandSender commands;
    private final Clock clock;
    private final LockingTaskExecutor locks;
    private final MongoTemplate mongo;

    ExpirySweep(
            ExpirySchedule schedule,
            ExpiryProperties properties,
            CommandSender commands,
            Clock clock,
            MongoTemplate mongo,
            LockingTaskExecutor locks) {
        this.schedule = schedule;
        this.properties = properties;
        this.commands = commands;
        this.clock = clock;
        this.mongo = mongo;
        this.locks = locks;
    }

    @Scheduled(
            initialDelayString = "${certtrail.expiry.first-sweep-after:PT3S}",
            fixedDelayString = "${certtrail.expiry.sweep-interval:PT1M}")
    void sweep() {
        locks.executeWithLock(
                (Runnable) this::reviewWhatIsDue,
                new LockConfiguration(Instant.now(), "expiry-schedule", LOCK_AT_MOST, Duration.ZERO));
    }

    void reviewWhatIsDue() {
        Instant now = clock.instant();
        adoptOlderRecords(now);
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        LocalDate swept = schedule.lastSwept();
        List<String> days = new ArrayList<>(List.of(ExpirySchedule.OVERDUE));
        LocalDate from = swept == null ? today : swept.minusDays(DAYS_AGAIN);
        for (LocalDate day = from; !day.isAfter(today); day = day.plusDays(1)) {
            days.add(day.toString());
        }
        int asked = 0;
        for (String day : days) {
            List<Document> reviewed = new ArrayList<>();
            for (Document entry : schedule.entriesOf(day)) {
                if (review(entry.getString("h"), entry.getString("r"), today, now)) {
                    reviewed.add(entry);
                }
            }
            schedule.done(day, reviewed); // a failed one stays for the next sweep
            asked += reviewed.size();
        }
        schedule.sweptUpTo(today);
        if (today.getDayOfWeek().compareTo(properties.digestDay()) >= 0) {
            sendDigests(today, now);
        }
        log.debug("Expiry sweep of {} to {}: {} certificates asked about", days.get(1), today, asked);
    }

    /**
     * Certifications recorded before their addresses' certificates were kept join them, a thousand
     * a sweep, so renewals and reminders cover them too (each is taken off once adopted; adopting
     * one already noted changes nothing).
     */
    private void adoptOlderRecords(Instant now) {
        for (String recordId : schedule.toAdopt(1_000)) {
            try {
                commands.sendAsSystem(new AdoptCertification(recordId, now), ACTOR);
                schedule.adopted(recordId);
            } catch (RuntimeException e) {
                log.warn("Adopting {} failed; tried again at the next sweep", recordId, e);
            }
        }
    }

    /**
     * This week's digest for each company that asked for one, put together once a week from the
     * partner view's rosters: every valid certificate of an employee expiring within
     * {@code digest-days}, soonest first.
     */
    private void sendDigests(LocalDate today, Instant now) {
        String week = today.format(DateTimeFormatter.ISO_WEEK_DATE).substring(0, 8);
        LocalDate until = today.plusDays(properties.digestDays());
        for (String company : schedule.digestCompanies()) {
            if (week.equals(schedule.digestWeekOf(company))) {
                continue;
            }
            List<Expiring> expiring = new ArrayList<>();
            for (PartnerRosters.Employee employee : PartnerRosters.employees(mongo, company)) {
                String name = Stream.of(employee.firstName(), employee.lastName())
                        .filter(Objects::nonNull)
                        .collect(Collectors.joining(" "));
                for (PartnerRosters.Held held : employee.certifications()) {
                    if (held.revokedAt() == null
                            && held.expirationDate() != null
                            && !held.expirationDate().isBefore(today)
                            && !held.expirationDate().isAfter(until)) {
                        expiring.add(new Expiring(name, held.certificationName(), held.expirationDate()));
                    }
                }
            }
            expiring.sort(Comparator.comparing(Expiring::expirationDate)
                    .thenComparing(Expiring::employee)
                    .thenComparing(Expiring::certificationName));
            try {
                commands.sendAsSystem(
                        new SendExpiryDigest(
                                ExpiryCommands.digestIdOf(company),
                                company,
                                week,
                                properties.digestDays(),
                                expiring,
                                now),
                        ACTOR);
                schedule.digestDone(company, week);
            } catch (RuntimeException e) {
                log.warn("Expiry digest of {} failed; tried again at the next sweep", company, e);
            }
        }
    }

    private boolean review(String holderId, String recordId, LocalDate today, Instant now) {
        try {
            String addressKey = holderId.substring(holderId.indexOf(':') + 1);
            List<Integer> reminderDays = schedule.remindersOff(addressKey) ? List.of() : properties.reminderDays();
            commands.sendAsSystem(new ReviewExpiry(holderId, recordId, today, reminderDays, now), ACTOR);
            return true;
        } catch (RuntimeException e) {
            log.warn("Expiry review of {} failed; tried again at the next sweep", recordId, e);
            return false;
        }
    }
}
