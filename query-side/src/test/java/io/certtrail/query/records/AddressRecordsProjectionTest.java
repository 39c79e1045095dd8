package io.certtrail.query.records;

import static org.assertj.core.api.Assertions.assertThat;

import io.certtrail.events.records.CertificationEarned;
import io.certtrail.events.records.CertificationRecorded;
import io.certtrail.events.records.CertificationRenewed;
import io.certtrail.events.records.ExamResult;
import io.certtrail.events.records.ExamResultRecorded;
import io.certtrail.platform.readmodels.AddressRecords;
import io.certtrail.platform.readmodels.ExamRegistration;
import io.certtrail.query.account.MyEmailAddresses;
import io.certtrail.query.account.MyEmailAddresses.Status;
import io.certtrail.query.support.MongoWireServer;
import io.certtrail.query.support.ReadModelWait;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.data.mongodb.core.MongoTemplate;

class AddressRecordsProjectionTest {

    @RegisterExtension
    static final MongoWireServer MONGO = new MongoWireServer();

    private static final Instant T0 = Instant.parse("2026-03-01T09:00:00Z");

    private MongoTemplate mongo;
    private AddressRecordsProjection projection;
    private HolderRecords holders;

    @BeforeEach
    void setUp() {
        mongo = MONGO.freshDatabase();
        projection = new AddressRecordsProjection(mongo);
        holders = new HolderRecords(mongo, new ReadModelWait(java.time.Duration.ofSeconds(1)));
    }

    private static ExamResult exam(String addressKey, String registration, int score) {
        return new ExamResult(
                addressKey,
                addressKey + "@example.com",
                registration,
                "Wan",
                "Li",
                "H12-811",
                "HCIA-Datacom",
                LocalDate.parse("2026-02-20"),
                score,
                true);
    }

    private AddressRecords at(String addressKey) {
        return mongo.findById(addressKey, AddressRecords.class);
    }

    private static CertificationRenewed renewal(String to, CertificationRenewed.RenewalRule rule) {
        return new CertificationRenewed(
                "HELD:a1",
                "a1",
                "CERT:1",
                "0101",
                "HCIA-Datacom",
                LocalDate.parse("2029-02-21"),
                LocalDate.parse(to),
                rule,
                "CERT:2",
                "0202",
                "HCIP-Datacom",
                T0);
    }

    private static CertificationRecorded associate(String expiration) {
        return new CertificationRecorded(
                "CERT:1",
                1,
                T0,
                new CertificationEarned(
                        "a1",
                        "a1@example.com",
                        "HCIA-Datacom",
                        "0101",
                        LocalDate.parse("2026-02-21"),
                        LocalDate.parse(expiration),
                        true),
                null);
    }

    @Test
    void aRenewalHoldsOverTheRecordsOwnDateWhicheverArrivesFirstUntilItIsWithdrawn() {
        projection.on(renewal("2031-01-31", CertificationRenewed.RenewalRule.HIGHER_LEVEL));
        projection.on(associate("2029-02-21"));
        assertThat(at("a1").certifications())
                .singleElement()
                .satisfies(c -> assertThat(c.certification().expirationDate()).isEqualTo("2031-01-31"));
        // read as the holder's views read it (only the certificates and their renewals)
        mongo.save(new MyEmailAddresses("acct-1", 1, List.of(entry("a1", Status.ACTIVE, null)), false));
        assertThat(holders.certificationsOf("acct-1", java.util.Optional.empty()))
                .singleElement()
                .satisfies(c -> assertThat(c.certification().expirationDate()).isEqualTo("2031-01-31"));

        projection.on(renewal("2029-02-21", CertificationRenewed.RenewalRule.CAUSE_WITHDRAWN));
        assertThat(at("a1").certifications())
                .singleElement()
                .satisfies(c -> assertThat(c.certification().expirationDate()).isEqualTo("2029-02-21"));
        assertThat(at("a1").renewals()).hasSize(1);
    }

