package io.certtrail.events.records;

import io.certtrail.events.PersonalData;
import java.time.LocalDate;

/** A course completion as the training system reports it, keyed by the trainee's address. */
public record TrainingCompletion(
        String addressKey,
        @PersonalData String email,
        String courseCode,
        String courseName,
        String provider,
        LocalDate startDate,
        LocalDate endDate,
        String result) {}
