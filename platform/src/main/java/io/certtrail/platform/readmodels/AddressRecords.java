package io.certtrail.platform.readmodels;

import io.certtrail.events.records.CertificationEarned;
import io.certtrail.events.records.ExamResult;
import io.certtrail.events.records.TrainingCompletion;
import java.time.Instant;
import java.time.LocalDate;
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
        List<CertificationEntry> certifications,
        List<Renewal> renewals) {

    public static final String COLLECTION = "address_records";

    /**
     * Certifications carry the expiration date that holds: a renewal's (rule 24), when it is later
     * than the record's own. The renewals are kept apart from the records (each list is written by
     * the events of its own aggregate), so the order the two arrive in does not matter.
     */
    public AddressRecords {
        trainings = trainings == null ? List.of() : trainings;
        exams = exams == null ? List.of() : exams;
        renewals = renewals == null ? List.of() : renewals;
        certifications = certifications == null ? List.of() : renewed(certifications, renewals);
    }

    private static List<CertificationEntry> renewed(List<CertificationEntry> certifications, List<Renewal> renewals) {
        if (renewals.isEmpty()) {
            return certifications;
        }
        return certifications.stream()
                .map(entry -> renewals.stream()
                        .filter(r -> r.recordId().equals(entry.recordId()))
                        .findFirst()
                        .map(r -> entry.renewedTo(r.expirationDate()))
                        .orElse(entry))
                .toList();
    }

    public record TrainingEntry(String recordId, int revision, Instant receivedAt, TrainingCompletion training) {}

    public record ExamEntry(String recordId, int revision, Instant receivedAt, ExamResult exam) {}

    public record CertificationEntry(
            String recordId, int revision, Instant receivedAt, CertificationEarned certification) {

        CertificationEntry renewedTo(LocalDate date) {
            CertificationEarned c = certification;
            if (date == null || c.expirationDate() == null || !date.isAfter(c.expirationDate())) {
                return this;
            }
            return new CertificationEntry(
                    recordId,
                    revision,
                    receivedAt,
                    new CertificationEarned(
                            c.addressKey(),
                            c.email(),
                            c.certificationName(),
                            c.certificateNumber(),
                            c.effectiveDate(),
                            date,
                            c.renewal()));
        }
    }

    /** The date a renewal set for a certificate, the latest renewal's. */
    public record Renewal(String recordId, LocalDate expirationDate) {}
}
