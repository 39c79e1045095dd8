package io.certtrail.query.activity.web;

import io.certtrail.platform.identity.Caller;
import io.certtrail.query.activity.ActivityReads;
import io.certtrail.query.activity.ActivityReads.Activity;
import java.util.Optional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The holder's own activity log (rule 29), and an auditor's view of any account's. */
@RestController
class ActivityController {

    private final ActivityReads activity;

    ActivityController(ActivityReads activity) {
        this.activity = activity;
    }

    /** @param days how many days of accesses, today included (90 unless given, at most 366) */
    @GetMapping("/api/me/activity")
    Activity mine(Caller caller, @RequestParam Optional<Integer> days) {
        return activity.of(caller.accountId(), days);
    }

    @GetMapping("/api/audit/accounts/{accountId}/activity")
    Activity ofAccount(@PathVariable String accountId, @RequestParam Optional<Integer> days) {
        return activity.of(accountId, days);
    }
}
