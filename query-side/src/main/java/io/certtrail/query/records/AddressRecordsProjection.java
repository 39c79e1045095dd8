package io.certtrail.query.records;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import io.certtrail.events.records.CertificationRecorded;
import io.certtrail.events.records.ExamResultRecorded;
import io.certtrail.events.records.RecordEvent;
import io.certtrail.events.records.TrainingRecorded;
import io.certtrail.query.records.AddressRecords.CertificationEntry;
import io.certtrail.query.records.AddressRecords.ExamEntry;
import io.certtrail.query.records.AddressRecords.TrainingEntry;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Files every record under its address (and exam results under their registration number).
 * Each change is a single-document atomic update ($pull the record, $push its new version), so
 * segments working in parallel on records of the same address never overwrite each other, and
 * the locator makes every event idempotent.
 */
@Component
@ProcessingGroup("records")
public class AddressRecordsProjection {

    private final MongoTemplate mongo;

    public AddressRecordsProjection(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @EventHandler
    void on(RecordEvent event) {
        RecordLocator locator = mongo.findById(event.recordId(), RecordLocator.class);
        if (locator != null && locator.revision() >= event.revision()) {
            return;
        }
        String list = list(event);
        if (locator != null && !locator.addressKey().equals(event.addressKey())) {
            pull(AddressRecords.COLLECTION, locator.addressKey(), list, event.recordId());
        }
        pull(AddressRecords.COLLECTION, event.addressKey(), list, event.recordId());
        push(AddressRecords.COLLECTION, event.addressKey(), list, entry(event));

        String registration = null;
        if (event instanceof ExamResultRecorded exam) {
            registration = exam.exam().registrationNumber();
            if (locator != null && locator.registrationNumber() != null) {
                pull(ExamRegistration.COLLECTION, locator.registrationNumber(), "exams", event.recordId());
            }
            pull(ExamRegistration.COLLECTION, registration, "exams", event.recordId());
            push(ExamRegistration.COLLECTION, registration, "exams", new ExamRegistration.Exam(exam.recordId(),
                    exam.addressKey(), exam.exam().candidateFirstName(), exam.exam().candidateLastName(),
                    exam.exam().examDate()));
        }
        mongo.save(new RecordLocator(event.recordId(), event.revision(), event.addressKey(), registration));
    }

    @ResetHandler
    void reset() {
        mongo.dropCollection(AddressRecords.class);
        mongo.dropCollection(RecordLocator.class);
        mongo.dropCollection(ExamRegistration.class);
    }

    private static String list(RecordEvent event) {
        if (event instanceof TrainingRecorded) {
            return "trainings";
        }
        return event instanceof ExamResultRecorded ? "exams" : "certifications";
    }

    private static Object entry(RecordEvent event) {
        if (event instanceof TrainingRecorded e) {
            return new TrainingEntry(e.recordId(), e.revision(), e.receivedAt(), e.training());
        }
        if (event instanceof ExamResultRecorded e) {
            return new ExamEntry(e.recordId(), e.revision(), e.receivedAt(), e.exam());
        }
        CertificationRecorded e = (CertificationRecorded) event;
        return new CertificationEntry(e.recordId(), e.revision(), e.receivedAt(), e.certification());
    }

    private void pull(String collection, String id, String list, String recordId) {
        mongo.updateFirst(query(where("_id").is(id)),
                new Update().pull(list, new Document("recordId", recordId)), collection);
    }

    private void push(String collection, String id, String list, Object entry) {
        mongo.upsert(query(where("_id").is(id)),
                new Update().push(list, mongo.getConverter().convertToMongoType(entry)), collection);
    }
}
