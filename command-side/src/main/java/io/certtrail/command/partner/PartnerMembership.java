package io.certtrail.command.partner;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import io.certtrail.command.partner.MembershipCommands.ApproveMembership;
import io.certtrail.command.partner.MembershipCommands.EndMembership;
import io.certtrail.command.partner.MembershipCommands.MembershipState;
import io.certtrail.command.partner.MembershipCommands.RequestMembership;
import io.certtrail.command.partner.MembershipCommands.Status;
import io.certtrail.events.partner.MembershipApproved;
import io.certtrail.events.partner.MembershipEnded;
import io.certtrail.events.partner.MembershipEnding;
import io.certtrail.events.partner.MembershipRequested;
import io.certtrail.platform.error.DomainException;
import io.certtrail.platform.error.ErrorCode;
import io.certtrail.platform.i18n.Text;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * An account's membership in a partner company (rule 10): at most one company at a time. The
 * employee asks, an administrator of that company approves, and either ends it. An administrator
 * of another company gets the same answer as for an account that asked nobody.
 */
@Aggregate
class PartnerMembership {

    @AggregateIdentifier
    private String membershipId;

    private String accountId;
    private String companyId;
    private Status status = Status.NONE;

    PartnerMembership() {
        // for Axon
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    MembershipState handle(RequestMembership command) {
        if (status != Status.NONE && command.companyId().equals(companyId)) {
            return state(); // asked again: nothing new
        }
        if (status == Status.ACTIVE) {
            throw new DomainException(ErrorCode.ALREADY_A_MEMBER, Text.of("problem.partner-membership.1"));
        }
        if (status == Status.REQUESTED) {
            apply(new MembershipEnded(
                    command.accountId(),
                    companyId,
                    command.accountId(),
                    MembershipEnding.REQUEST_WITHDRAWN,
                    "Replaced by a request to join another company",
                    command.at()));
        }
        apply(new MembershipRequested(command.accountId(), command.companyId(), command.at()));
        return state();
    }

    @CommandHandler
    MembershipState handle(ApproveMembership command) {
        requireCompany(command.companyId());
        if (status == Status.REQUESTED) {
            apply(new MembershipApproved(accountId, companyId, command.administrator(), command.at()));
        }
        return state();
    }

    @CommandHandler
    MembershipState handle(EndMembership command) {
        boolean byEmployee = command.companyId() == null;
        if (!byEmployee) {
            requireCompany(command.companyId());
        } else if (status == Status.NONE) {
            throw new DomainException(ErrorCode.NOT_FOUND, Text.of("problem.partner-membership.2"));
        }
        apply(new MembershipEnded(
                accountId,
                companyId,
                command.endedBy(),
                MembershipEnding.of(byEmployee, status == Status.ACTIVE),
                command.reason(),
                command.at()));
        return state();
    }

    private void requireCompany(String administratorsCompany) {
        if (status == Status.NONE || !administratorsCompany.equals(companyId)) {
            throw new DomainException(ErrorCode.NOT_FOUND, Text.of("problem.certificate-application.10"));
        }
    }

    private MembershipState state() {
        return new MembershipState(
                accountId, status == Status.NONE ? null : companyId, status, AggregateLifecycle.getVersion());
    }

    @EventSourcingHandler
    void on(MembershipRequested event) {
        membershipId = MembershipCommands.membershipIdFor(event.accountId());
        accountId = event.accountId();
        companyId = event.companyId();
        status = Status.REQUESTED;
    }

    @EventSourcingHandler
    void on(MembershipApproved event) {
        status = Status.ACTIVE;
    }

    @EventSourcingHandler
    void on(MembershipEnded event) {
        status = Status.NONE;
    }
}
