package io.certtrail.query.partner;

import static org.assertj.core.api.Assertions.assertThat;

import io.certtrail.events.account.AccountHolderNamed;
import io.certtrail.events.account.AssociationMethod;
import io.certtrail.events.account.DisassociationCause;
import io.certtrail.events.account.EmailActivated;
import io.certtrail.events.account.EmailDisassociated;
import io.certtrail.events.partner.MembershipApproved;
import io.certtrail.events.partner.MembershipEnded;
import io.certtrail.events.partner.MembershipEnding;
import io.certtrail.events.partner.MembershipRequested;
import io.certtrail.events.records.CertificationEarned;
import io.certtrail.events.records.CertificationRecorded;
import io.certtrail.events.records.CertificationRevoked;
import io.certtrail.events.records.TrainingCompletion;
import io.certtrail.events.records.TrainingRecorded;
import io.certtrail.platform.readmodels.PartnerRosters.Employee;
import io.certtrail.query.certificate.CertificateStatus;
import io.certtrail.query.partner.PartnerView.Filter;
import io.certtrail.query.support.MongoWireServer;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.data.mongodb.core.MongoTemplate;

class PartnerViewProjectionTest {

    @RegisterExtension
    static final MongoWireServer MONGO = new MongoWireServer();

    private static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");
    private static final LocalDate TODAY = LocalDate.parse("2026-03-02");
    private static final Filter ALL = new Filter(null, null, null, null);

    private MongoTemplate mongo;
    private PartnerViewProjection projection;
    private PartnerView view;

    @BeforeEach
    void setUp() {
        mongo = MONGO.freshDatabase();
        projection = new PartnerViewProjection(mongo);
        view = new PartnerView(mongo);
    }

    private void holder(String account, String key, String email) {
        projection.on(new AccountHolderNamed(account, "Wan", "Li"));
        projection.on(new EmailActivated(account, "r-" + key, key, email, AssociationMethod.EMAIL, null, T0, null));
    }

    private void member(String account, String company) {
        projection.on(new MembershipRequested(account, company, T0));
        projection.on(new MembershipApproved(account, company, "admin", T0.plusSeconds(60)));
    }

    private static CertificationRecorded certificate(String recordId, String key, String name, String expires) {
        return new CertificationRecorded(
                recordId,
                1,
                T0,
                new CertificationEarned(
                        key,
                        "x@example.com",
                        name,
                        "N-" + recordId,
                        LocalDate.parse("2025-01-02"),
                        LocalDate.parse(expires),
                        false),
                null);
    }

    private List<Employee> employees(String company, Filter filter) {
        return view.employees(company, filter, TODAY);
    }

    @Test
    void aCompanySeesItsEmployeesRecordsOnlyWhileTheMembershipLasts() {
        holder("acct-1", "k1", "li@example.com");
        projection.on(certificate("CERT:1", "k1", "HCIA-Datacom", "2028-01-02"));
        assertThat(employees("acme", ALL)).isEmpty();

        projection.on(new MembershipRequested("acct-1", "acme", T0));
        assertThat(employees("acme", ALL)).isEmpty(); // asked, not approved
        projection.on(new MembershipApproved("acct-1", "acme", "admin", T0.plusSeconds(60)));
        assertThat(employees("acme", ALL))
                .singleElement()
                .satisfies(e -> assertThat(e.certifications())
                        .extracting(c -> c.certificationName())
                        .containsExactly("HCIA-Datacom"));
        assertThat(view.records("acme", List.of("acct-1")).get(0).emails()).containsExactly("l****@example.com");
        assertThat(view.records("globex", List.of("acct-1")).get(0).certifications())
                .isEmpty();
        assertThat(employees("globex", ALL)).isEmpty();

        projection.on(
                new MembershipEnded("acct-1", "acme", "acct-1", MembershipEnding.LEFT, null, T0.plusSeconds(120)));
        assertThat(employees("acme", ALL)).isEmpty();
        assertThat(view.records("acme", List.of("acct-1")).get(0).certifications())
                .isEmpty();
    }

    @Test
    void theHeadCountOnAPastDayCountsWhoWasAnEmployeeThenAndWhatWasValidThen() {
        holder("acct-1", "k1", "li@example.com");
        holder("acct-2", "k2", "wan@example.com");
        projection.on(certificate("CERT:1", "k1", "HCIA-Datacom", "2026-02-10"));
        projection.on(certificate("CERT:2", "k2", "HCIP-Security", "2028-01-02"));
        member("acct-1", "acme"); // from T0's day
        member("acct-2", "acme");
        Instant left = T0.plus(java.time.Duration.ofDays(30));
        projection.on(new MembershipEnded("acct-2", "acme", "acct-2", MembershipEnding.LEFT, null, left));
        // a renewal, later, of the first one: it counts on days after its own date
        projection.on(new io.certtrail.events.records.CertificationRenewed(
                "HELD:k1",
                "k1",
                "CERT:1",
                "N-CERT:1",
                "HCIA-Datacom",
                LocalDate.parse("2026-02-10"),
                LocalDate.parse("2027-02-10"),
                io.certtrail.events.records.CertificationRenewed.RenewalRule.HIGHER_LEVEL,
                "CERT:9",
                "N-9",
                "HCIP-Datacom",
                left));
        LocalDate joined = LocalDate.ofInstant(T0, java.time.ZoneOffset.UTC);
        LocalDate leftOn = LocalDate.ofInstant(left, java.time.ZoneOffset.UTC);

        assertThat(view.employeesOn("acme", joined.minusDays(1))).isEmpty();
        assertThat(view.employeesOn("acme", joined))
                .extracting(PartnerView.PastEmployee::accountId)
                .containsExactlyInAnyOrder("acct-1", "acct-2");
        assertThat(view.employeesOn("acme", leftOn.minusDays(1))).hasSize(2);
        // at the end of the day they left, they were no longer an employee
        assertThat(view.employeesOn("acme", leftOn))
                .extracting(PartnerView.PastEmployee::accountId)
                .containsExactly("acct-1");
        assertThat(view.employeesOn("globex", joined)).isEmpty();

        PartnerView.PastEmployee first = view.employeesOn("acme", leftOn).get(0);
        assertThat(first.validOn(LocalDate.parse("2025-01-01"))).isEmpty(); // before it took effect
        assertThat(first.validOn(LocalDate.parse("2026-06-30"))).hasSize(1); // renewed
        assertThat(first.validOn(LocalDate.parse("2027-02-11"))).isEmpty();
    }

