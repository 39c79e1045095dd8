package io.certtrail.platform.identity;

import java.util.Set;

/**
 * The authenticated caller, as the domain sees it: taken from the principal, never from a path
 * or a body, so a holder can only ever act on their own account.
 *
 * @param accountId the caller's account (for holders, the aggregate identifier; opaque, no personal data)
 * @param firstName the given name the identity provider states, if any
 * @param lastName the family name the identity provider states, if any
 * @param partnerCompany for partner administrators and employees, the company the identity provider states
 * @param thirdParty signed in with another provider's account (a social login, say) rather than one of ours:
 *        rule 8 keeps electronic certificates from such accounts
 * @param email the e-mail address the identity provider states for the caller, if any (where a partner
 *        administrator's digest goes)
 */
public record Caller(
        String accountId,
        Set<Role> roles,
        String firstName,
        String lastName,
        String partnerCompany,
        boolean thirdParty,
        String email) {

    public Caller {
        roles = Set.copyOf(roles);
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    /** The partner administrator's own company, from the token; refused when the token names none. */
    public String partnerCompanyOrRefuse() {
        if (partnerCompany == null || partnerCompany.isBlank()) {
            throw new io.certtrail.platform.error.DomainException(
                    io.certtrail.platform.error.ErrorCode.FORBIDDEN,
                    io.certtrail.platform.i18n.Text.of("problem.no-partner-company"));
        }
        return partnerCompany;
    }

    /** The role recorded as the actor's in event metadata: the most specific one. */
    public Role primaryRole() {
        for (Role role : new Role[] {Role.INTEGRATION, Role.OPERATOR, Role.AUDITOR, Role.PARTNER_ADMIN, Role.HOLDER}) {
            if (roles.contains(role)) {
                return role;
            }
        }
        throw new IllegalStateException("caller without a role");
    }
}
