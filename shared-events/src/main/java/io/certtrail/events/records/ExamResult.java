package io.certtrail.events.records;

import io.certtrail.events.PersonalData;
import java.time.LocalDate;

/** An exam result as the exam centre reports it, keyed by the candidate's address. */
public record ExamResult(
        String addressKey,
        @PersonalData String email,
        String registrationNumber,
        @PersonalData String candidateFirstName,
        @PersonalData String candidateLastName,
        String examCode,
        String examName,
        LocalDate examDate,
        int score,
        boolean passed) {}
