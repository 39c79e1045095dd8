package io.certtrail.command.mail;

import io.certtrail.events.partner.ExpiryDigestDue;
import io.certtrail.events.records.ExpiryReminderDue;
import io.certtrail.platform.axon.ProcessingGroups;
import io.certtrail.platform.i18n.Language;
import io.certtrail.platform.i18n.Text;
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

    private final MailLanguages languages;

    ExpiryMailer(Notices notices, MailLanguages languages) {
        this.notices = notices;
        this.languages = languages;
    }

    /** One line per certificate, soonest first: the administrator's company's employees only. */
    @EventHandler
    @DisallowReplay
    void on(ExpiryDigestDue event) {
        Language language = languages.ofAccount(event.adminAccountId());
        java.util.Locale locale = language.locale();
        StringBuilder lines = new StringBuilder();
        for (ExpiryDigestDue.Expiring c : event.certificates()) {
            lines.append("- ")
                    .append(c.expirationDate())
                    .append("  ")
                    .append(c.certificationName())
                    .append("  ")
                    .append(
                            c.employee().isBlank()
                                    ? Text.of("mail.digest.no-name").in(locale)
                                    : c.employee())
                    .append('\n');
        }
        int count = event.certificates().size();
        notices.sendOnce(
                "expiry-digest:" + event.companyId() + ":" + event.week() + ":" + event.adminAccountId(),
                event.dueAt(),
                event.email(),
                language,
                count == 1
                        ? Text.of("mail.digest.subject.one", event.withinDays(), event.week())
                        : Text.of("mail.digest.subject", count, event.withinDays(), event.week()),
                Text.of("mail.digest", event.withinDays(), lines));
    }

    @EventHandler
    @DisallowReplay
    void on(ExpiryReminderDue event) {
        Language language = languages.ofAddress(event.email());
        java.util.Locale locale = language.locale();
        String renews = event.track() == null
                ? Text.of("mail.reminder.renews", event.certificationName()).in(locale)
                : Text.of("mail.reminder.renews.track", event.certificationName(), event.track())
                        .in(locale);
        String when = (event.daysLeft() == 0
                        ? Text.of("mail.reminder.when.today", event.expirationDate())
                        : event.daysLeft() == 1
                                ? Text.of("mail.reminder.when.one-day", event.expirationDate())
                                : Text.of("mail.reminder.when.days", event.daysLeft(), event.expirationDate()))
                .in(locale);
        notices.sendOnce(
                "expiry-reminder:" + event.recordId() + ":" + event.expirationDate() + ":" + event.reminderDay(),
                event.dueAt(),
                event.email(),
                language,
                Text.of("mail.reminder.subject", event.certificationName(), when),
                Text.of("mail.reminder", event.certificationName(), event.certificateNumber(), when, renews));
    }
}
