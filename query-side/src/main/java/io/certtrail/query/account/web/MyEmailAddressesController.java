package io.certtrail.query.account.web;

import io.certtrail.platform.identity.Caller;
import io.certtrail.query.account.MyEmailAddresses;
import io.certtrail.query.support.ReadModelWait;
import jakarta.validation.constraints.Min;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** "My e-mail addresses" for the signed-in holder; the account comes from the principal only. */
@RestController
@RequestMapping("/api/me")
class MyEmailAddressesController {

    private final MongoTemplate mongo;
    private final ReadModelWait wait;
    private final Clock clock;

    MyEmailAddressesController(MongoTemplate mongo, ReadModelWait wait, Clock clock) {
        this.mongo = mongo;
        this.wait = wait;
        this.clock = clock;
    }

    /**
     * @param status ACTIVE, PENDING_ACTIVATION, or ACTIVATION_EXPIRED (a link that was never used in time)
     * @param registrationNumbers the score reports given for this address: their exams are the holder's
     */
    record AddressView(String email, String status, String method, Instant requestedAt, Instant activatedAt,
            Instant linkExpiresAt, Instant disassociationRequestedAt, List<String> registrationNumbers) {
    }

    record MyAddresses(long accountVersion, List<AddressView> addresses) {
    }

    @GetMapping("/email-addresses")
    MyAddresses myAddresses(Caller caller, @RequestParam Optional<@Min(0) Long> minVersion) {
        java.util.function.Supplier<MyEmailAddresses> read = () -> Optional.ofNullable(
                mongo.findById(caller.accountId(), MyEmailAddresses.class))
                .orElseGet(() -> MyEmailAddresses.empty(caller.accountId()));
        MyEmailAddresses view = minVersion.isEmpty() ? read.get()
                : wait.untilVersion(caller.accountId(), minVersion.get(), MyEmailAddresses.COLLECTION,
                        caller.accountId(), read, current -> current.version() >= minVersion.get());
        Instant now = clock.instant();
        return new MyAddresses(view.version(), view.addresses().stream()
                .sorted(Comparator.comparing(MyEmailAddresses.Entry::email))
                .map(e -> new AddressView(e.email(), status(e, now), e.method(), e.requestedAt(), e.activatedAt(),
                        e.linkExpiresAt(), e.disassociationRequestedAt(), e.registrationNumbers()))
                .toList());
    }

    private static String status(MyEmailAddresses.Entry entry, Instant now) {
        if (entry.status() == MyEmailAddresses.Status.PENDING_ACTIVATION && entry.linkExpiresAt() != null
                && !now.isBefore(entry.linkExpiresAt())) {
            return "ACTIVATION_EXPIRED";
        }
        return entry.status().name();
    }
}
