package io.certtrail.query.account;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * The holder's "my e-mail addresses" view: one document per account, fetched by {@code _id}.
 *
 * @param version the sequence number of the last account event applied; -1 before any
 * @param expiryRemindersOff whether the holder turned off the reminders before certificates expire
 * @param language the language the holder chose (a tag: zh-CN, en), null for none
 */
@Document(MyEmailAddresses.COLLECTION)
public record MyEmailAddresses(
        @Id String accountId, long version, List<Entry> addresses, boolean expiryRemindersOff, String language) {

    public MyEmailAddresses(String accountId, long version, List<Entry> addresses, boolean expiryRemindersOff) {
        this(accountId, version, addresses, expiryRemindersOff, null);
    }

    public static final String COLLECTION = "my_email_addresses";

    public MyEmailAddresses {
        addresses = addresses == null ? new ArrayList<>() : new ArrayList<>(addresses);
    }

    public static MyEmailAddresses empty(String accountId) {
        return new MyEmailAddresses(accountId, -1, List.of(), false);
    }

    public enum Status {
        PENDING_ACTIVATION,
        ACTIVE
    }

    /**
     * @param registrationNumber the score report's, for an association by score report
     * @param linkedRegistrations score reports given later for the address, already active
     */
    public record Entry(
            String addressKey,
            String email,
            Status status,
            String method,
            Instant requestedAt,
            Instant linkExpiresAt,
            Instant activatedAt,
            Instant disassociationRequestedAt,
            String registrationNumber,
            List<String> linkedRegistrations) {

        public Entry {
            linkedRegistrations = linkedRegistrations == null ? List.of() : List.copyOf(linkedRegistrations);
        }

        /** Every registration number whose exams this address brought: at its association, and since. */
        public List<String> registrationNumbers() {
            List<String> all = new ArrayList<>();
            if (registrationNumber != null) {
                all.add(registrationNumber);
            }
            linkedRegistrations.stream().filter(number -> !all.contains(number)).forEach(all::add);
            return all;
        }
    }
}
