package io.certtrail.command.expiry;

import io.certtrail.command.expiry.ExpiryCommands.Catalogued;
import io.certtrail.command.expiry.ExpiryCommands.NoteCertification;
import io.certtrail.command.expiry.ExpiryCommands.Review;
import io.certtrail.command.expiry.ExpiryCommands.ReviewExpiry;
import io.certtrail.events.records.CertificationEarned;
import io.certtrail.events.records.CertificationExpired;
import io.certtrail.events.records.CertificationNoted;
import io.certtrail.events.records.CertificationNoted.State;
import io.certtrail.events.records.CertificationRenewed;
import io.certtrail.events.records.CertificationRenewed.RenewalRule;
import io.certtrail.events.records.ExpiryReminderDue;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Rule 24 (renewals) and rule 25 (reminders and expiry), with their edge dates. */
class HeldCertificationsTest {

    private static final String ADDRESS = "addr_li";
    private static final String HOLDER = ExpiryCommands.holderIdOf(ADDRESS);
    private static final Instant T0 = Instant.parse("2026-06-01T09:00:00Z");
    private static final Instant T1 = T0.plusSeconds(3600);
    private static final List<Integer> REMINDER_DAYS = List.of(90, 30, 7);

    private static final Catalogued SECURITY_ASSOCIATE = new Catalogued("Security", "ASSOCIATE", false);
    private static final Catalogued SECURITY_PROFESSIONAL = new Catalogued("Security", "PROFESSIONAL", false);
    private static final Catalogued SECURITY_EXPERT = new Catalogued("Security", "EXPERT", false);
    private static final Catalogued DATACOM_PROFESSIONAL = new Catalogued("Datacom", "PROFESSIONAL", false);

