package io.certtrail.command.certificate;

import static io.certtrail.command.support.DomainErrors.withCode;

import io.certtrail.command.account.ActiveAddresses;
import io.certtrail.command.certificate.CertificateCommands.ApplicationState;
import io.certtrail.command.certificate.CertificateCommands.ApplyForCertificate;
import io.certtrail.command.certificate.CertificateCommands.ApproveCertificate;
import io.certtrail.command.certificate.CertificateCommands.ChangeMailingInformation;
import io.certtrail.command.certificate.CertificateCommands.DecidePrintedNameCorrection;
import io.certtrail.command.certificate.CertificateCommands.DecideReplacement;
import io.certtrail.command.certificate.CertificateCommands.RequestPrintedNameCorrection;
import io.certtrail.command.certificate.CertificateCommands.RequestReplacement;
import io.certtrail.command.certificate.CertificateCommands.ShipPackage;
import io.certtrail.command.certificate.CertificateCommands.Status;
import io.certtrail.command.certificate.CertificateCommands.VoidApplication;
import io.certtrail.command.records.EarnedCertificates;
import io.certtrail.events.certificate.CertificateApplicationVoided;
import io.certtrail.events.certificate.CertificateApplied;
import io.certtrail.events.certificate.CertificateApproved;
import io.certtrail.events.certificate.CertificateFormat;
import io.certtrail.events.certificate.MailingInformation;
import io.certtrail.events.certificate.MailingInformationChanged;
import io.certtrail.events.certificate.PackageShipped;
import io.certtrail.events.certificate.PrintedNameCorrectionDecided;
import io.certtrail.events.certificate.PrintedNameCorrectionRequested;
import io.certtrail.events.certificate.ReplacementDecided;
import io.certtrail.events.certificate.ReplacementRequested;
import io.certtrail.events.records.CertificationEarned;
import io.certtrail.platform.certificates.CertificateFormats;
import io.certtrail.platform.error.ErrorCode;
import io.certtrail.platform.privacy.PersonNames;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CertificateApplicationTest {

    private static final String ACCOUNT = "acct-1";
    private static final String RECORD = "CERT:C-1";
    private static final String APP = CertificateCommands.applicationIdFor(RECORD);
    private static final String KEY = "addr_key1";
    private static final String EMAIL = "li.wan@example.com";
    private static final String NAME = "李瑞瑞";
    // Friday: the working day after is Monday 2026-03-02
    private static final LocalDate EFFECTIVE = LocalDate.parse("2026-02-27");
    private static final LocalDate AVAILABLE = LocalDate.parse("2026-03-02");
    private static final Instant SATURDAY = Instant.parse("2026-02-28T10:00:00Z");
    private static final Instant MONDAY = Instant.parse("2026-03-02T10:00:00Z");
    private static final CertificationEarned EARNED = new CertificationEarned(
            KEY, EMAIL, "HCIA-Datacom", "0101001011938060621", EFFECTIVE, LocalDate.parse("2029-02-27"), true);
    private static final MailingInformation HOME =
            new MailingInformation(NAME, "+86 139 2522 2157", "1 Bantian Road\nShenzhen");
    private static final MailingInformation OFFICE =
            new MailingInformation(NAME, "+86 139 2522 2157", "2 Jiaxian Road\nShenzhen");

    private AggregateTestFixture<CertificateApplication> fixture;
    private final Map<String, CertificationEarned> certificates = new HashMap<>();
    private final Set<String> active = new HashSet<>();

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(CertificateApplication.class);
        certificates.put(RECORD, EARNED);
        active.add(ACCOUNT + "/" + KEY);
        fixture.registerInjectableResource((EarnedCertificates) id -> Optional.ofNullable(certificates.get(id)));
        fixture.registerInjectableResource((ActiveAddresses) (account, key) -> active.contains(account + "/" + key));
        // both formats for the certificate of these tests; the defaults have a test of their own
        fixture.registerInjectableResource((OfferedFormats) formats::of);
        fixture.registerInjectableResource(printedNames);
    }

    /** Exam candidates' names by address, beside the holder's own (the identity provider's). */
    private final Map<String, List<String[]>> candidates = new HashMap<>();

    private final PrintedNames printedNames =
            (printed, first, last, addressKey) -> PersonNames.isNameOf(printed, first, last)
                    || candidates.getOrDefault(addressKey, List.of()).stream()
                            .anyMatch(name -> PersonNames.isNameOf(printed, name[0], name[1]));

    private CertificateFormats formats = new CertificateFormats(
            List.of(new CertificateFormats.Rule(
                    "HCIA", List.of(CertificateFormat.ELECTRONIC, CertificateFormat.PAPER))),
            null);

    @Test
    void eachCertificationIsIssuedInItsFormatsOnly() {
        formats = CertificateFormats.defaults();
        setUpWithFormats();
        fixture.givenNoPriorActivity()
                .when(apply(CertificateFormat.PAPER, HOME, MONDAY))
                .expectNoEvents()
                .expectException(withCode(ErrorCode.FORMAT_NOT_OFFERED));
        certificates.put(
                RECORD,
                new CertificationEarned(
                        KEY,
                        EMAIL,
                        "HCIE-Datacom",
                        EARNED.certificateNumber(),
                        EFFECTIVE,
                        EARNED.expirationDate(),
                        true));
        fixture.givenNoPriorActivity()
                .when(apply(CertificateFormat.ELECTRONIC, null, MONDAY))
                .expectNoEvents()
                .expectException(withCode(ErrorCode.FORMAT_NOT_OFFERED));
    }

    private void setUpWithFormats() {
        fixture = new AggregateTestFixture<>(CertificateApplication.class);
        fixture.registerInjectableResource((EarnedCertificates) id -> Optional.ofNullable(certificates.get(id)));
        fixture.registerInjectableResource((ActiveAddresses) (account, key) -> active.contains(account + "/" + key));
        fixture.registerInjectableResource((OfferedFormats) formats::of);
        fixture.registerInjectableResource(printedNames);
    }

    private static ApplyForCertificate apply(CertificateFormat format, MailingInformation mailing, Instant at) {
        return new ApplyForCertificate(
                APP,
                ACCOUNT,
                RECORD,
                KEY,
                EMAIL,
                format,
                NAME,
                "+86 139 2522 2157",
                mailing,
                "2026-01",
                "瑞瑞",
                "李",
                LocalDate.ofInstant(at, java.time.ZoneOffset.UTC),
                at);
    }

    private static CertificateApplied applied(CertificateFormat format, MailingInformation mailing, Instant at) {
        return new CertificateApplied(
                APP,
                ACCOUNT,
                RECORD,
                EARNED.certificateNumber(),
                "HCIA-Datacom",
                EFFECTIVE,
                EARNED.expirationDate(),
                KEY,
                EMAIL,
                format,
                NAME,
                "+86 139 2522 2157",
                mailing,
                "2026-01",
                AVAILABLE,
                at,
                false);
    }

    private static PackageShipped shipped() {
        return new PackageShipped(
                APP,
                ACCOUNT,
                EARNED.certificateNumber(),
                "SF Express",
                "SF1234567890",
                EMAIL,
                MONDAY.plusSeconds(3600),
                false);
    }

    @Test
    void anElectronicCertificateAppliedForOnItsDayIsApprovedAtOnce() {
        fixture.givenNoPriorActivity()
                .when(apply(CertificateFormat.ELECTRONIC, null, MONDAY))
                .expectEvents(
                        applied(CertificateFormat.ELECTRONIC, null, MONDAY),
                        new CertificateApproved(
                                APP,
                                ACCOUNT,
                                EARNED.certificateNumber(),
                                true,
                                MONDAY,
                                EMAIL,
                                CertificateFormat.ELECTRONIC))
                .expectResultMessagePayload(new ApplicationState(APP, Status.APPROVED, 1));
    }

    @Test
    void anElectronicCertificateAppliedForTooEarlyWaitsForItsDay() {
        fixture.givenNoPriorActivity()
                .when(apply(CertificateFormat.ELECTRONIC, null, SATURDAY))
                .expectEvents(applied(CertificateFormat.ELECTRONIC, null, SATURDAY))
                .expectResultMessagePayload(new ApplicationState(APP, Status.REQUESTED, 0));
    }

    @Test
    void theOfficeCannotApproveBeforeTheWorkingDayAfterTheCertificateTookEffect() {
        fixture.given(applied(CertificateFormat.ELECTRONIC, null, SATURDAY))
                .when(new ApproveCertificate(APP, LocalDate.parse("2026-03-01"), SATURDAY.plusSeconds(86_400), true))
                .expectNoEvents()
                .expectException(withCode(ErrorCode.NOT_YET_APPROVABLE));
    }

    @Test
    void theOfficeApprovesOnceTheDayHasCome() {
        fixture.given(applied(CertificateFormat.ELECTRONIC, null, SATURDAY))
                .when(new ApproveCertificate(APP, AVAILABLE, MONDAY, true))
                .expectEvents(new CertificateApproved(
                        APP, ACCOUNT, EARNED.certificateNumber(), false, MONDAY, EMAIL, CertificateFormat.ELECTRONIC));
    }

    @Test
    void approvingTwiceChangesNothing() {
        fixture.given(
                        applied(CertificateFormat.ELECTRONIC, null, MONDAY),
                        new CertificateApproved(
                                APP,
                                ACCOUNT,
                                EARNED.certificateNumber(),
                                true,
                                MONDAY,
                                EMAIL,
                                CertificateFormat.ELECTRONIC))
                .when(new ApproveCertificate(APP, AVAILABLE, MONDAY.plusSeconds(60), true))
                .expectNoEvents()
                .expectResultMessagePayload(new ApplicationState(APP, Status.APPROVED, 1));
    }

    @Test
    void cannotApplyTwiceForTheSameCertificateNorChangeItsFormat() {
        fixture.given(applied(CertificateFormat.ELECTRONIC, null, MONDAY))
                .when(apply(CertificateFormat.PAPER, HOME, MONDAY.plusSeconds(60)))
                .expectNoEvents()
                .expectException(withCode(ErrorCode.CERTIFICATE_ALREADY_APPLIED));
    }

    @Test
    void cannotApplyForACertificateOnAnAddressThatIsNotOnTheAccount() {
        active.clear();
        fixture.givenNoPriorActivity()
                .when(apply(CertificateFormat.ELECTRONIC, null, MONDAY))
                .expectNoEvents()
                .expectException(withCode(ErrorCode.CERTIFICATE_NOT_ELIGIBLE));
    }

    @Test
    void cannotApplyForARevokedOrUnknownCertificate() {
        certificates.clear();
        fixture.givenNoPriorActivity()
                .when(apply(CertificateFormat.ELECTRONIC, null, MONDAY))
                .expectNoEvents()
                .expectException(withCode(ErrorCode.CERTIFICATE_NOT_ELIGIBLE));
    }

    @Test
    void cannotApplyForAnExpiredCertificate() {
        Instant afterExpiry = Instant.parse("2029-03-01T10:00:00Z");
        fixture.givenNoPriorActivity()
                .when(apply(CertificateFormat.ELECTRONIC, null, afterExpiry))
                .expectNoEvents()
                .expectException(withCode(ErrorCode.CERTIFICATE_NOT_ELIGIBLE));
    }

    @Test
    void cannotApplyWithoutAcceptingThePrivacyStatement() {
        ApplyForCertificate command = apply(CertificateFormat.ELECTRONIC, null, MONDAY);
        fixture.givenNoPriorActivity()
                .when(new ApplyForCertificate(
                        APP,
                        ACCOUNT,
                        RECORD,
                        KEY,
                        EMAIL,
                        CertificateFormat.ELECTRONIC,
                        NAME,
                        command.phone(),
                        null,
                        null,
                        "瑞瑞",
                        "李",
                        command.today(),
                        MONDAY))
                .expectNoEvents()
                .expectException(withCode(ErrorCode.PRIVACY_STATEMENT_NOT_ACCEPTED));
    }

    @Test
    void aPaperCertificateNeedsMailingInformation() {
        fixture.givenNoPriorActivity()
                .when(apply(CertificateFormat.PAPER, null, MONDAY))
                .expectNoEvents()
                .expectException(withCode(ErrorCode.INVALID_INPUT));
    }

    @Test
    void aPaperCertificateIsAppliedForFromThreeWorkingDaysAfterTheScoreReportApprovedAndThenWaitsForItsShipment() {
        // took effect on Friday 27 February: mailing information from Wednesday 4 March
        fixture.givenNoPriorActivity()
                .when(apply(CertificateFormat.PAPER, HOME, MONDAY))
                .expectNoEvents()
                .expectException(withCode(ErrorCode.MAILING_NOT_YET_OPEN));
        fixture.givenNoPriorActivity()
                .when(apply(CertificateFormat.PAPER, HOME, WEDNESDAY))
                .expectEvents(
                        applied(CertificateFormat.PAPER, HOME, WEDNESDAY),
                        new CertificateApproved(
                                APP,
                                ACCOUNT,
                                EARNED.certificateNumber(),
                                true,
                                WEDNESDAY,
                                EMAIL,
                                CertificateFormat.PAPER))
                .expectResultMessagePayload(new ApplicationState(APP, Status.APPROVED, 1));
    }

    private static final Instant WEDNESDAY = Instant.parse("2026-03-04T10:00:00Z");

    @Test
    void aPackageIsNotShippedBeforeItsApplicationIsApproved() {
        fixture.given(applied(CertificateFormat.PAPER, HOME, SATURDAY))
                .when(new ShipPackage(APP, "SF Express", "SF1234567890", SATURDAY.plusSeconds(3600)))
                .expectNoEvents()
                .expectException(withCode(ErrorCode.NOT_YET_APPROVED));
    }

    @Test
    void aRevokedCertificateIsNeitherApprovedNorShipped() {
        certificates.clear(); // the record no longer states a valid certificate: revoked
        fixture.given(applied(CertificateFormat.ELECTRONIC, null, SATURDAY))
                .when(new ApproveCertificate(APP, AVAILABLE, MONDAY, true))
                .expectNoEvents()
                .expectException(withCode(ErrorCode.CERTIFICATE_REVOKED));
        fixture.given(applied(CertificateFormat.PAPER, HOME, MONDAY), approved())
                .when(new ShipPackage(APP, "SF Express", "SF1234567890", MONDAY.plusSeconds(3600)))
                .expectNoEvents()
                .expectException(withCode(ErrorCode.CERTIFICATE_REVOKED));
    }

    /** A paper application's approval on Monday. */
    @Test
    void theOfficeVoidsAnApplicationAndTheCertificateCanBeAppliedForAgainByItsHolder() {
        CertificateApplicationVoided voided = new CertificateApplicationVoided(
                APP,
                ACCOUNT,
                EARNED.certificateNumber(),
                "Address unbound: not the holder",
                MONDAY.plusSeconds(60),
                EMAIL);
        fixture.given(applied(CertificateFormat.ELECTRONIC, null, MONDAY))
                .when(new VoidApplication(APP, "Address unbound: not the holder", MONDAY.plusSeconds(60)))
                .expectEvents(voided)
                .expectResultMessagePayload(new ApplicationState(APP, Status.VOIDED, 1));
        fixture.given(applied(CertificateFormat.ELECTRONIC, null, MONDAY), voided)
                .when(new VoidApplication(APP, "again", MONDAY.plusSeconds(120)))
                .expectNoEvents();
        // the rightful holder (now the address's account) applies for it
        active.add("acct-rightful/" + KEY);
        fixture.given(applied(CertificateFormat.ELECTRONIC, null, MONDAY), voided)
                .when(new ApplyForCertificate(
                        APP,
                        "acct-rightful",
                        RECORD,
                        KEY,
                        EMAIL,
                        CertificateFormat.ELECTRONIC,
                        "Li Wan",
                        "+86 139 2522 2157",
                        null,
                        "2026-01",
                        "Wan",
                        "Li",
                        AVAILABLE,
                        MONDAY.plusSeconds(180)))
                .expectSuccessfulHandlerExecution()
                .expectResultMessagePayload(new ApplicationState(APP, Status.APPROVED, 3));
        // nothing more is issued for a voided one
        fixture.given(applied(CertificateFormat.PAPER, HOME, MONDAY), approved(), voided)
                .when(new ShipPackage(APP, "SF Express", "SF1234567890", MONDAY.plusSeconds(3600)))
                .expectNoEvents()
                .expectException(withCode(ErrorCode.APPLICATION_VOIDED));
        fixture.given(applied(CertificateFormat.PAPER, HOME, MONDAY), approved(), shipped())
                .when(new VoidApplication(APP, "too late", MONDAY.plusSeconds(7200)))
                .expectNoEvents()
                .expectException(withCode(ErrorCode.ALREADY_SHIPPED));
    }

    @Test
    void aShippedPaperCertificateIsReplacedOnceOnRequestAfterTheOfficeApproves() {
        ReplacementRequested asked = new ReplacementRequested(
                APP, ACCOUNT, EARNED.certificateNumber(), "LOST", OFFICE, MONDAY.plusSeconds(7200));
        fixture.given(applied(CertificateFormat.PAPER, HOME, MONDAY), approved(), shipped())
                .when(new RequestReplacement(APP, ACCOUNT, "LOST", OFFICE, MONDAY.plusSeconds(7200)))
                .expectEvents(asked);
        fixture.given(applied(CertificateFormat.PAPER, HOME, MONDAY), approved())
                .when(new RequestReplacement(APP, ACCOUNT, "LOST", null, MONDAY.plusSeconds(7200)))
                .expectNoEvents()
                .expectException(withCode(ErrorCode.REPLACEMENT_NOT_POSSIBLE)); // not shipped yet
        fixture.given(applied(CertificateFormat.PAPER, HOME, MONDAY), approved(), shipped(), asked)
                .when(new ShipPackage(APP, "EMS", "EE0000000001", MONDAY.plusSeconds(9000)))
                .expectNoEvents()
                .expectException(withCode(ErrorCode.ALREADY_SHIPPED)); // not approved yet
        ReplacementDecided yes =
                new ReplacementDecided(APP, ACCOUNT, EARNED.certificateNumber(), true, null, MONDAY.plusSeconds(8000));
        fixture.given(applied(CertificateFormat.PAPER, HOME, MONDAY), approved(), shipped(), asked)
                .when(new DecideReplacement(APP, true, null, MONDAY.plusSeconds(8000)))
                .expectEvents(yes);
        PackageShipped again = new PackageShipped(
                APP, ACCOUNT, EARNED.certificateNumber(), "EMS", "EE0000000001", EMAIL, MONDAY.plusSeconds(9000), true);
        fixture.given(applied(CertificateFormat.PAPER, HOME, MONDAY), approved(), shipped(), asked, yes)
                .when(new ShipPackage(APP, "EMS", "EE0000000001", MONDAY.plusSeconds(9000)))
                .expectEvents(again);
        fixture.given(applied(CertificateFormat.PAPER, HOME, MONDAY), approved(), shipped(), asked, yes, again)
                .when(new RequestReplacement(APP, ACCOUNT, "DAMAGED", null, MONDAY.plusSeconds(9999)))
                .expectNoEvents()
                .expectException(withCode(ErrorCode.REPLACEMENT_NOT_POSSIBLE)); // once
        fixture.given(applied(CertificateFormat.PAPER, HOME, MONDAY), approved(), shipped())
                .when(new RequestReplacement(APP, "acct-other", "LOST", null, MONDAY.plusSeconds(7200)))
                .expectNoEvents()
                .expectException(withCode(ErrorCode.NOT_FOUND));
    }

    private static CertificateApproved approved() {
        return new CertificateApproved(
                APP, ACCOUNT, EARNED.certificateNumber(), true, MONDAY, EMAIL, CertificateFormat.PAPER);
    }

    @Test
    void mailingInformationCanChangeBeforeShipment() {
        fixture.given(applied(CertificateFormat.PAPER, HOME, MONDAY))
                .when(new ChangeMailingInformation(APP, ACCOUNT, OFFICE, MONDAY.plusSeconds(60)))
                .expectEvents(new MailingInformationChanged(APP, ACCOUNT, OFFICE, MONDAY.plusSeconds(60)));
    }

    @Test
    void mailingInformationCannotChangeAfterShipment() {
        fixture.given(applied(CertificateFormat.PAPER, HOME, MONDAY), approved(), shipped())
                .when(new ChangeMailingInformation(APP, ACCOUNT, OFFICE, MONDAY.plusSeconds(7200)))
                .expectNoEvents()
                .expectException(withCode(ErrorCode.ALREADY_SHIPPED));
    }

    @Test
    void onlyTheApplicantMayChangeTheMailingInformation() {
        fixture.given(applied(CertificateFormat.PAPER, HOME, MONDAY))
                .when(new ChangeMailingInformation(APP, "acct-other", OFFICE, MONDAY.plusSeconds(60)))
                .expectNoEvents()
                .expectException(withCode(ErrorCode.NOT_FOUND));
    }

    @Test
    void anElectronicCertificateHasNoMailingInformation() {
        fixture.given(applied(CertificateFormat.ELECTRONIC, null, MONDAY))
                .when(new ChangeMailingInformation(APP, ACCOUNT, OFFICE, MONDAY.plusSeconds(60)))
                .expectNoEvents()
                .expectException(withCode(ErrorCode.NOT_PAPER));
    }

    @Test
    void logisticsShipsAPaperPackageToTheContactAddress() {
        fixture.given(applied(CertificateFormat.PAPER, HOME, MONDAY), approved())
                .when(new ShipPackage(APP, "SF Express", "SF1234567890", MONDAY.plusSeconds(3600)))
                .expectEvents(shipped())
                .expectResultMessagePayload(new ApplicationState(APP, Status.SHIPPED, 2));
    }

    @Test
    void shipmentIsOnlyForPaperCertificates() {
        fixture.given(applied(CertificateFormat.ELECTRONIC, null, MONDAY))
                .when(new ShipPackage(APP, "SF Express", "SF1234567890", MONDAY.plusSeconds(3600)))
                .expectNoEvents()
                .expectException(withCode(ErrorCode.NOT_PAPER));
    }

    @Test
    void reportingTheSameShipmentAgainChangesNothingButAnotherIsRefused() {
        fixture.given(applied(CertificateFormat.PAPER, HOME, MONDAY), approved(), shipped())
                .when(new ShipPackage(APP, "SF Express", "SF1234567890", MONDAY.plusSeconds(7200)))
                .expectNoEvents()
                .expectSuccessfulHandlerExecution();
        fixture.given(applied(CertificateFormat.PAPER, HOME, MONDAY), approved(), shipped())
                .when(new ShipPackage(APP, "EMS", "EE0000000001", MONDAY.plusSeconds(7200)))
                .expectNoEvents()
                .expectException(withCode(ErrorCode.ALREADY_SHIPPED));
    }

    private static ApplyForCertificate applyAs(String printed, String holderFirst, String holderLast, Instant at) {
        return new ApplyForCertificate(
                APP,
                ACCOUNT,
                RECORD,
                KEY,
                EMAIL,
                CertificateFormat.ELECTRONIC,
                printed,
                "+86 139 2522 2157",
                null,
                "2026-01",
                holderFirst,
                holderLast,
                LocalDate.ofInstant(at, java.time.ZoneOffset.UTC),
                at);
    }

    private static CertificateApplied appliedAs(String printed, boolean review, Instant at) {
        return new CertificateApplied(
                APP,
                ACCOUNT,
                RECORD,
                EARNED.certificateNumber(),
                "HCIA-Datacom",
                EFFECTIVE,
                EARNED.expirationDate(),
                KEY,
                EMAIL,
                CertificateFormat.ELECTRONIC,
                printed,
                "+86 139 2522 2157",
                null,
                "2026-01",
                AVAILABLE,
                at,
                review);
    }

    @Test
    void aPrintedNameThatIsNeitherTheHoldersNorACandidatesWaitsForTheOfficeNotForTheSweep() {
        fixture.givenNoPriorActivity()
                .when(applyAs("Someone Else", "Wan", "Li", MONDAY))
                .expectEvents(appliedAs("Someone Else", true, MONDAY))
                .expectResultMessagePayload(new ApplicationState(APP, Status.REQUESTED, 0));
        fixture.given(appliedAs("Someone Else", true, MONDAY))
                .when(new ApproveCertificate(APP, AVAILABLE, MONDAY.plusSeconds(60), false))
                .expectNoEvents()
                .expectException(withCode(ErrorCode.NAME_UNDER_REVIEW));
        fixture.given(appliedAs("Someone Else", true, MONDAY))
                .when(new ApproveCertificate(APP, AVAILABLE, MONDAY.plusSeconds(60), true))
                .expectEvents(new CertificateApproved(
                        APP,
                        ACCOUNT,
                        EARNED.certificateNumber(),
                        false,
                        MONDAY.plusSeconds(60),
                        EMAIL,
                        CertificateFormat.ELECTRONIC));
    }

    @Test
    void theHoldersNameInEitherOrderOrTheExamCandidatesNameIsPrintedWithoutReview() {
        fixture.givenNoPriorActivity()
                .when(applyAs("LI Wan", "Wan", "Li", MONDAY))
                .expectEvents(
                        appliedAs("LI Wan", false, MONDAY),
                        new CertificateApproved(
                                APP,
                                ACCOUNT,
                                EARNED.certificateNumber(),
                                true,
                                MONDAY,
                                EMAIL,
                                CertificateFormat.ELECTRONIC));
        candidates.put(KEY, List.<String[]>of(new String[] {"瑞瑞", "李"}));
        fixture.givenNoPriorActivity()
                .when(applyAs("李瑞瑞", "Wan", "Li", MONDAY))
                .expectEvents(
                        appliedAs("李瑞瑞", false, MONDAY),
                        new CertificateApproved(
                                APP,
                                ACCOUNT,
                                EARNED.certificateNumber(),
                                true,
                                MONDAY,
                                EMAIL,
                                CertificateFormat.ELECTRONIC));
    }

    @Test
    void theHolderAsksForAnotherPrintedNameAndTheOfficeApprovesOrRefusesIt() {
        PrintedNameCorrectionRequested asked = new PrintedNameCorrectionRequested(
                APP, ACCOUNT, EARNED.certificateNumber(), "Wan Li", MONDAY.plusSeconds(60));
        fixture.given(applied(CertificateFormat.ELECTRONIC, null, MONDAY), approved())
                .when(new RequestPrintedNameCorrection(APP, ACCOUNT, "Wan Li", MONDAY.plusSeconds(60)))
                .expectEvents(asked);
        // asked again: nothing new; another while one waits: refused; someone else's: not found
        fixture.given(applied(CertificateFormat.ELECTRONIC, null, MONDAY), approved(), asked)
                .when(new RequestPrintedNameCorrection(APP, ACCOUNT, "Wan Li", MONDAY.plusSeconds(90)))
                .expectNoEvents()
                .expectSuccessfulHandlerExecution();
        fixture.given(applied(CertificateFormat.ELECTRONIC, null, MONDAY), approved(), asked)
                .when(new RequestPrintedNameCorrection(APP, ACCOUNT, "Li Wan", MONDAY.plusSeconds(90)))
                .expectNoEvents()
                .expectException(withCode(ErrorCode.NAME_CORRECTION_NOT_POSSIBLE));
        fixture.given(applied(CertificateFormat.ELECTRONIC, null, MONDAY), approved())
                .when(new RequestPrintedNameCorrection(APP, "acct-other", "Wan Li", MONDAY.plusSeconds(60)))
                .expectNoEvents()
                .expectException(withCode(ErrorCode.NOT_FOUND));
        PrintedNameCorrectionDecided approvedName = new PrintedNameCorrectionDecided(
                APP, ACCOUNT, EARNED.certificateNumber(), true, "Wan Li", null, MONDAY.plusSeconds(120), EMAIL);
        fixture.given(applied(CertificateFormat.ELECTRONIC, null, MONDAY), approved(), asked)
                .when(new DecidePrintedNameCorrection(APP, true, null, MONDAY.plusSeconds(120)))
                .expectEvents(approvedName);
        // the same decision again changes nothing; a decision with nothing waiting is refused
        fixture.given(applied(CertificateFormat.ELECTRONIC, null, MONDAY), approved(), asked, approvedName)
                .when(new DecidePrintedNameCorrection(APP, true, null, MONDAY.plusSeconds(180)))
                .expectNoEvents()
                .expectSuccessfulHandlerExecution();
        fixture.given(applied(CertificateFormat.ELECTRONIC, null, MONDAY), approved())
                .when(new DecidePrintedNameCorrection(APP, false, "No", MONDAY.plusSeconds(180)))
                .expectNoEvents()
                .expectException(withCode(ErrorCode.NAME_CORRECTION_NOT_POSSIBLE));
        fixture.given(applied(CertificateFormat.ELECTRONIC, null, MONDAY), approved(), asked)
                .when(new DecidePrintedNameCorrection(APP, false, "Not your name", MONDAY.plusSeconds(120)))
                .expectEvents(new PrintedNameCorrectionDecided(
                        APP,
                        ACCOUNT,
                        EARNED.certificateNumber(),
                        false,
                        null,
                        "Not your name",
                        MONDAY.plusSeconds(120),
                        EMAIL));
    }

    @Test
    void anAcceptedNameLetsTheSweepApproveAnApplicationUnderReviewAndAShippedPaperOneIsNotReprinted() {
        PrintedNameCorrectionDecided accepted = new PrintedNameCorrectionDecided(
                APP, ACCOUNT, EARNED.certificateNumber(), true, "Wan Li", null, SATURDAY.plusSeconds(120), EMAIL);
        fixture.given(
                        appliedAs("Someone Else", true, SATURDAY),
                        new PrintedNameCorrectionRequested(
                                APP, ACCOUNT, EARNED.certificateNumber(), "Wan Li", SATURDAY.plusSeconds(60)),
                        accepted)
                .when(new ApproveCertificate(APP, AVAILABLE, MONDAY, false))
                .expectEvents(new CertificateApproved(
                        APP, ACCOUNT, EARNED.certificateNumber(), false, MONDAY, EMAIL, CertificateFormat.ELECTRONIC));
        fixture.given(applied(CertificateFormat.PAPER, HOME, MONDAY), approved(), shipped())
                .when(new RequestPrintedNameCorrection(APP, ACCOUNT, "Wan Li", MONDAY.plusSeconds(7200)))
                .expectNoEvents()
                .expectException(withCode(ErrorCode.NAME_CORRECTION_NOT_POSSIBLE));
    }
}
