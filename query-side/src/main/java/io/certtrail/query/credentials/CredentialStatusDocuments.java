package io.certtrail.query.credentials;

import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** Where each certificate's bit is in the published status lists, and which bits are set. */
final class CredentialStatusDocuments {

    private CredentialStatusDocuments() {}

    /**
     * A certificate's place in the status lists, fixed by the event that first recorded it under
     * this number: its position in the event store ({@code list} = position / list size, {@code
     * index} = the rest). A replay or a rebuild reads the same events in the same places, so a
     * credential handed out keeps pointing at its own bit.
     *
     * @param id the record and the number ({@link #idOf})
     */
    @Document(StatusEntry.COLLECTION)
    record StatusEntry(@Id String id, long list, int index) {

        static final String COLLECTION = "credential_status";

        static String idOf(String recordId, String certificateNumber) {
            return recordId + "|" + certificateNumber;
        }
    }

    /**
     * The set bits of one status list: certificates revoked, or replaced by a corrected number.
     *
     * @param id the list's number, as text
     */
    @Document(StatusList.COLLECTION)
    record StatusList(@Id String id, List<Integer> revoked) {

        static final String COLLECTION = "credential_status_lists";
    }
}
