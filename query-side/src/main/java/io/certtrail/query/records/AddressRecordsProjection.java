package io.certtrail.query.records;

import io.certtrail.events.records.CertificationRecorded;
import io.certtrail.events.records.CertificationRenewed;
import io.certtrail.events.records.ExamResultRecorded;
import io.certtrail.events.records.RecordEvent;
import io.certtrail.events.records.TrainingRecorded;
import io.certtrail.platform.axon.ProcessingGroups;
import io.certtrail.platform.operations.ProjectionReset;
import io.certtrail.platform.readmodels.AddressRecords;
import io.certtrail.platform.readmodels.AddressRecords.CertificationEntry;
import io.certtrail.platform.readmodels.AddressRecords.ExamEntry;
import io.certtrail.platform.readmodels.AddressRecords.TrainingEntry;
import io.certtrail.platform.readmodels.ExamRegistration;
import io.certtrail.query.support.ProjectionBatch;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Files every record under its address (and exam results under their registration number).
 * Each change is a single-document atomic update by {@code _id}: a correction pulls the version
 * it replaces (the event names it), then the new version is added with {@code $addToSet}. So
 * segments working in parallel on records of one address never overwrite each other, and an event
 * delivered again, in order, leaves the same state. No lookups; the updates of a batch go in one
 * bulk write.
 */
@Component
@ProcessingGroup(ProcessingGroups.RECORDS)
public class AddressRecordsProjection {

    private final MongoTemplate mongo;

    public AddressRecordsProjection(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @EventHandler
    void on(RecordEvent event) {
        ProjectionBatch batch = ProjectionBatch.current(mongo);
        String list = list(event);
        if (event.replacedAddressKey() != null) {
            pull(batch, AddressRecords.class, event.replacedAddressKey(), list, event.recordId());
        }
        addToList(batch, AddressRecords.class, event.addressKey(), list, entry(event));
        if (event instanceof ExamResultRecorded exam) {
            if (exam.replaced() != null) {
                pull(batch, ExamRegistration.class, exam.replaced().registrationNumber(), "exams", event.recordId());
            }
            addToList(
                    batch,
                    ExamRegistration.class,
                    exam.exam().registrationNumber(),
                    "exams",
                    new ExamRegistration.Exam(
                            exam.recordId(),
                            exam.addressKey(),
                            exam.exam().candidateFirstName(),
                            exam.exam().candidateLastName(),
                            exam.exam().examDate()));
        }
    }

    /** The latest renewal of a certificate replaces the one before (they come in order: one aggregate's). */
    @EventHandler
    void on(CertificationRenewed event) {
        ProjectionBatch batch = ProjectionBatch.current(mongo);
        pull(batch, AddressRecords.class, event.addressKey(), "renewals", event.recordId());
        batch.update(
                AddressRecords.class,
                event.addressKey(),
                new Update()
                        .push(
                                "renewals",
                                mongo.getConverter()
                                        .convertToMongoType(
                                                new AddressRecords.Renewal(event.recordId(), event.expirationDate()))),
                true);
    }

    @ResetHandler
    void reset(ProjectionReset reset) {
        if (!reset.rebuild()) {
            return; // a replay: the documents take the events again, unchanged
        }
        mongo.dropCollection(AddressRecords.class);
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

    private static void pull(ProjectionBatch batch, Class<?> document, String id, String list, String recordId) {
        batch.update(document, id, new Update().pull(list, new Document("recordId", recordId)), false);
    }

    /**
     * The entry is built from the event alone, so a redelivered event yields an identical entry,
     * which {@code $addToSet} does not add twice.
     */
    private void addToList(ProjectionBatch batch, Class<?> document, String id, String list, Object entry) {
        batch.update(
                document, id, new Update().addToSet(list, mongo.getConverter().convertToMongoType(entry)), true);
    }
}
