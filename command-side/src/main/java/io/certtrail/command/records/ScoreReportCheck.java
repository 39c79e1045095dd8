package io.certtrail.command.records;

import io.certtrail.platform.time.WorkingDays;
import io.certtrail.events.account.ScoreReport;
import io.certtrail.platform.privacy.PersonNames;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * Rule 3: association by score report is possible from one working day after the exam, for a
 * score report that matches an exam result we hold (registration number and candidate name).
 * Reads the query side's {@code exam_registrations} view (one document per registration number,
 * by {@code _id}): results arrive long before the working day has passed, so its lag does not matter.
 */
@Component
public class ScoreReportCheck {

    static final String COLLECTION = "exam_registrations";

    private final MongoTemplate mongo;

    ScoreReportCheck(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    public boolean matches(ScoreReport report, LocalDate today) {
        Document registration = mongo.findById(report.registrationNumber(), Document.class, COLLECTION);
        if (registration == null) {
            return false;
        }
        List<Document> exams = registration.getList("exams", Document.class, List.of());
        return exams.stream().anyMatch(exam -> PersonNames.samePerson(report.firstName(), report.lastName(),
                exam.getString("firstName"), exam.getString("lastName"))
                && !today.isBefore(WorkingDays.next(examDate(exam))));
    }

    // Spring Data stores a LocalDate as a Date at the start of that day in the JVM's zone; read it back alike.
    private static LocalDate examDate(Document exam) {
        Object value = exam.get("examDate");
        return value instanceof Date date ? date.toInstant().atZone(ZoneId.systemDefault()).toLocalDate()
                : LocalDate.MAX;
    }
}
