package io.certtrail.query.certificate;

import static org.assertj.core.api.Assertions.assertThat;

import io.certtrail.events.certificate.CertificateApplied;
import io.certtrail.events.certificate.CertificateApproved;
import io.certtrail.events.certificate.CertificateFormat;
import io.certtrail.events.certificate.MailingInformation;
import io.certtrail.events.certificate.MailingInformationChanged;
import io.certtrail.events.certificate.PackageShipped;
import io.certtrail.events.records.CertificationEarned;
import io.certtrail.events.records.CertificationRecorded;
import io.certtrail.events.records.CertificationRevoked;
import io.certtrail.query.certificate.CertificateApplications.Status;
import io.certtrail.query.support.MongoWireServer;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.data.mongodb.core.MongoTemplate;

class CertificateProjectionsTest {

    @RegisterExtension
    static final MongoWireServer MONGO = new MongoWireServer();

    private static final String ACCOUNT = "acct-1";
    private static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");
    private static final CertificationEarned EARNED = new CertificationEarned(
            "addr_1",
            "li@example.com",
            "HCIA-Datacom",
            "0101001011938060621",
            LocalDate.parse("2026-02-27"),
            LocalDate.parse("2029-02-27"),
            true);
    private static final MailingInformation HOME = new MailingInformation("李瑞瑞", "+86 139", "1 Bantian Road");

    private MongoTemplate mongo;
    private CertificateApplicationsProjection applications;
    private CertificateRegisterProjection register;

    @BeforeEach
    void setUp() {
        mongo = MONGO.freshDatabase();
        applications = new CertificateApplicationsProjection(mongo);
        register = new CertificateRegisterProjection(mongo);
    }

    private static CertificateApplied applied(String applicationId, CertificateFormat format) {
        return new CertificateApplied(
                applicationId,
                ACCOUNT,
                "CERT:C-1",
                EARNED.certificateNumber(),
                "HCIA-Datacom",
                EARNED.effectiveDate(),
                EARNED.expirationDate(),
                "addr_1",
                "li@example.com",
                format,
                "李瑞瑞",
                "+86 139",
                format == CertificateFormat.PAPER ? HOME : null,
                "2026-01",
                LocalDate.parse("2026-03-02"),
                T0,
                false);
    }

    private CertificateApplications.Application application(String id) {
        return mongo.findById(ACCOUNT, CertificateApplications.class).find(id).orElseThrow();
    }

    @Test
    void aPaperApplicationFollowsItsMailingChangesAndShipment() {
        applications.on(applied("app:1", CertificateFormat.PAPER), 0);
        MailingInformation office = new MailingInformation("李瑞瑞", "+86 139", "2 Jiaxian Road");
        applications.on(new MailingInformationChanged("app:1", ACCOUNT, office, T0.plusSeconds(60)), 1);
        applications.on(
                new PackageShipped(
                        "app:1",
                        ACCOUNT,
                        EARNED.certificateNumber(),
                        "SF Express",
                        "SF1",
                        "li@x.io",
                        T0.plusSeconds(120),
                        null),
                2);

        CertificateApplications.Application paper = application("app:1");
        assertThat(paper.status()).isEqualTo(Status.SHIPPED);
        assertThat(paper.mailing()).isEqualTo(office);
        assertThat(paper.expressOrderNumber()).isEqualTo("SF1");
        assertThat(paper.version()).isEqualTo(2);
    }

    @Test
    void anApprovedPaperApplicationWaitsInLogisticsQueueUntilItIsShipped() {
        applications.on(applied("app:1", CertificateFormat.PAPER), 0);
        assertThat(mongo.findAll(ShipmentQueue.class)).isEmpty(); // not approved yet
        applications.on(
                new CertificateApproved(
                        "app:1",
                        ACCOUNT,
                        EARNED.certificateNumber(),
                        true,
                        T0,
                        "li@example.com",
                        CertificateFormat.PAPER),
                1);
        MailingInformation office = new MailingInformation("李瑞瑞", "+86 139", "2 Jiaxian Road");
        applications.on(new MailingInformationChanged("app:1", ACCOUNT, office, T0.plusSeconds(60)), 2);
        assertThat(mongo.findAll(ShipmentQueue.class)).singleElement().satisfies(entry -> {
            assertThat(entry.applicationId()).isEqualTo("app:1");
            assertThat(entry.mailing()).isEqualTo(office);
            assertThat(entry.approvedAt()).isEqualTo(T0);
            assertThat(entry.printedName()).isEqualTo("李瑞瑞");
        });
        applications.on(
                new PackageShipped(
                        "app:1",
                        ACCOUNT,
                        EARNED.certificateNumber(),
                        "SF Express",
                        "SF1",
                        "li@x.io",
                        T0.plusSeconds(120),
                        null),
                3);
        assertThat(mongo.findAll(ShipmentQueue.class)).isEmpty();
        // handled again in order (a replay): the same end
        applications.on(
                new CertificateApproved(
                        "app:1",
                        ACCOUNT,
                        EARNED.certificateNumber(),
                        true,
                        T0,
                        "li@example.com",
                        CertificateFormat.PAPER),
                1);
        assertThat(mongo.findAll(ShipmentQueue.class)).isEmpty();
    }