    private AggregateTestFixture<HeldCertifications> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(HeldCertifications.class);
    }

    private static CertificationEarned earned(String name, String number, String effective, String expiration) {
        return new CertificationEarned(
                ADDRESS,
                "li@example.com",
                name,
                number,
                LocalDate.parse(effective),
                LocalDate.parse(expiration),
                false);
    }

    private static NoteCertification note(String recordId, int revision, CertificationEarned earned, Catalogued at) {
        return new NoteCertification(HOLDER, recordId, revision, State.HELD, earned, at, T0);
    }

    private static CertificationNoted noted(
            String recordId, int revision, State state, CertificationEarned earned, Catalogued catalogued, Instant at) {
        return new CertificationNoted(
                HOLDER,
                ADDRESS,
                recordId,
                revision,
                state,
                earned.certificationName(),
                earned.certificateNumber(),
                earned.effectiveDate(),
                earned.expirationDate(),
                catalogued == null ? null : catalogued.track(),
                catalogued == null ? null : catalogued.level(),
                catalogued != null && catalogued.revivesExpired(),
                earned.email(),
                at);
    }

    private static CertificationNoted noted(String recordId, CertificationEarned earned, Catalogued catalogued) {
        return noted(recordId, 1, State.HELD, earned, catalogued, T0);
    }

    private static CertificationRenewed renewed(
            String recordId,
            CertificationEarned renewed,
            String from,
            String to,
            RenewalRule rule,
            String causeId,
            CertificationEarned cause,
            Instant at) {
        return new CertificationRenewed(
                HOLDER,
                ADDRESS,
                recordId,
                renewed.certificateNumber(),
                renewed.certificationName(),
                LocalDate.parse(from),
                LocalDate.parse(to),
                rule,
                causeId,
                cause.certificateNumber(),
                cause.certificationName(),
                at);
    }

    private static final CertificationEarned HCIA = earned("HCIA-Security", "A-1", "2025-01-10", "2028-01-10");
    private static final CertificationEarned HCIP = earned("HCIP-Security", "P-1", "2026-05-20", "2029-05-20");
    private static final CertificationRenewed HCIA_RENEWED_BY_HCIP =
            renewed("CERT:A", HCIA, "2028-01-10", "2029-05-20", RenewalRule.HIGHER_LEVEL, "CERT:P", HCIP, T0);

    @Test
    void aHigherLevelOfTheTrackExtendsAValidLowerOneToItsOwnDate() {
        fixture.given(noted("CERT:A", HCIA, SECURITY_ASSOCIATE))
                .when(note("CERT:P", 1, HCIP, SECURITY_PROFESSIONAL))
                .expectEvents(noted("CERT:P", HCIP, SECURITY_PROFESSIONAL), HCIA_RENEWED_BY_HCIP);
    }

    @Test
    void aLowerLevelRecordedAfterTheHigherOneIsRenewedAtOnceAndTheHigherOneIsNot() {
        fixture.given(noted("CERT:P", HCIP, SECURITY_PROFESSIONAL))
                .when(note("CERT:A", 1, HCIA, SECURITY_ASSOCIATE))
                .expectEvents(noted("CERT:A", HCIA, SECURITY_ASSOCIATE), HCIA_RENEWED_BY_HCIP);
    }

    @Test
    void anotherTrackOrAnUncataloguedCertificationRenewsNothing() {
        CertificationEarned datacom = earned("HCIP-Datacom", "P-2", "2026-05-20", "2029-05-20");
        CertificationEarned unknown = earned("XYZ-Expert", "X-1", "2026-05-20", "2030-05-20");
        fixture.given(noted("CERT:A", HCIA, SECURITY_ASSOCIATE), noted("CERT:D", datacom, DATACOM_PROFESSIONAL))
                .when(note("CERT:X", 1, unknown, null))
                .expectEvents(noted("CERT:X", unknown, null));
    }

    @Test
    void earningTheSameCertificationAgainRenewsIt() {
        CertificationEarned again = earned("HCIA-Security", "A-2", "2027-12-01", "2030-12-01");
        fixture.given(noted("CERT:A", HCIA, SECURITY_ASSOCIATE))
                .when(note("CERT:A2", 1, again, SECURITY_ASSOCIATE))
                .expectEvents(
                        noted("CERT:A2", again, SECURITY_ASSOCIATE),
                        renewed(
                                "CERT:A",
                                HCIA,
                                "2028-01-10",
                                "2030-12-01",
                                RenewalRule.RECERTIFICATION,
                                "CERT:A2",
                                again,
                                T0));
    }

    @Test
    void renewedOnTheDayItExpiresItStillCounts() {
        CertificationEarned onTheDay = earned("HCIP-Security", "P-3", "2028-01-10", "2031-01-10");
        fixture.given(noted("CERT:A", HCIA, SECURITY_ASSOCIATE))
                .when(note("CERT:P", 1, onTheDay, SECURITY_PROFESSIONAL))
                .expectEvents(
                        noted("CERT:P", onTheDay, SECURITY_PROFESSIONAL),
                        renewed(
                                "CERT:A",
                                HCIA,
                                "2028-01-10",
                                "2031-01-10",
                                RenewalRule.HIGHER_LEVEL,
                                "CERT:P",
                                onTheDay,
                                T0));
    }

    @Test
    void aHigherOneEarnedTheDayAfterTheLowerExpiredDoesNotReviveIt() {
        CertificationEarned dayAfter = earned("HCIP-Security", "P-4", "2028-01-11", "2031-01-11");
        CertificationEarned again = earned("HCIA-Security", "A-3", "2028-01-11", "2031-01-11");
        fixture.given(noted("CERT:A", HCIA, SECURITY_ASSOCIATE), noted("CERT:P", dayAfter, SECURITY_PROFESSIONAL))
                .when(note("CERT:A2", 1, again, SECURITY_ASSOCIATE))
                .expectEvents(noted("CERT:A2", again, SECURITY_ASSOCIATE));
    }

    @Test
    void theCatalogueMayLetAHigherOneReviveAnExpiredCertificate() {
        Catalogued revivable = new Catalogued("Security", "ASSOCIATE", true);
        CertificationEarned dayAfter = earned("HCIP-Security", "P-4", "2028-03-01", "2031-03-01");
        fixture.given(noted("CERT:A", HCIA, revivable))
                .when(note("CERT:P", 1, dayAfter, SECURITY_PROFESSIONAL))
                .expectEvents(
                        noted("CERT:P", dayAfter, SECURITY_PROFESSIONAL),
                        renewed(
                                "CERT:A",
                                HCIA,
                                "2028-01-10",
                                "2031-03-01",
                                RenewalRule.HIGHER_LEVEL,
                                "CERT:P",
                                dayAfter,
                                T0));
    }

    @Test
    void aHigherOneRecordedLongAfterTheLowerExpiredRenewsItIfItWasEarnedInTime() {
        // the office sends the expert certificate in 2029, after the associate one expired by the
        // clock; it was earned in 2027, while the associate was valid
        CertificationEarned expert = earned("HCIE-Security", "E-1", "2027-11-30", "2030-11-30");
        fixture.given(noted("CERT:A", HCIA, SECURITY_ASSOCIATE))
                .when(new NoteCertification(
                        HOLDER,
                        "CERT:E",
                        1,
                        State.HELD,
                        expert,
                        SECURITY_EXPERT,
                        Instant.parse("2029-02-01T00:00:00Z")))
                .expectEvents(
                        noted("CERT:E", 1, State.HELD, expert, SECURITY_EXPERT, Instant.parse("2029-02-01T00:00:00Z")),
                        renewed(
                                "CERT:A",
                                HCIA,
                                "2028-01-10",
                                "2030-11-30",
                                RenewalRule.HIGHER_LEVEL,
                                "CERT:E",
                                expert,
                                Instant.parse("2029-02-01T00:00:00Z")));
    }

    @Test
    void aCorrectionOfTheHigherOnesDateMovesTheRenewalWithIt() {
        CertificationEarned corrected = earned("HCIP-Security", "P-1", "2026-05-20", "2029-01-31");
        fixture.given(
                        noted("CERT:A", HCIA, SECURITY_ASSOCIATE),
                        noted("CERT:P", HCIP, SECURITY_PROFESSIONAL),
                        HCIA_RENEWED_BY_HCIP)
                .when(new NoteCertification(HOLDER, "CERT:P", 2, State.HELD, corrected, SECURITY_PROFESSIONAL, T1))
                .expectEvents(
                        noted("CERT:P", 2, State.HELD, corrected, SECURITY_PROFESSIONAL, T1),
                        renewed(
                                "CERT:A",
                                HCIA,
                                "2029-05-20",
                                "2029-01-31",
                                RenewalRule.HIGHER_LEVEL,
                                "CERT:P",
                                corrected,
                                T1));
    }

    @Test
    void aCorrectionThatMovesTheHigherOneAfterTheLowersExpiryWithdrawsTheRenewal() {
        CertificationEarned late = earned("HCIP-Security", "P-1", "2028-02-01", "2031-02-01");
        fixture.given(
                        noted("CERT:A", HCIA, SECURITY_ASSOCIATE),
                        noted("CERT:P", HCIP, SECURITY_PROFESSIONAL),
                        HCIA_RENEWED_BY_HCIP)
                .when(new NoteCertification(HOLDER, "CERT:P", 2, State.HELD, late, SECURITY_PROFESSIONAL, T1))
                .expectEvents(
                        noted("CERT:P", 2, State.HELD, late, SECURITY_PROFESSIONAL, T1),
                        renewed(
                                "CERT:A",
                                HCIA,
                                "2029-05-20",
                                "2028-01-10",
                                RenewalRule.CAUSE_WITHDRAWN,
                                "CERT:P",
                                late,
                                T1));
    }

    @Test
    void revokingTheHigherOneWithdrawsTheRenewal() {
        fixture.given(
                        noted("CERT:A", HCIA, SECURITY_ASSOCIATE),
                        noted("CERT:P", HCIP, SECURITY_PROFESSIONAL),
                        HCIA_RENEWED_BY_HCIP)
                .when(new NoteCertification(HOLDER, "CERT:P", 1, State.REVOKED, HCIP, SECURITY_PROFESSIONAL, T1))
                .expectEvents(
                        noted("CERT:P", 1, State.REVOKED, HCIP, SECURITY_PROFESSIONAL, T1),
                        renewed(
                                "CERT:A",
                                HCIA,
                                "2029-05-20",
                                "2028-01-10",
                                RenewalRule.CAUSE_WITHDRAWN,
                                "CERT:P",
                                HCIP,
                                T1));
    }

    @Test
    void theSameRecordAgainChangesNothing() {
        fixture.given(noted("CERT:A", HCIA, SECURITY_ASSOCIATE))
                .when(note("CERT:A", 1, HCIA, SECURITY_ASSOCIATE))
                .expectNoEvents();
    }

    private static ReviewExpiry review(String recordId, String today) {
        return new ReviewExpiry(HOLDER, recordId, LocalDate.parse(today), REMINDER_DAYS, T1);
    }

    private static ExpiryReminderDue reminder(String recordId, CertificationEarned e, int day, int left, String until) {
        return new ExpiryReminderDue(
                HOLDER,
                ADDRESS,
                recordId,
                e.certificateNumber(),
                e.certificationName(),
                LocalDate.parse(until),
                day,
                left,
                "Security",
                e.email(),
                T1);
    }

    @Test
    void nothingIsDueBeforeTheFirstReminderDay() {
        fixture.given(noted("CERT:A", HCIA, SECURITY_ASSOCIATE))
                .when(review("CERT:A", "2027-10-11")) // 91 days before
                .expectNoEvents()
                .expectResultMessagePayload(Review.NOTHING_DUE);
    }

    @Test
    void eachReminderDayRemindsOnceAndALateReviewSendsOnlyTheNearest() {
        fixture.given(noted("CERT:A", HCIA, SECURITY_ASSOCIATE))
                .when(review("CERT:A", "2027-10-12")) // 90 days before
                .expectEvents(reminder("CERT:A", HCIA, 90, 90, "2028-01-10"))
                .expectResultMessagePayload(Review.REMINDED);
        fixture.given(noted("CERT:A", HCIA, SECURITY_ASSOCIATE), reminder("CERT:A", HCIA, 90, 90, "2028-01-10"))
                .when(review("CERT:A", "2027-10-20"))
                .expectNoEvents();
        // down from 35 to 5 days before: the 30-day reminder was missed, the 7-day one is sent
        fixture.given(noted("CERT:A", HCIA, SECURITY_ASSOCIATE), reminder("CERT:A", HCIA, 90, 90, "2028-01-10"))
                .when(review("CERT:A", "2028-01-05"))
                .expectEvents(reminder("CERT:A", HCIA, 7, 5, "2028-01-10"));
    }

    @Test
    void aRenewedCertificateIsNotRemindedOfTheDateItNoLongerHas() {
        fixture.given(
                        noted("CERT:A", HCIA, SECURITY_ASSOCIATE),
                        noted("CERT:P", HCIP, SECURITY_PROFESSIONAL),
                        HCIA_RENEWED_BY_HCIP)
                .when(review("CERT:A", "2027-12-31"))
                .expectNoEvents()
                .expectResultMessagePayload(Review.NOTHING_DUE);
    }

    @Test
    void aRevokedCertificateIsNeitherRemindedNorExpired() {
        fixture.given(
                        noted("CERT:A", HCIA, SECURITY_ASSOCIATE),
                        noted("CERT:A", 1, State.REVOKED, HCIA, SECURITY_ASSOCIATE, T0))
                .when(review("CERT:A", "2028-01-05"))
                .expectNoEvents();
        fixture.given(
                        noted("CERT:A", HCIA, SECURITY_ASSOCIATE),
                        noted("CERT:A", 1, State.REVOKED, HCIA, SECURITY_ASSOCIATE, T0))
                .when(review("CERT:A", "2028-02-05"))
                .expectNoEvents();
    }

    @Test
    void theDayAfterItsDateTheCertificateExpiresOnce() {
        CertificationExpired expired = new CertificationExpired(
                HOLDER, ADDRESS, "CERT:A", "A-1", "HCIA-Security", LocalDate.parse("2028-01-10"), "li@example.com", T1);
        fixture.given(noted("CERT:A", HCIA, SECURITY_ASSOCIATE))
                .when(review("CERT:A", "2028-01-10"))
                .expectEvents(reminder("CERT:A", HCIA, 7, 0, "2028-01-10"));
        fixture.given(noted("CERT:A", HCIA, SECURITY_ASSOCIATE))
                .when(review("CERT:A", "2028-01-11"))
                .expectEvents(expired)
                .expectResultMessagePayload(Review.EXPIRED);
        fixture.given(noted("CERT:A", HCIA, SECURITY_ASSOCIATE), expired)
                .when(review("CERT:A", "2028-01-12"))
                .expectNoEvents();
    }
}
