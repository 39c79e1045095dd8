package io.certtrail.query.bindings;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * An exam result whose candidate is not the holder of the account its address is bound to
 * (rule 5): the certification office reviews it and may force the unbinding.
 *
 * @param id {@code addressKey|recordId}
 */
@Document(SuspectBinding.COLLECTION)
public record SuspectBinding(
        @Id String id,
        String addressKey,
        String email,
        String accountId,
        String recordId,
        String registrationNumber,
        String examName,
        String candidateName,
        String holderName,
        Instant detectedAt) {

    public static final String COLLECTION = "suspect_bindings";
}
