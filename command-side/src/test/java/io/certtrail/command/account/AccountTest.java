package io.certtrail.command.account;

import static io.certtrail.command.support.DomainErrors.withCode;
import static org.assertj.core.api.Assertions.assertThat;

import io.certtrail.command.account.AccountCommands.Accepted;
import io.certtrail.command.account.AccountCommands.ActivateEmail;
import io.certtrail.command.account.AccountCommands.ConfirmEmailDisassociation;
import io.certtrail.command.account.AccountCommands.HolderName;
import io.certtrail.command.account.AccountCommands.RemoveEmail;
import io.certtrail.command.account.AccountCommands.RequestEmailAssociation;
import io.certtrail.command.account.AccountCommands.RequestEmailDisassociation;
import io.certtrail.events.account.AccountHolderNamed;
import io.certtrail.events.account.AssociationMethod;
import io.certtrail.events.account.DisassociationCause;
import io.certtrail.events.account.EmailActivated;
import io.certtrail.events.account.EmailAssociationRequested;
import io.certtrail.events.account.EmailDisassociated;
import io.certtrail.events.account.EmailDisassociationRequested;
import io.certtrail.events.account.ScoreReport;
import io.certtrail.events.account.ScoreReportLinked;
import io.certtrail.platform.error.ErrorCode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AccountTest {

    private static final String ACCOUNT = "acct-1";
    private static final String KEY = "addr_key1";
    private static final String EMAIL = "li.wan@example.com";
    private static final Instant T0 = Instant.parse("2026-03-01T09:00:00Z");
    private static final Instant EXPIRES = T0.plus(Duration.ofHours(24));

    private AggregateTestFixture<Account> fixture;
    private OwnershipRegistry registry;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Account.class);
        registry = new OwnershipRegistry();
        fixture.registerInjectableResource(registry);
    }

    private static EmailAssociationRequested requested(String requestId) {
        return new EmailAssociationRequested(
                ACCOUNT, requestId, KEY, EMAIL, AssociationMethod.EMAIL, null, false, T0, EXPIRES, "2026-01");
    }

    private static EmailActivated activated(String requestId) {
        return new EmailActivated(
                ACCOUNT, requestId, KEY, EMAIL, AssociationMethod.EMAIL, null, T0.plusSeconds(60), null);
    }

    @Test
    void requestingAnAssociationRecordsItWithItsExpiry() {
        fixture.givenNoPriorActivity()
                .when(new RequestEmailAssociation(
                        ACCOUNT, "r1", KEY, EMAIL, AssociationMethod.EMAIL, null, null, T0, EXPIRES, "2026-01"))
                .expectSuccessfulHandlerExecution()
                .expectEvents(requested("r1"))
                .expectResultMessagePayload(new Accepted("r1", 0, false, false));
    }

    @Test
    void requestingAnAddressHeldByAnotherAccountSaysSo() {
        registry.owners.put(KEY, "acct-other");
        fixture.givenNoPriorActivity()
                .when(new RequestEmailAssociation(
                        ACCOUNT, "r1", KEY, EMAIL, AssociationMethod.EMAIL, null, null, T0, EXPIRES, "2026-01"))
                .expectEvents(new EmailAssociationRequested(
                        ACCOUNT, "r1", KEY, EMAIL, AssociationMethod.EMAIL, null, true, T0, EXPIRES, "2026-01"))
                .expectResultMessagePayload(new Accepted("r1", 0, true, false));
    }

    @Test
    void scoreReportDetailsAreKeptForMethodTwoOnly() {
        ScoreReport report = new ScoreReport("Li", "Wan", "REG-1234");
        fixture.givenNoPriorActivity()
                .when(new RequestEmailAssociation(
                        ACCOUNT,
                        "r1",
                        KEY,
                        EMAIL,
                        AssociationMethod.SCORE_REPORT,
                        report,
                        null,
                        T0,
                        EXPIRES,
                        "2026-01"))
                .expectEvents(new EmailAssociationRequested(
                        ACCOUNT,
                        "r1",
                        KEY,
                        EMAIL,
                        AssociationMethod.SCORE_REPORT,
                        report,
                        false,
                        T0,
                        EXPIRES,
                        "2026-01"));
        fixture.givenNoPriorActivity()
                .when(new RequestEmailAssociation(
                        ACCOUNT, "r2", KEY, EMAIL, AssociationMethod.EMAIL, report, null, T0, EXPIRES, "2026-01"))
                .expectEvents(requested("r2"));
    }

    @Test
    void theHolderIsNamedOnFirstRequestAndAgainOnlyWhenTheNameChanges() {
        HolderName liWan = new HolderName("Wan", "Li");
        fixture.givenNoPriorActivity()
                .when(new RequestEmailAssociation(
                        ACCOUNT, "r1", KEY, EMAIL, AssociationMethod.EMAIL, null, liWan, T0, EXPIRES, "2026-01"))
                .expectEvents(new AccountHolderNamed(ACCOUNT, "Wan", "Li"), requested("r1"))
                .expectResultMessagePayload(new Accepted("r1", 1, false, false));
        fixture.given(new AccountHolderNamed(ACCOUNT, "Wan", "Li"))
                .when(new RequestEmailAssociation(
                        ACCOUNT, "r1", KEY, EMAIL, AssociationMethod.EMAIL, null, liWan, T0, EXPIRES, "2026-01"))
                .expectEvents(requested("r1"));
        fixture.given(new AccountHolderNamed(ACCOUNT, "Wan", "Li"))
                .when(new RequestEmailAssociation(
                        ACCOUNT,
                        "r1",
                        KEY,
                        EMAIL,
                        AssociationMethod.EMAIL,
                        null,
                        new HolderName("Wan", "Li-Zhang"),
                        T0,
                        EXPIRES,
                        "2026-01"))
                .expectEvents(new AccountHolderNamed(ACCOUNT, "Wan", "Li-Zhang"), requested("r1"));
    }

    @Test
    void cannotRequestAnAddressAlreadyActiveOnThisAccount() {
        fixture.given(requested("r1"), activated("r1"))
                .when(new RequestEmailAssociation(
                        ACCOUNT, "r2", KEY, EMAIL, AssociationMethod.EMAIL, null, null, T0, EXPIRES, "2026-01"))
                .expectNoEvents()
                .expectException(withCode(ErrorCode.ADDRESS_ALREADY_ACTIVE));
    }

    @Test
    void activatingWithAValidLinkAssociatesTheAddressAndClaimsIt() {
        fixture.given(requested("r1"))
                .when(new ActivateEmail(ACCOUNT, "r1", T0.plusSeconds(60)))
                .expectEvents(activated("r1"))
                .expectResultMessagePayload(new Accepted("r1", 1, false, false));
        assertThat(registry.owners).containsEntry(KEY, ACCOUNT);
    }

    @Test
    void activatingAnAddressHeldElsewhereRecordsWhereItCameFrom() {
        registry.owners.put(KEY, "acct-other");
        fixture.given(requested("r1"))
                .when(new ActivateEmail(ACCOUNT, "r1", T0.plusSeconds(60)))
                .expectEvents(new EmailActivated(
                        ACCOUNT, "r1", KEY, EMAIL, AssociationMethod.EMAIL, "acct-other", T0.plusSeconds(60), null));
        assertThat(registry.owners).containsEntry(KEY, ACCOUNT);
    }

    @Test
    void cannotActivateWithAnExpiredLink() {
        fixture.given(requested("r1"))
                .when(new ActivateEmail(ACCOUNT, "r1", EXPIRES))
                .expectNoEvents()
                .expectException(withCode(ErrorCode.LINK_NOT_VALID));
        assertThat(registry.owners).doesNotContainKey(KEY);
    }

    @Test
    void aNewRequestReplacesTheOldLink() {
        fixture.given(requested("r1"), requested("r2"))
                .when(new ActivateEmail(ACCOUNT, "r1", T0.plusSeconds(60)))
                .expectNoEvents()
                .expectException(withCode(ErrorCode.LINK_NOT_VALID));
    }

    @Test
    void aLinkWorksOnlyOnce() {
        fixture.given(requested("r1"), activated("r1"))
                .when(new ActivateEmail(ACCOUNT, "r1", T0.plusSeconds(120)))
                .expectNoEvents()
                .expectException(withCode(ErrorCode.LINK_NOT_VALID));
    }

    @Test
    void cannotActivateAnotherAccountsRequest() {
        fixture.given(requested("r1"))
                .when(new ActivateEmail(ACCOUNT, "someone-elses-request", T0.plusSeconds(60)))
                .expectNoEvents()
                .expectException(withCode(ErrorCode.LINK_NOT_VALID));
    }

    @Test
    void requestingDisassociationSendsAConfirmationForAnActiveAddress() {
        fixture.given(requested("r1"), activated("r1"))
                .when(new RequestEmailDisassociation(ACCOUNT, "d1", KEY, T0.plusSeconds(300), EXPIRES))
                .expectEvents(new EmailDisassociationRequested(ACCOUNT, "d1", KEY, EMAIL, T0.plusSeconds(300), EXPIRES))
                .expectResultMessagePayload(new Accepted("d1", 2, false, false));
    }

    @Test
    void cannotDisassociateAnAddressTheAccountDoesNotHold() {
        fixture.given(requested("r1"))
                .when(new RequestEmailDisassociation(ACCOUNT, "d1", KEY, T0.plusSeconds(300), EXPIRES))
                .expectNoEvents()
                .expectException(withCode(ErrorCode.ADDRESS_NOT_ASSOCIATED));
    }

    @Test
    void confirmingDisassociationReleasesTheAddress() {
        registry.owners.put(KEY, ACCOUNT);
        fixture.given(
                        requested("r1"),
                        activated("r1"),
                        new EmailDisassociationRequested(ACCOUNT, "d1", KEY, EMAIL, T0.plusSeconds(300), EXPIRES))
                .when(new ConfirmEmailDisassociation(ACCOUNT, "d1", T0.plusSeconds(400)))
                .expectEvents(new EmailDisassociated(
                        ACCOUNT, KEY, EMAIL, DisassociationCause.HOLDER_CONFIRMED, null, null, T0.plusSeconds(400)));
        assertThat(registry.owners).doesNotContainKey(KEY);
        assertThat(registry.released).containsExactly(KEY + "@" + ACCOUNT);
    }

    @Test
    void cannotConfirmDisassociationWithAnExpiredLink() {
        fixture.given(
                        requested("r1"),
                        activated("r1"),
                        new EmailDisassociationRequested(ACCOUNT, "d1", KEY, EMAIL, T0.plusSeconds(300), EXPIRES))
                .when(new ConfirmEmailDisassociation(ACCOUNT, "d1", EXPIRES.plusSeconds(1)))
                .expectNoEvents()
                .expectException(withCode(ErrorCode.LINK_NOT_VALID));
    }

    @Test
    void aDisassociationLinkIsVoidOnceTheAddressHasLeftTheAccount() {
        fixture.given(
                        requested("r1"),
                        activated("r1"),
                        new EmailDisassociationRequested(ACCOUNT, "d1", KEY, EMAIL, T0.plusSeconds(300), EXPIRES),
                        new EmailDisassociated(
                                ACCOUNT,
                                KEY,
                                EMAIL,
                                DisassociationCause.OWNERSHIP_MOVED,
                                "acct-2",
                                null,
                                T0.plusSeconds(350)))
                .when(new ConfirmEmailDisassociation(ACCOUNT, "d1", T0.plusSeconds(400)))
                .expectNoEvents()
                .expectException(withCode(ErrorCode.LINK_NOT_VALID));
    }

    @Test
    void removingAnAddressRecordsTheCauseAndReason() {
        fixture.given(requested("r1"), activated("r1"))
                .when(new RemoveEmail(
                        ACCOUNT,
                        KEY,
                        DisassociationCause.FORCED_UNBINDING,
                        null,
                        "another person's exams",
                        T0.plusSeconds(500)))
                .expectEvents(new EmailDisassociated(
                        ACCOUNT,
                        KEY,
                        EMAIL,
                        DisassociationCause.FORCED_UNBINDING,
                        null,
                        "another person's exams",
                        T0.plusSeconds(500)));
    }

    @Test
    void removingAnAddressNoLongerHeldChangesNothing() {
        fixture.given(requested("r1"))
                .when(new RemoveEmail(
                        ACCOUNT, KEY, DisassociationCause.OWNERSHIP_MOVED, "acct-2", null, T0.plusSeconds(500)))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    /** The ownership side, reduced to what the account relies on. */
    static final class OwnershipRegistry implements AddressRegistry {
        final Map<String, String> owners = new HashMap<>();
        final List<String> released = new ArrayList<>();

        @Override
        public Optional<String> ownerOf(String addressKey) {
            return Optional.ofNullable(owners.get(addressKey));
        }

        @Override
        public Optional<String> claim(String addressKey, String accountId, Instant at) {
            return Optional.ofNullable(owners.put(addressKey, accountId));
        }

        @Override
        public void release(String addressKey, String accountId, Instant at) {
            if (owners.remove(addressKey, accountId)) {
                released.add(addressKey + "@" + accountId);
            }
        }
    }

    @Test
    void aScoreReportForAnAddressAlreadyActiveBringsItsExamsWithoutALinkAndOnlyOnce() {
        ScoreReport report = new ScoreReport("Li", "Wan", "REG-2");
        RequestEmailAssociation again = new RequestEmailAssociation(
                ACCOUNT,
                "r2",
                KEY,
                EMAIL,
                AssociationMethod.SCORE_REPORT,
                report,
                null,
                T0.plusSeconds(120),
                EXPIRES,
                "2026-01");
        ScoreReportLinked linked = new ScoreReportLinked(ACCOUNT, KEY, "REG-2", T0.plusSeconds(120));
        fixture.given(requested("r1"), activated("r1"))
                .when(again)
                .expectEvents(linked)
                .expectResultMessagePayload(new Accepted("r2", 2, false, true));
        fixture.given(requested("r1"), activated("r1"), linked)
                .when(again)
                .expectNoEvents()
                .expectResultMessagePayload(new Accepted("r2", 2, false, true));
        // by e-mail, an active address is still refused
        fixture.given(requested("r1"), activated("r1"))
                .when(new RequestEmailAssociation(
                        ACCOUNT,
                        "r3",
                        KEY,
                        EMAIL,
                        AssociationMethod.EMAIL,
                        null,
                        null,
                        T0.plusSeconds(120),
                        EXPIRES,
                        "2026-01"))
                .expectNoEvents()
                .expectException(withCode(ErrorCode.ADDRESS_ALREADY_ACTIVE));
    }

    @Test
    void anActivationByScoreReportCarriesItsRegistrationNumber() {
        ScoreReport report = new ScoreReport("Li", "Wan", "REG-1");
        fixture.given(new EmailAssociationRequested(
                        ACCOUNT,
                        "r1",
                        KEY,
                        EMAIL,
                        AssociationMethod.SCORE_REPORT,
                        report,
                        false,
                        T0,
                        EXPIRES,
                        "2026-01"))
                .when(new ActivateEmail(ACCOUNT, "r1", T0.plusSeconds(60)))
                .expectEvents(new EmailActivated(
                        ACCOUNT, "r1", KEY, EMAIL, AssociationMethod.SCORE_REPORT, null, T0.plusSeconds(60), "REG-1"));
    }
}