    @Test
    void anApplicationWhoseCertificatesAddressLeftTheApplicantIsFlaggedUntilVoided() {
        mongo.save(new io.certtrail.platform.readmodels.AddressRecords(
                "addr_1",
                null,
                null,
                List.of(new io.certtrail.platform.readmodels.AddressRecords.CertificationEntry(
                        "CERT:C-1", 1, T0, EARNED)),
                null));
        applications.on(applied("app:1", CertificateFormat.ELECTRONIC), 0);
        applications.on(new io.certtrail.events.account.EmailDisassociated(
                ACCOUNT,
                "addr_other",
                "x@example.com",
                io.certtrail.events.account.DisassociationCause.HOLDER_CONFIRMED,
                null,
                null,
                T0.plusSeconds(30)));
        assertThat(mongo.findAll(ApplicationReview.class)).isEmpty(); // another address: nothing to look at
        applications.on(new io.certtrail.events.account.EmailDisassociated(
                ACCOUNT,
                "addr_1",
                "li@example.com",
                io.certtrail.events.account.DisassociationCause.FORCED_UNBINDING,
                null,
                "not theirs",
                T0.plusSeconds(60)));
        assertThat(mongo.findAll(ApplicationReview.class)).singleElement().satisfies(review -> {
            assertThat(review.applicationId()).isEqualTo("app:1");
            assertThat(review.cause()).isEqualTo(io.certtrail.events.account.DisassociationCause.FORCED_UNBINDING);
        });
        applications.on(
                new io.certtrail.events.certificate.CertificateApplicationVoided(
                        "app:1",
                        ACCOUNT,
                        EARNED.certificateNumber(),
                        "not theirs",
                        T0.plusSeconds(90),
                        "li@example.com"),
                1);
        assertThat(mongo.findAll(ApplicationReview.class)).isEmpty();
    }

    @Test
    void anElectronicApplicationNeverWaitsForLogistics() {
        applications.on(applied("app:1", CertificateFormat.ELECTRONIC), 0);
        applications.on(new CertificateApproved("app:1", ACCOUNT, EARNED.certificateNumber(), true, T0, null, null), 1);
        assertThat(mongo.findAll(ShipmentQueue.class)).isEmpty();
    }

    @Test
    void anEventHandledAgainChangesNothing() {
        applications.on(applied("app:1", CertificateFormat.ELECTRONIC), 0);
        applications.on(new CertificateApproved("app:1", ACCOUNT, EARNED.certificateNumber(), true, T0, null, null), 1);
        applications.on(applied("app:1", CertificateFormat.ELECTRONIC), 0);

        assertThat(application("app:1").status()).isEqualTo(Status.APPROVED);
        assertThat(mongo.findById(ACCOUNT, CertificateApplications.class).applications())
                .hasSize(1);
    }

    @Test
    void applicationsOfOneAccountShareItsDocument() {
        applications.on(applied("app:1", CertificateFormat.ELECTRONIC), 0);
        applications.on(applied("app:2", CertificateFormat.PAPER), 0);
        assertThat(mongo.findById(ACCOUNT, CertificateApplications.class).applications())
                .extracting(CertificateApplications.Application::applicationId)
                .containsExactlyInAnyOrder("app:1", "app:2");
    }

    @Test
    void theRegisterKnowsTheCertificateItsPrintedNameAndItsRevocation() {
        register.on(new CertificationRecorded("CERT:C-1", 1, T0, EARNED, null));
        assertThat(mongo.findById(EARNED.certificateNumber(), CertificateRegister.class)
                        .holderName())
                .isNull();

        register.on(applied("app:1", CertificateFormat.ELECTRONIC));
        register.on(
                new CertificationRevoked("CERT:C-1", EARNED.certificateNumber(), "annulled", T0.plusSeconds(60), null));
        register.on(
                new CertificationRevoked("CERT:C-1", EARNED.certificateNumber(), "annulled", T0.plusSeconds(90), null));

        CertificateRegister entry = mongo.findById(EARNED.certificateNumber(), CertificateRegister.class);
        assertThat(entry.holderName()).isEqualTo("李瑞瑞");
        assertThat(entry.revokedAt()).isEqualTo(T0.plusSeconds(60));
        assertThat(entry.certificationName()).isEqualTo("HCIA-Datacom");
    }

