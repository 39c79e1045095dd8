package io.certtrail.command.records;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import io.certtrail.command.expiry.HeldCertificationsLink;
import io.certtrail.command.records.RecordCommands.AdoptCertification;
import io.certtrail.command.records.RecordCommands.Outcome;
import io.certtrail.command.records.RecordCommands.RecordCertification;
import io.certtrail.command.records.RecordCommands.RecordExamResult;
import io.certtrail.command.records.RecordCommands.RecordOutcome;
import io.certtrail.command.records.RecordCommands.RecordTraining;
import io.certtrail.command.records.RecordCommands.RevokeCertification;
import io.certtrail.events.records.CertificationEarned;
import io.certtrail.events.records.CertificationNoted.State;
import io.certtrail.events.records.CertificationRecorded;
import io.certtrail.events.records.CertificationRevoked;
import io.certtrail.events.records.ExamResult;
import io.certtrail.events.records.ExamResultRecorded;
import io.certtrail.events.records.TrainingCompletion;
import io.certtrail.events.records.TrainingRecorded;
import io.certtrail.platform.error.DomainException;
import io.certtrail.platform.error.ErrorCode;
import io.certtrail.platform.i18n.Text;
import java.util.Objects;
import java.util.function.IntFunction;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * One record as a sender (training system, exam centre, certification office) keeps it, identified
 * by the sender's own identifier. Sending it again changes nothing; sending it with other content
 * is a correction. Its kind is part of its identifier, so one identifier never changes kind.
 */
@Aggregate
class SourceRecord {

    @AggregateIdentifier
    private String recordId;

    private int revision;
    private Object content;
    private boolean revoked;

    SourceRecord() {
        // for Axon
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    RecordOutcome handle(RecordTraining command) {
        return record(
                command.recordId(),
                command.training(),
                next -> new TrainingRecorded(
                        command.recordId(), next, command.receivedAt(), command.training(), (TrainingCompletion)
                                content));
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    RecordOutcome handle(RecordExamResult command) {
        return record(
                command.recordId(),
                command.exam(),
                next -> new ExamResultRecorded(
                        command.recordId(), next, command.receivedAt(), command.exam(), (ExamResult) content));
    }

    /**
     * A certificate number belongs to one record: sending another record's number is refused and
     * changes nothing; a correction to another number frees the old one, in the same unit of work.
     */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    RecordOutcome handle(RecordCertification command, CertificateNumbers numbers, HeldCertificationsLink held) {
        String number = command.certification().certificateNumber();
        if (!Objects.equals(content, command.certification())) {
            if (numbers.claim(number, command.recordId(), command.receivedAt()) != null) {
                throw new DomainException(
                        ErrorCode.DUPLICATE_CERTIFICATE_NUMBER, Text.of("problem.source-record.1", number));
            }
            if (content instanceof CertificationEarned previous
                    && !previous.certificateNumber().equals(number)) {
                numbers.release(previous.certificateNumber(), command.recordId(), command.receivedAt());
            }
        }
        CertificationEarned previous = (CertificationEarned) content;
        RecordOutcome outcome = record(
                command.recordId(),
                command.certification(),
                next -> new CertificationRecorded(
                        command.recordId(), next, command.receivedAt(), command.certification(), previous));
        if (outcome.outcome() != Outcome.UNCHANGED) {
            if (previous != null
                    && !previous.addressKey().equals(command.certification().addressKey())) {
                held.note(recordId, revision, State.MOVED_AWAY, previous, command.receivedAt());
            }
            held.note(
                    recordId,
                    revision,
                    revoked ? State.REVOKED : State.HELD,
                    command.certification(),
                    command.receivedAt());
        }
        return outcome;
    }

    @CommandHandler
    boolean handle(RevokeCertification command, HeldCertificationsLink held) {
        if (!(content instanceof CertificationEarned certification)) {
            throw new DomainException(ErrorCode.NOT_A_CERTIFICATION, Text.of("problem.source-record.2"));
        }
        if (!revoked) {
            apply(new CertificationRevoked(
                    recordId,
                    certification.certificateNumber(),
                    command.reason(),
                    command.at(),
                    certification.email()));
            held.note(recordId, revision, State.REVOKED, certification, command.at());
            return true;
        }
        return false;
    }

    @CommandHandler
    void handle(AdoptCertification command, HeldCertificationsLink held) {
        if (content instanceof CertificationEarned certification) {
            held.note(recordId, revision, revoked ? State.REVOKED : State.HELD, certification, command.at());
        }
    }

    /** The certificate this record states now, unless it is not a certification or was revoked. */
    CertificationEarned validCertification() {
        return !revoked && content instanceof CertificationEarned certification ? certification : null;
    }

    private RecordOutcome record(String id, Object newContent, IntFunction<Object> event) {
        if (Objects.equals(content, newContent)) {
            return new RecordOutcome(id, Outcome.UNCHANGED, revision);
        }
        Outcome outcome = revision == 0 ? Outcome.RECORDED : Outcome.CORRECTED;
        apply(event.apply(revision + 1));
        return new RecordOutcome(id, outcome, revision);
    }

    @EventSourcingHandler
    void on(TrainingRecorded event) {
        remember(event.recordId(), event.revision(), event.training());
    }

    @EventSourcingHandler
    void on(ExamResultRecorded event) {
        remember(event.recordId(), event.revision(), event.exam());
    }

    @EventSourcingHandler
    void on(CertificationRecorded event) {
        remember(event.recordId(), event.revision(), event.certification());
    }

    @EventSourcingHandler
    void on(CertificationRevoked event) {
        revoked = true;
    }

    private void remember(String id, int newRevision, Object newContent) {
        recordId = id;
        revision = newRevision;
        content = newContent;
    }
}
