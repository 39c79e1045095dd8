package io.certtrail.query.account;

import io.certtrail.query.support.ReadModelWait;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * "My e-mail addresses" as read: the account's addresses with their state, a link never used in
 * time showing as expired; after a command, once the view has its version (read your own write).
 */
@Component
public class MyEmailAddressReads {

    private final MongoTemplate mongo;
    private final ReadModelWait wait;
    private final Clock clock;

    MyEmailAddressReads(MongoTemplate mongo, ReadModelWait wait, Clock clock) {
        this.mongo = mongo;
        this.wait = wait;
        this.clock = clock;
    }

    /**
     * @param status ACTIVE, PENDING_ACTIVATION, or ACTIVATION_EXPIRED (a link that was never used in time)
     * @param registrationNumbers the score reports given for this address: their exams are the holder's
     */
    public record AddressView(
            String email,
            String status,
            String method,
            Instant requestedAt,
            Instant activatedAt,
            Instant linkExpiresAt,
            Instant disassociationRequestedAt,
            List<String> registrationNumbers) {}

    /** @param expiryReminders whether mails remind the holder before a certificate of theirs expires */
    /** @param language the language the holder chose (zh-CN, en), null: each request's Accept-Language */
    public record MyAddresses(
            long accountVersion, List<AddressView> addresses, boolean expiryReminders, String language) {}

    public MyAddresses of(String accountId, Optional<Long> minVersion) {
        java.util.function.Supplier<MyEmailAddresses> read =
                () -> Optional.ofNullable(mongo.findById(accountId, MyEmailAddresses.class))
                        .orElseGet(() -> MyEmailAddresses.empty(accountId));
        MyEmailAddresses view = minVersion.isEmpty()
                ? read.get()
                : wait.untilVersion(
                        accountId,
                        minVersion.get(),
                        MyEmailAddresses.class,
                        accountId,
                        read,
                        current -> current.version() >= minVersion.get());
        Instant now = clock.instant();
        return new MyAddresses(
                view.version(),
                view.addresses().stream()
                        .sorted(Comparator.comparing(MyEmailAddresses.Entry::email))
                        .map(e -> new AddressView(
                                e.email(),
                                status(e, now),
                                e.method(),
                                e.requestedAt(),
                                e.activatedAt(),
                                e.linkExpiresAt(),
                                e.disassociationRequestedAt(),
                                e.registrationNumbers()))
                        .toList(),
                !view.expiryRemindersOff(),
                view.language());
    }

    private static String status(MyEmailAddresses.Entry entry, Instant now) {
        if (entry.status() == MyEmailAddresses.Status.PENDING_ACTIVATION
                && entry.linkExpiresAt() != null
                && !now.isBefore(entry.linkExpiresAt())) {
            return "ACTIVATION_EXPIRED";
        }
        return entry.status().name();
    }
}
