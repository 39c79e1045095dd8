package io.certtrail.query.partner.web;

import io.certtrail.platform.identity.Caller;
import io.certtrail.query.partner.PartnerDocuments.Account;
import io.certtrail.query.partner.PartnerView;
import java.time.Instant;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The signed-in holder's own membership: which company sees their records, and any open request. */
@RestController
class MyPartnerMembershipController {

    private final PartnerView view;

    MyPartnerMembershipController(PartnerView view) {
        this.view = view;
    }

    record MyMembership(String companyId, Instant memberSince, String requestedCompanyId, Instant requestedAt) {}

    @GetMapping("/api/me/partner-membership")
    MyMembership mine(Caller caller) {
        Account account = view.account(caller.accountId());
        return account == null
                ? new MyMembership(null, null, null, null)
                : new MyMembership(
                        account.companyId(),
                        account.memberSince(),
                        account.requestedCompanyId(),
                        account.requestedAt());
    }
}
