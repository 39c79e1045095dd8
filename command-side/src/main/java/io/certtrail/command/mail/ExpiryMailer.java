package io.certtrail.command.mail;

import io.certtrail.events.partner.ExpiryDigestDue;
import io.certtrail.events.records.ExpiryReminderDue;
import io.certtrail.platform.axon.ProcessingGroups;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.stereotype.Component;

/**
 * Reminds holders before a certificate expires (rule 25), saying what renews it and how to stop
 * the reminders, and sends partner administrators their weekly digest. Never on replay, and once per reminder ({@link Notices}).
 */
@Component
@ProcessingGroup(ProcessingGroups.MAIL)
class ExpiryMailer {

    private final Notices notices;

    ExpiryMailer(Notices notices) {
        this.notices = notices;
    }

    /** One line per certificate, soonest first: the administrator's company's employees only. */
    @EventHandler
    @DisallowReplay
    void on(ExpiryDigestDue event) {
        StringBuilder lines = new StringBuilder();
        for (ExpiryDigestDue.Expiring c : event.certificates()) {
            lines.append("- ")
                    .append(c.expirationDate())
                    .append("  ")
                    .append(c.certificationName())
                    .append("  ")
                    .append(c.employee().isBlank() ? "(no name given)" : c.employee())
                    .append('\n');
        }
        notices.sendOnce(
                "expiry-digest:" + event.companyId() + ":" + event.week() + ":" + event.adminAccountId(),
                event.dueAt(),
                event.email(),
                (event.certificates().size() == 1
                                ? "1 certificate of your employees expires in the next %2$d days (%3$s)"
                                : "%1$d certificates of your employees expire in the next %2$d days (%3$s)")
                        .formatted(event.certificates().size(), event.withinDays(), event.week()),
                ("These certificates of your company's employees expire in the next %d days:\n\n%s\n"
                                + "Passing the same certification again, or a higher level of its track, renews a"
                                + " certificate. The partner view in CertTrail lists them too (filter: expires within"
                                + " %d days). You get this digest once a week; turn it off there.")
                        .formatted(event.withinDays(), lines, event.withinDays()));
    }

    @EventHandler
    @DisallowReplay
    void on(ExpiryReminderDue event) {
        String renews = event.track() == null
                ? "Passing %s again renews it.".formatted(event.certificationName())
                : ("Passing %s again renews it, and so does passing a higher level of the %s track while it is"
                                + " still valid.")
                        .formatted(event.certificationName(), event.track());
        String when = event.daysLeft() == 0
                ? "today, " + event.expirationDate()
                : "in %d day%s, on %s"
                        .formatted(event.daysLeft(), event.daysLeft() == 1 ? "" : "s", event.expirationDate());
        notices.sendOnce(
                "expiry-reminder:" + event.recordId() + ":" + event.expirationDate() + ":" + event.reminderDay(),
                event.dueAt(),
                event.email(),
                "Your certificate %s expires %s".formatted(event.certificationName(), when),
                ("Your certificate %s (%s) expires %s. After that day it is no longer valid: public verification"
                                + " shows it as expired and it can no longer be downloaded.\n\n%s\n\n"
                                + "You no longer want these reminders? Turn them off under your e-mail addresses in"
                                + " CertTrail.")
                        .formatted(event.certificationName(), event.certificateNumber(), when, renews));
    }
}