    @Test
    void recordsArrivingLaterAndAddressesLeavingAreFollowed() {
        holder("acct-1", "k1", "li@example.com");
        member("acct-1", "acme");
        projection.on(certificate("CERT:1", "k1", "HCIA-Datacom", "2028-01-02"));
        projection.on(new TrainingRecorded(
                "TRAINING:1",
                1,
                T0,
                new TrainingCompletion(
                        "k1",
                        "li@example.com",
                        "DC-101",
                        "Datacom basics",
                        "Academy",
                        TODAY.minusDays(9),
                        TODAY.minusDays(5),
                        "COMPLETED"),
                null));
        assertThat(employees("acme", new Filter(null, null, null, "DC-101"))).hasSize(1);

        projection.on(new EmailDisassociated(
                "acct-1",
                "k1",
                "li@example.com",
                DisassociationCause.HOLDER_CONFIRMED,
                null,
                null,
                T0.plusSeconds(300)));
        assertThat(employees("acme", ALL))
                .singleElement()
                .satisfies(e -> assertThat(e.certifications()).isEmpty());
    }

    @Test
    void filtersApplyToOneAndTheSameCertificate() {
        holder("acct-1", "k1", "a@example.com");
        holder("acct-2", "k2", "b@example.com");
        member("acct-1", "acme");
        member("acct-2", "acme");
        projection.on(certificate("CERT:1", "k1", "HCIA-Datacom", "2026-03-20"));
        projection.on(certificate("CERT:2", "k1", "HCIP-Datacom", "2024-01-01"));
        projection.on(certificate("CERT:3", "k2", "HCIA-Datacom", "2029-01-01"));
        projection.on(new CertificationRevoked("CERT:3", "N-CERT:3", "annulled", T0, null));

        assertThat(employees("acme", new Filter("HCIA-Datacom", null, null, null)))
                .hasSize(2);
        assertThat(employees("acme", new Filter("HCIA-Datacom", CertificateStatus.VALID, null, null)))
                .extracting(Employee::accountId)
                .containsExactly("acct-1");
        assertThat(employees("acme", new Filter(null, CertificateStatus.REVOKED, null, null)))
                .extracting(Employee::accountId)
                .containsExactly("acct-2");
        assertThat(employees("acme", new Filter("HCIP-Datacom", CertificateStatus.EXPIRED, null, null)))
                .hasSize(1);
        assertThat(employees("acme", new Filter(null, null, 30, null)))
                .extracting(Employee::accountId)
                .containsExactly("acct-1");
        assertThat(employees("acme", new Filter("HCIP-Datacom", null, 30, null)))
                .isEmpty();
        assertThat(PartnerView.validCertifications(employees("acme", ALL), TODAY))
                .containsExactly(java.util.Map.entry("HCIA-Datacom", 1L));
    }

    @Test
    void anAddressMovingToAnotherAccountTakesItsRecordsAlong() {
        holder("acct-1", "k1", "li@example.com");
        member("acct-1", "acme");
        projection.on(certificate("CERT:1", "k1", "HCIA-Datacom", "2028-01-02"));
        projection.on(new EmailDisassociated(
                "acct-1",
                "k1",
                "li@example.com",
                DisassociationCause.OWNERSHIP_MOVED,
                "acct-2",
                null,
                T0.plusSeconds(60)));
        projection.on(new EmailActivated(
                "acct-2", "r-2", "k1", "li@example.com", AssociationMethod.EMAIL, "acct-1", T0.plusSeconds(60), null));
        member("acct-2", "globex");

        assertThat(employees("acme", ALL))
                .singleElement()
                .satisfies(e -> assertThat(e.certifications()).isEmpty());
        assertThat(employees("globex", ALL))
                .singleElement()
                .satisfies(e -> assertThat(e.certifications()).hasSize(1));
    }

    @Test
    void handlingEventsTwiceChangesNothing() {
        holder("acct-1", "k1", "li@example.com");
        member("acct-1", "acme");
        projection.on(certificate("CERT:1", "k1", "HCIA-Datacom", "2028-01-02"));
        holder("acct-1", "k1", "li@example.com");
        member("acct-1", "acme");
        projection.on(certificate("CERT:1", "k1", "HCIA-Datacom", "2028-01-02"));
        assertThat(employees("acme", ALL))
                .singleElement()
                .satisfies(e -> assertThat(e.certifications()).hasSize(1));
        assertThat(view.records("acme", List.of("acct-1")).get(0).emails()).hasSize(1);
    }
}