    @Test
    void aCorrectedNumberMovesTheEntryWithItsNameAndTheOldNumberAnswersReplaced() {
        register.on(new CertificationRecorded("CERT:C-1", 1, T0, EARNED, null));
        register.on(applied("app:1", CertificateFormat.ELECTRONIC));
        CertificationEarned corrected = new CertificationEarned(
                "addr_1",
                "li@example.com",
                "HCIA-Datacom",
                "0101001011938069999",
                EARNED.effectiveDate(),
                EARNED.expirationDate(),
                true);
        register.on(new CertificationRecorded("CERT:C-1", 2, T0.plusSeconds(60), corrected, EARNED));

        assertThat(mongo.findById(EARNED.certificateNumber(), CertificateRegister.class)
                        .replacedBy())
                .isEqualTo("0101001011938069999");
        CertificateRegister now = mongo.findById("0101001011938069999", CertificateRegister.class);
        assertThat(now.holderName()).isEqualTo("李瑞瑞");
        assertThat(now.replacedBy()).isNull();

        // the old number, freed, stated later by another record: that record's certificate, nothing carried over
        register.on(new CertificationRecorded("CERT:C-2", 1, T0.plusSeconds(120), EARNED, null));
        CertificateRegister reused = mongo.findById(EARNED.certificateNumber(), CertificateRegister.class);
        assertThat(reused.recordId()).isEqualTo("CERT:C-2");
        assertThat(reused.replacedBy()).isNull();
        assertThat(reused.holderName()).isNull();
    }

    @Test
    void theRegisterKeepsWhatAVerifierMayAskAboutOnceEachAndAnswersForAnyDay() {
        CertificationEarned renewed = new CertificationEarned(
                "addr_1",
                "li@example.com",
                "HCIA-Datacom",
                EARNED.certificateNumber(),
                EARNED.effectiveDate(),
                EARNED.expirationDate().plusYears(2),
                true);
        CertificationRecorded issued = new CertificationRecorded("CERT:C-1", 1, T0, EARNED, null);
        CertificationRecorded renewal = new CertificationRecorded("CERT:C-1", 2, T0.plusSeconds(60), renewed, EARNED);
        CertificationRevoked revoked = new CertificationRevoked(
                "CERT:C-1", EARNED.certificateNumber(), "annulled", T0.plusSeconds(86_400 * 30L), null);
        for (Object event : java.util.List.of(issued, renewal, revoked, issued, renewal, revoked)) {
            if (event instanceof CertificationRecorded recorded) {
                register.on(recorded);
            } else {
                register.on((CertificationRevoked) event);
            }
        }
        CertificateRegister entry = mongo.findById(EARNED.certificateNumber(), CertificateRegister.class);
        assertThat(entry.history())
                .extracting(CertificateRegister.Change::kind)
                .containsExactly(
                        CertificateRegister.ChangeKind.ISSUED,
                        CertificateRegister.ChangeKind.RENEWED,
                        CertificateRegister.ChangeKind.REVOKED);
        assertThat(entry.history().get(1).expirationDate()).isEqualTo(renewed.expirationDate());

        java.time.LocalDate revokedOn = java.time.LocalDate.parse("2026-04-01");
        assertThat(Verification.statusOn(entry, EARNED.effectiveDate().minusDays(1)))
                .isEqualTo(Verification.StatusOnDate.NOT_YET_VALID);
        assertThat(Verification.statusOn(entry, EARNED.effectiveDate())).isEqualTo(Verification.StatusOnDate.VALID);
        assertThat(Verification.statusOn(entry, revokedOn.minusDays(1))).isEqualTo(Verification.StatusOnDate.VALID);
        assertThat(Verification.statusOn(entry, revokedOn)).isEqualTo(Verification.StatusOnDate.REVOKED);
        CertificateRegister unrevoked = new CertificateRegister(
                entry.certificateNumber(),
                entry.recordId(),
                entry.certificationName(),
                entry.effectiveDate(),
                renewed.expirationDate(),
                null,
                null,
                null,
                null,
                null,
                null);
        assertThat(Verification.statusOn(unrevoked, renewed.expirationDate()))
                .isEqualTo(Verification.StatusOnDate.VALID);
        assertThat(Verification.statusOn(unrevoked, renewed.expirationDate().plusDays(1)))
                .isEqualTo(Verification.StatusOnDate.EXPIRED);
    }
}
