package io.certtrail.command.records;

import io.certtrail.events.account.ScoreReport;
import io.certtrail.platform.privacy.PersonNames;
import io.certtrail.platform.readmodels.ExamRegistration;
import io.certtrail.platform.time.WorkingDays;
import java.time.LocalDate;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * Rule 3: association by score report is possible from one working day after the exam, for a
 * score report that matches an exam result we hold (registration number and candidate name).
 * Reads the query side's {@link ExamRegistration} view (one document per registration number, by
 * {@code _id}): results arrive long before the working day has passed, so its lag does not matter.
 */
@Component
public class ScoreReportCheck {

    private final MongoTemplate mongo;

    ScoreReportCheck(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    public boolean matches(ScoreReport report, LocalDate today) {
        ExamRegistration registration = mongo.findById(report.registrationNumber(), ExamRegistration.class);
        if (registration == null) {
            return false;
        }
        return registration.exams().stream()
                .anyMatch(exam ->
                        PersonNames.samePerson(report.firstName(), report.lastName(), exam.firstName(), exam.lastName())
                                && exam.examDate() != null
                                && !today.isBefore(WorkingDays.next(exam.examDate())));
    }
}
