package io.certtrail.query.records;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * Where the projection last put a record, and which revision: lets a correction that changes the
 * address (or registration number) take the old version away, and makes redelivery harmless.
 */
@Document("record_locators")
public record RecordLocator(@Id String recordId, int revision, String addressKey, String registrationNumber) {
}
