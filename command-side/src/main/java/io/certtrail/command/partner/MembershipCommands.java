package io.certtrail.command.partner;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The commands of {@link PartnerMembership}: one aggregate per employee account. */
public final class MembershipCommands {

    private MembershipCommands() {}

    public static String membershipIdFor(String accountId) {
        return "member:" + accountId;
    }

    public record RequestMembership(
            @TargetAggregateIdentifier String membershipId, String accountId, String companyId, Instant at) {}

    /** @param companyId the approving administrator's company, from their token */
    public record ApproveMembership(
            @TargetAggregateIdentifier String membershipId, String companyId, String administrator, Instant at) {}

    /**
     * @param companyId for an administrator, their company from their token; null when the employee ends it
     */
    public record EndMembership(
            @TargetAggregateIdentifier String membershipId,
            String companyId,
            String endedBy,
            String reason,
            Instant at) {}

    public enum Status {
        NONE,
        REQUESTED,
        ACTIVE
    }

    public record MembershipState(String accountId, String companyId, Status status, long version) {}
}
