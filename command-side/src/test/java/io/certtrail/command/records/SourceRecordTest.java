package io.certtrail.command.records;

import static io.certtrail.command.support.DomainErrors.withCode;

import io.certtrail.command.expiry.HeldCertificationsLink;
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
import io.certtrail.platform.error.ErrorCode;
import java.time.Instant;
import java.time.LocalDate;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SourceRecordTest {

    private static final Instant T0 = Instant.parse("2026-03-01T09:00:00Z");
    private static final Instant T1 = T0.plusSeconds(3600);
    private static final ExamResult EXAM = new ExamResult(
            "addr_1",
            "li@example.com",
            "REG-1",
            "Wan",
            "Li",
            "H12-811",
            "HCIA-Datacom",
            LocalDate.parse("2026-02-20"),
            876,
            true);
    private static final ExamResult EXAM_CORRECTED = new ExamResult(
            "addr_1",
            "li@example.com",
            "REG-1",
            "Wan",
            "Li",
            "H12-811",
            "HCIA-Datacom",
            LocalDate.parse("2026-02-20"),
            900,
            true);

    private AggregateTestFixture<SourceRecord> fixture;
    /** Certificate number to the record that holds it, as the number aggregates would say. */
    private final java.util.Map<String, String> numbers = new java.util.HashMap<>();
    /** What the records told their addresses' certificates, in order. */
    private final java.util.List<String> noted = new java.util.ArrayList<>();

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(SourceRecord.class);
        fixture.registerInjectableResource(new CertificateNumbers() {
            @Override
            public String claim(String certificateNumber, String recordId, Instant at) {
                String holder = numbers.putIfAbsent(certificateNumber, recordId);
                return holder == null || holder.equals(recordId) ? null : holder;
            }

            @Override
            public void release(String certificateNumber, String recordId, Instant at) {
                numbers.remove(certificateNumber, recordId);
            }
        });
        fixture.registerInjectableResource(new HeldCertificationsLink() {
            @Override
            public void note(String recordId, int revision, State state, CertificationEarned earned, Instant at) {
                noted.add(recordId + " " + revision + " " + state + " " + earned.addressKey());
            }

            @Override
            public LocalDate expirationDate(String recordId, CertificationEarned earned) {
                return earned.expirationDate();
            }
        });
    }

    @Test
    void aCertificateNumberAnotherRecordStatesIsRefusedAndNothingIsRecorded() {
        numbers.put(CERT.certificateNumber(), "CERT:other");
        fixture.givenNoPriorActivity()
                .when(new RecordCertification("CERT:1", CERT, T0))
                .expectNoEvents()
                .expectException(withCode(ErrorCode.DUPLICATE_CERTIFICATE_NUMBER));
    }

    @Test
    void aCorrectionToAnotherNumberClaimsTheNewAndFreesTheOld() {
        numbers.put(CERT.certificateNumber(), "CERT:1");
        CertificationEarned renumbered = new CertificationEarned(
                "addr_1",
                "li@example.com",
                "HCIA-Datacom",
                "0101001011938060699",
                CERT.effectiveDate(),
                CERT.expirationDate(),
                true);
        fixture.given(new CertificationRecorded("CERT:1", 1, T0, CERT, null))
                .when(new RecordCertification("CERT:1", renumbered, T1))
                .expectEvents(new CertificationRecorded("CERT:1", 2, T1, renumbered, CERT));
        org.assertj.core.api.Assertions.assertThat(numbers)
                .containsExactly(java.util.Map.entry("0101001011938060699", "CERT:1"));
    }

    @Test
    void aCertificationTellsItsAddressOfEachChangeAndOfAMoveToAnotherAddress() {
        CertificationEarned moved = new CertificationEarned(
                "addr_2",
                "wan@example.com",
                CERT.certificationName(),
                CERT.certificateNumber(),
                CERT.effectiveDate(),
                CERT.expirationDate(),
                true);
        fixture.givenNoPriorActivity()
                .when(new RecordCertification("CERT:1", CERT, T0))
                .expectSuccessfulHandlerExecution();
        fixture.given(new CertificationRecorded("CERT:1", 1, T0, CERT, null))
                .when(new RecordCertification("CERT:1", CERT, T1))
                .expectNoEvents();
        fixture.given(new CertificationRecorded("CERT:1", 1, T0, CERT, null))
                .when(new RecordCertification("CERT:1", moved, T1))
                .expectSuccessfulHandlerExecution();
        fixture.given(new CertificationRecorded("CERT:1", 1, T0, CERT, null))
                .when(new RevokeCertification("CERT:1", "Issued in error", T1))
                .expectSuccessfulHandlerExecution();
        org.assertj.core.api.Assertions.assertThat(noted)
                .containsExactly(
                        "CERT:1 1 HELD addr_1",
                        "CERT:1 2 MOVED_AWAY addr_1",
                        "CERT:1 2 HELD addr_2",
                        "CERT:1 1 REVOKED addr_1");
    }

    @Test
    void anExamRecordIsNotAdopted() {
        fixture.given(new ExamResultRecorded("EXAM:1", 1, T0, EXAM, null))
                .when(new RecordCommands.AdoptCertification("EXAM:1", T1))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
        org.assertj.core.api.Assertions.assertThat(noted).isEmpty();
    }

    @Test
    void anOlderCertificationIsAdoptedByItsAddressWithItsState() {
        fixture.given(new CertificationRecorded("CERT:1", 1, T0, CERT, null))
                .when(new RecordCommands.AdoptCertification("CERT:1", T1))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
        fixture.given(
                        new CertificationRecorded("CERT:1", 1, T0, CERT, null),
                        new CertificationRevoked("CERT:1", CERT.certificateNumber(), "Annulled", T0, CERT.email()))
                .when(new RecordCommands.AdoptCertification("CERT:1", T1))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
        org.assertj.core.api.Assertions.assertThat(noted)
                .containsExactly("CERT:1 1 HELD addr_1", "CERT:1 1 REVOKED addr_1");
    }

    @Test
    void aNewRecordIsRecordedAsRevisionOne() {
        fixture.givenNoPriorActivity()
                .when(new RecordExamResult("EXAM:1", EXAM, T0))
                .expectEvents(new ExamResultRecorded("EXAM:1", 1, T0, EXAM, null))
                .expectResultMessagePayload(new RecordOutcome("EXAM:1", Outcome.RECORDED, 1));
    }

    @Test
    void sendingTheSameRecordAgainChangesNothing() {
        fixture.given(new ExamResultRecorded("EXAM:1", 1, T0, EXAM, null))
                .when(new RecordExamResult("EXAM:1", EXAM, T1))
                .expectNoEvents()
                .expectResultMessagePayload(new RecordOutcome("EXAM:1", Outcome.UNCHANGED, 1));
    }

    @Test
    void otherContentIsACorrectionThatKeepsTheEarlierRevisionInTheHistory() {
        fixture.given(new ExamResultRecorded("EXAM:1", 1, T0, EXAM, null))
                .when(new RecordExamResult("EXAM:1", EXAM_CORRECTED, T1))
                .expectEvents(new ExamResultRecorded("EXAM:1", 2, T1, EXAM_CORRECTED, EXAM))
                .expectResultMessagePayload(new RecordOutcome("EXAM:1", Outcome.CORRECTED, 2));
    }

    @Test
    void resendingTheEarlierVersionAfterACorrectionIsACorrectionToo() {
        fixture.given(
                        new ExamResultRecorded("EXAM:1", 1, T0, EXAM, null),
                        new ExamResultRecorded("EXAM:1", 2, T0, EXAM_CORRECTED, EXAM))
                .when(new RecordExamResult("EXAM:1", EXAM, T1))
                .expectEvents(new ExamResultRecorded("EXAM:1", 3, T1, EXAM, EXAM_CORRECTED));
    }

    @Test
    void aTrainingCompletionIsRecorded() {
        TrainingCompletion training = new TrainingCompletion(
                "addr_1",
                "li@example.com",
                "DC-101",
                "Datacom basics",
                "Academy",
                LocalDate.parse("2026-01-05"),
                LocalDate.parse("2026-01-09"),
                "COMPLETED");
        fixture.givenNoPriorActivity()
                .when(new RecordTraining("TRAINING:1", training, T0))
                .expectEvents(new TrainingRecorded("TRAINING:1", 1, T0, training, null));
    }

    @Test
    void aCertificationSentAgainChangesNothing() {
        CertificationEarned certification = new CertificationEarned(
                "addr_1",
                "li@example.com",
                "HCIA-Datacom",
                "0101001011938060621",
                LocalDate.parse("2026-02-21"),
                LocalDate.parse("2029-02-21"),
                false);
        fixture.given(new CertificationRecorded("CERT:1", 1, T0, certification, null))
                .when(new RecordCertification("CERT:1", certification, T1))
                .expectNoEvents()
                .expectResultMessagePayload(new RecordOutcome("CERT:1", Outcome.UNCHANGED, 1));
    }

    private static final CertificationEarned CERT = new CertificationEarned(
            "addr_1",
            "li@example.com",
            "HCIA-Datacom",
            "0101001011938060621",
            LocalDate.parse("2026-02-20"),
            LocalDate.parse("2029-02-20"),
            true);

    @Test
    void revokingACertificateRecordsItOnceAndTheSecondTimeChangesNothing() {
        fixture.given(new CertificationRecorded("CERT:1", 1, T0, CERT, null))
                .when(new RevokeCertification("CERT:1", "Obtained by fraud", T1))
                .expectEvents(new CertificationRevoked(
                        "CERT:1", CERT.certificateNumber(), "Obtained by fraud", T1, CERT.email()))
                .expectResultMessagePayload(true);
        fixture.given(
                        new CertificationRecorded("CERT:1", 1, T0, CERT, null),
                        new CertificationRevoked(
                                "CERT:1", CERT.certificateNumber(), "Obtained by fraud", T1, CERT.email()))
                .when(new RevokeCertification("CERT:1", "Again", T1.plusSeconds(60)))
                .expectNoEvents()
                .expectResultMessagePayload(false);
    }

    @Test
    void onlyACertificationCanBeRevoked() {
        fixture.given(new ExamResultRecorded("EXAM:1", 1, T0, EXAM, null))
                .when(new RevokeCertification("EXAM:1", "No", T1))
                .expectNoEvents()
                .expectException(io.certtrail.command.support.DomainErrors.withCode(ErrorCode.NOT_A_CERTIFICATION));
    }
}
