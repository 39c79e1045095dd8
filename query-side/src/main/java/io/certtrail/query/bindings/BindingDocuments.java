package io.certtrail.query.bindings;

import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** The documents the suspect-binding check keeps; all fetched by {@code _id}. */
final class BindingDocuments {

    private BindingDocuments() {
    }

    /** What the check knows of one address: its owner and the candidate names on its exam results. */
    @Document("bindings_addresses")
    record BoundAddress(@Id String addressKey, String owner, List<Exam> exams, List<String> suspects) {
        BoundAddress {
            exams = exams == null ? List.of() : exams;
            suspects = suspects == null ? List.of() : suspects;
        }
    }

    record Exam(String recordId, String registrationNumber, String examName, String email, String firstName,
            String lastName) {
    }

    /** The account holder's name and the addresses the account owns. */
    @Document("bindings_holders")
    record Holder(@Id String accountId, String firstName, String lastName, List<String> addresses) {
        Holder {
            addresses = addresses == null ? List.of() : addresses;
        }
    }
}
