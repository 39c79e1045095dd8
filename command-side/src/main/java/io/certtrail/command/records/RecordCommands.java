package io.certtrail.command.records;

import io.certtrail.events.records.CertificationEarned;
import io.certtrail.events.records.ExamResult;
import io.certtrail.events.records.TrainingCompletion;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Commands of {@link SourceRecord}: one record as its sender describes it now. */
public final class RecordCommands {

    private RecordCommands() {}

    public record RecordTraining(
            @TargetAggregateIdentifier String recordId, TrainingCompletion training, Instant receivedAt) {}

    public record RecordExamResult(
            @TargetAggregateIdentifier String recordId, ExamResult exam, Instant receivedAt) {}

    public record RecordCertification(
            @TargetAggregateIdentifier String recordId, CertificationEarned certification, Instant receivedAt) {}

    /** The certification office withdraws a certificate; revoking it again changes nothing. */
    public record RevokeCertification(
            @TargetAggregateIdentifier String recordId, String reason, Instant at) {}

    /**
     * A certification recorded before its address's certificates were kept (rule 24) joins them:
     * the expiry schedule sends it once for each such record; for any other it changes nothing.
     */
    public record AdoptCertification(
            @TargetAggregateIdentifier String recordId, Instant at) {}

    public enum Outcome {
        /** First seen: revision 1. */
        RECORDED,
        /** Seen before with other content: the new revision replaces the old, which stays in the history. */
        CORRECTED,
        /** Seen before with the same content: nothing changed. */
        UNCHANGED
    }

    public record RecordOutcome(String recordId, Outcome outcome, int revision) {}
}
