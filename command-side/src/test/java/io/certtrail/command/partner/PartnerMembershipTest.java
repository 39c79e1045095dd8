package io.certtrail.command.partner;

import static io.certtrail.command.support.DomainErrors.withCode;

import io.certtrail.command.partner.MembershipCommands.ApproveMembership;
import io.certtrail.command.partner.MembershipCommands.EndMembership;
import io.certtrail.command.partner.MembershipCommands.MembershipState;
import io.certtrail.command.partner.MembershipCommands.RequestMembership;
import io.certtrail.command.partner.MembershipCommands.Status;
import io.certtrail.events.partner.MembershipApproved;
import io.certtrail.events.partner.MembershipEnded;
import io.certtrail.events.partner.MembershipEnding;
import io.certtrail.events.partner.MembershipRequested;
import io.certtrail.platform.error.ErrorCode;
import java.time.Instant;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PartnerMembershipTest {

    private static final String ACCOUNT = "acct-1";
    private static final String ID = MembershipCommands.membershipIdFor(ACCOUNT);
    private static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");
    private static final Instant T1 = T0.plusSeconds(3600);

    private AggregateTestFixture<PartnerMembership> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(PartnerMembership.class);
    }

    @Test
    void anEmployeeAsksAndAnAdministratorOfThatCompanyApproves() {
        fixture.givenNoPriorActivity()
                .when(new RequestMembership(ID, ACCOUNT, "acme", T0))
                .expectEvents(new MembershipRequested(ACCOUNT, "acme", T0))
                .expectResultMessagePayload(new MembershipState(ACCOUNT, "acme", Status.REQUESTED, 0));
        fixture.given(new MembershipRequested(ACCOUNT, "acme", T0))
                .when(new ApproveMembership(ID, "acme", "admin-1", T1))
                .expectEvents(new MembershipApproved(ACCOUNT, "acme", "admin-1", T1));
    }

    @Test
    void anAdministratorOfAnotherCompanyCannotApproveNorLearnThatTheRequestExists() {
        fixture.given(new MembershipRequested(ACCOUNT, "acme", T0))
                .when(new ApproveMembership(ID, "globex", "admin-2", T1))
                .expectNoEvents()
                .expectException(withCode(ErrorCode.NOT_FOUND));
        fixture.given(new MembershipRequested(ACCOUNT, "acme", T0), new MembershipApproved(ACCOUNT, "acme", "a", T0))
                .when(new EndMembership(ID, "globex", "admin-2", null, T1))
                .expectNoEvents()
                .expectException(withCode(ErrorCode.NOT_FOUND));
    }

    @Test
    void eitherSideEndsAMembership() {
        fixture.given(new MembershipRequested(ACCOUNT, "acme", T0), new MembershipApproved(ACCOUNT, "acme", "a", T0))
                .when(new EndMembership(ID, null, ACCOUNT, "New job", T1))
                .expectEvents(new MembershipEnded(ACCOUNT, "acme", ACCOUNT, MembershipEnding.LEFT, "New job", T1));
        fixture.given(new MembershipRequested(ACCOUNT, "acme", T0), new MembershipApproved(ACCOUNT, "acme", "a", T0))
                .when(new EndMembership(ID, "acme", "admin-1", "Left the company", T1))
                .expectEvents(new MembershipEnded(
                        ACCOUNT, "acme", "admin-1", MembershipEnding.REMOVED, "Left the company", T1));
    }

    @Test
    void anAdministratorDecliningARequestEndsItUnapproved() {
        fixture.given(new MembershipRequested(ACCOUNT, "acme", T0))
                .when(new EndMembership(ID, "acme", "admin-1", null, T1))
                .expectEvents(
                        new MembershipEnded(ACCOUNT, "acme", "admin-1", MembershipEnding.REQUEST_DECLINED, null, T1));
    }

    @Test
    void anEmployeeBelongsToOneCompanyAtATime() {
        fixture.given(new MembershipRequested(ACCOUNT, "acme", T0), new MembershipApproved(ACCOUNT, "acme", "a", T0))
                .when(new RequestMembership(ID, ACCOUNT, "globex", T1))
                .expectNoEvents()
                .expectException(withCode(ErrorCode.ALREADY_A_MEMBER));
    }

    @Test
    void aPendingRequestIsReplacedByARequestToAnotherCompany() {
        fixture.given(new MembershipRequested(ACCOUNT, "acme", T0))
                .when(new RequestMembership(ID, ACCOUNT, "globex", T1))
                .expectEvents(
                        new MembershipEnded(
                                ACCOUNT,
                                "acme",
                                ACCOUNT,
                                MembershipEnding.REQUEST_WITHDRAWN,
                                "Replaced by a request to join another company",
                                T1),
                        new MembershipRequested(ACCOUNT, "globex", T1));
    }

    @Test
    void askingAgainOrApprovingAgainChangesNothing() {
        fixture.given(new MembershipRequested(ACCOUNT, "acme", T0))
                .when(new RequestMembership(ID, ACCOUNT, "acme", T1))
                .expectNoEvents();
        fixture.given(new MembershipRequested(ACCOUNT, "acme", T0), new MembershipApproved(ACCOUNT, "acme", "a", T0))
                .when(new ApproveMembership(ID, "acme", "admin-1", T1))
                .expectNoEvents();
    }

    @Test
    void leavingWithoutMembershipIsRefused() {
        fixture.given(
                        new MembershipRequested(ACCOUNT, "acme", T0),
                        new MembershipEnded(ACCOUNT, "acme", ACCOUNT, MembershipEnding.REQUEST_WITHDRAWN, null, T0))
                .when(new EndMembership(ID, null, ACCOUNT, null, T1))
                .expectNoEvents()
                .expectException(withCode(ErrorCode.NOT_FOUND));
    }
}
