package io.certtrail.platform.readmodels;

import java.time.LocalDate;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * The exam results that carry one exam registration number (association method 2 links them).
 * The command side reads it ({@code ScoreReportCheck}) to check a score report before it sends the
 * activation mail.
 */
@Document(ExamRegistration.COLLECTION)
public record ExamRegistration(@Id String registrationNumber, List<Exam> exams) {

    public static final String COLLECTION = "exam_registrations";

    public ExamRegistration {
        exams = exams == null ? List.of() : exams;
    }

    public record Exam(String recordId, String addressKey, String firstName, String lastName, LocalDate examDate) {}
}
