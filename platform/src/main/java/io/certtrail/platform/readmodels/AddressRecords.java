package io.certtrail.platform.readmodels;

import io.certtrail.events.records.CertificationEarned;
import io.certtrail.events.records.ExamResult;
import io.certtrail.events.records.TrainingCompletion;
import java.time.Instant;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * Every record sent to one address, whoever holds the address (or nobody yet): one document per
 * address, fetched by {@code _id}. A holder's views join the documents of the addresses active on
 * their account at read time, so records follow an address the moment it moves. The command side
 * reads its exams' candidate names ({@code PrintedNamesFromRecords}).
 */
@Document(AddressRecords.COLLECTION)
public record AddressRecords(
        @Id String addressKey,
        List<TrainingEntry> trainings,
        List<ExamEntry> exams,
        List<CertificationEntry> certifications) {

    public static final String COLLECTION = "address_records";

    public AddressRecords {
        trainings = trainings == null ? List.of() : trainings;
        exams = exams == null ? List.of() : exams;
        certifications = certifications == null ? List.of() : certifications;
    }

    public record TrainingEntry(String recordId, int revision, Instant receivedAt, TrainingCompletion training) {}

    public record ExamEntry(String recordId, int revision, Instant receivedAt, ExamResult exam) {}

    public record CertificationEntry(
            String recordId, int revision, Instant receivedAt, CertificationEarned certification) {}
}
