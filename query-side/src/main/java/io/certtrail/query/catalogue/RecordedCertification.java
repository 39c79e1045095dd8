package io.certtrail.query.catalogue;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A certification name some record stated: what the office's list of certifications the catalogue
 * lacks is made from. Both fields are minimums ({@code $min}), so the document is the same whatever
 * order the records were handled in, or how often.
 *
 * @param firstRecordedAt the earliest time a record stating it was received
 * @param exampleRecordId one record that states it (the first in text order)
 */
@Document(RecordedCertification.COLLECTION)
public record RecordedCertification(@Id String certificationName, String exampleRecordId, Instant firstRecordedAt) {

    public static final String COLLECTION = "recorded_certifications";
}
