package io.certtrail.query.account.web;

import io.certtrail.platform.identity.Caller;
import io.certtrail.query.account.MyEmailAddressReads;
import io.certtrail.query.account.MyEmailAddressReads.MyAddresses;
import jakarta.validation.constraints.Min;
import java.util.Optional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** "My e-mail addresses" for the signed-in holder; the account comes from the principal only. */
@RestController
@RequestMapping("/api/me")
class MyEmailAddressesController {

    private final MyEmailAddressReads reads;

    MyEmailAddressesController(MyEmailAddressReads reads) {
        this.reads = reads;
    }

    @GetMapping("/email-addresses")
    MyAddresses myAddresses(Caller caller, @RequestParam Optional<@Min(0) Long> minVersion) {
        return reads.of(caller.accountId(), minVersion);
    }
}
