package io.certtrail.query.bindings;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** The documents the suspect-binding check keeps; all fetched by {@code _id}. */
final class BindingDocuments {

    private BindingDocuments() {}

    /**
     * What the check knows of one address: its owner (and since when) and the candidate names on its
     * exam results.
     */
    @Document("bindings_addresses")
    record BoundAddress(
            @Id String addressKey, String owner, List<Exam> exams, List<String> suspects, Instant ownedSince) {
        BoundAddress {
            exams = exams == null ? List.of() : exams;
            suspects = suspects == null ? List.of() : suspects;
        }

        /** Set semantics, as before with {@code $addToSet}: the same exam delivered again changes nothing. */
        BoundAddress withExam(Exam exam) {
            if (exams.contains(exam)) {
                return this;
            }
            List<Exam> next = new ArrayList<>(withoutExam(exam.recordId()).exams());
            next.add(exam);
            return new BoundAddress(addressKey, owner, next, suspects, ownedSince);
        }

        BoundAddress withoutExam(String recordId) {
            return new BoundAddress(
                    addressKey,
                    owner,
                    exams.stream()
                            .filter(exam -> !exam.recordId().equals(recordId))
                            .toList(),
                    suspects,
                    ownedSince);
        }

        BoundAddress ownedBy(String account, Instant since) {
            return new BoundAddress(addressKey, account, exams, suspects, account == null ? null : since);
        }

        BoundAddress withSuspects(List<String> next) {
            return new BoundAddress(addressKey, owner, exams, next, ownedSince);
        }
    }

    /** @param recordedAt when this version of the result arrived (its event's time) */
    record Exam(
            String recordId,
            String registrationNumber,
            String examName,
            String email,
            String firstName,
            String lastName,
            Instant recordedAt) {}

    /** The account holder's name and the addresses the account owns. */
    @Document("bindings_holders")
    record Holder(@Id String accountId, String firstName, String lastName, List<String> addresses) {
        Holder {
            addresses = addresses == null ? List.of() : addresses;
        }

        Holder with(String addressKey) {
            if (addresses.contains(addressKey)) {
                return this;
            }
            List<String> next = new ArrayList<>(addresses);
            next.add(addressKey);
            return new Holder(accountId, firstName, lastName, next);
        }

        Holder without(String addressKey) {
            return new Holder(
                    accountId,
                    firstName,
                    lastName,
                    addresses.stream().filter(key -> !key.equals(addressKey)).toList());
        }
    }
}