    @Test
    void recordsAreFiledUnderTheirAddressEvenBeforeAnyoneAssociatesIt() {
        projection.on(new ExamResultRecorded("EXAM:1", 1, T0, exam("a1", "REG-1", 800), null));
        projection.on(new CertificationRecorded(
                "CERT:1",
                1,
                T0,
                new CertificationEarned(
                        "a1",
                        "a1@example.com",
                        "HCIA-Datacom",
                        "0101",
                        LocalDate.parse("2026-02-21"),
                        LocalDate.parse("2029-02-21"),
                        true),
                null));
        assertThat(at("a1").exams())
                .singleElement()
                .satisfies(e -> assertThat(e.exam().score()).isEqualTo(800));
        assertThat(at("a1").certifications())
                .singleElement()
                .satisfies(c -> assertThat(c.certification().expirationDate()).isEqualTo("2029-02-21"));
        assertThat(mongo.findById("REG-1", ExamRegistration.class).exams())
                .singleElement()
                .satisfies(e -> assertThat(e.examDate()).isEqualTo("2026-02-20"));
    }

    @Test
    void aCorrectionReplacesTheEarlierVersionAndTheHistoryDeliveredAgainLeavesTheSameState() {
        ExamResultRecorded first = new ExamResultRecorded("EXAM:1", 1, T0, exam("a1", "REG-1", 800), null);
        ExamResultRecorded corrected =
                new ExamResultRecorded("EXAM:1", 2, T0, exam("a1", "REG-1", 900), exam("a1", "REG-1", 800));
        projection.on(first);
        projection.on(corrected);
        projection.on(first);
        projection.on(corrected);
        assertThat(at("a1").exams()).singleElement().satisfies(e -> {
            assertThat(e.exam().score()).isEqualTo(900);
            assertThat(e.revision()).isEqualTo(2);
        });
        assertThat(mongo.findById("REG-1", ExamRegistration.class).exams()).hasSize(1);
    }

    @Test
    void anEventDeliveredTwiceIsFiledOnce() {
        ExamResultRecorded event = new ExamResultRecorded("EXAM:1", 1, T0, exam("a1", "REG-1", 800), null);
        projection.on(event);
        projection.on(event);
        assertThat(at("a1").exams()).hasSize(1);
        assertThat(mongo.findById("REG-1", ExamRegistration.class).exams()).hasSize(1);
    }

    @Test
    void aCorrectionToAnotherAddressAndRegistrationMovesTheRecord() {
        projection.on(new ExamResultRecorded("EXAM:1", 1, T0, exam("a1", "REG-1", 800), null));
        projection.on(new ExamResultRecorded("EXAM:1", 2, T0, exam("a2", "REG-2", 800), exam("a1", "REG-1", 800)));
        assertThat(at("a1").exams()).isEmpty();
        assertThat(at("a2").exams()).hasSize(1);
        assertThat(mongo.findById("REG-1", ExamRegistration.class).exams()).isEmpty();
        assertThat(mongo.findById("REG-2", ExamRegistration.class).exams()).hasSize(1);
    }

    @Test
    void aHolderSeesOnlyRecordsOfAddressesActiveOnTheirAccountPlusTheirScoreReportsExams() {
        projection.on(new ExamResultRecorded("EXAM:1", 1, T0, exam("mine", "REG-1", 800), null));
        projection.on(new ExamResultRecorded("EXAM:2", 1, T0, exam("pending", "REG-2", 700), null));
        projection.on(new ExamResultRecorded("EXAM:3", 1, T0, exam("elsewhere", "REG-3", 600), null));
        projection.on(new ExamResultRecorded("EXAM:4", 1, T0, exam("someone-else", "REG-4", 500), null));
        mongo.save(new MyEmailAddresses(
                "acct-1",
                4,
                List.of(
                        entry("mine", Status.ACTIVE, null),
                        entry("pending", Status.PENDING_ACTIVATION, null),
                        entry("report-address", Status.ACTIVE, "REG-3")),
                false));

        assertThat(holders.of("acct-1", java.util.Optional.empty()).exams())
                .extracting(AddressRecords.ExamEntry::recordId)
                .containsExactlyInAnyOrder("EXAM:1", "EXAM:3");
        assertThat(holders.of("acct-unknown", java.util.Optional.empty()).exams())
                .isEmpty();
    }

    private static MyEmailAddresses.Entry entry(String key, Status status, String registrationNumber) {
        return new MyEmailAddresses.Entry(
                key,
                key + "@example.com",
                status,
                registrationNumber == null ? "EMAIL" : "SCORE_REPORT",
                T0,
                null,
                status == Status.ACTIVE ? T0 : null,
                null,
                registrationNumber,
                null);
    }
}
