package io.certtrail.command.certificate.approval;

import com.mongodb.client.model.ReplaceOptions;
import io.certtrail.command.certificate.CertificateCommands;
import io.certtrail.events.certificate.CertificateApplicationVoided;
import io.certtrail.events.certificate.CertificateApplied;
import io.certtrail.events.certificate.CertificateApproved;
import io.certtrail.events.certificate.PrintedNameCorrectionDecided;
import io.certtrail.events.records.CertificationRevoked;
import io.certtrail.platform.axon.ProcessingGroups;
import java.time.LocalDate;
import java.util.List;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * The durable half of the automatic approvals: every application still waiting for its day, kept
 * from the events (one document per application, removed once approved, voided or its
 * certificate revoked). It survives restarts because it is stored, and can always be rebuilt because it is
 * derived; {@link AutomaticApprovals} reads it. Idempotent: each event sets or removes one document.
 */
@Component
@ProcessingGroup(ApprovalsDue.PROCESSING_GROUP)
public class ApprovalsDue {

    public static final String PROCESSING_GROUP = ProcessingGroups.APPROVALS;
    static final String COLLECTION = "approvals_due";

    private final MongoTemplate mongo;

    ApprovalsDue(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /**
     * A printed name under review is kept, marked, until the office accepts a name: only the office
     * approves it meanwhile, the sweep passes it by.
     */
    @EventHandler
    void on(CertificateApplied event) {
        Document entry = new Document("_id", event.applicationId())
                .append("due", event.availableFrom().toString());
        if (Boolean.TRUE.equals(event.nameReview())) {
            entry.append("nameReview", true);
        }
        mongo.getCollection(COLLECTION)
                .replaceOne(new Document("_id", event.applicationId()), entry, new ReplaceOptions().upsert(true));
    }

    /** The office accepted a corrected name: still waiting (the entry is there), it is due on its day. */
    @EventHandler
    void on(PrintedNameCorrectionDecided event) {
        if (event.approved()) {
            mongo.getCollection(COLLECTION)
                    .updateOne(
                            new Document("_id", event.applicationId()),
                            new Document("$unset", new Document("nameReview", "")));
        }
    }

    @EventHandler
    void on(CertificateApproved event) {
        remove(event.applicationId());
    }

    @EventHandler
    void on(CertificateApplicationVoided event) {
        remove(event.applicationId());
    }

    @EventHandler
    void on(CertificationRevoked event) {
        remove(CertificateCommands.applicationIdFor(event.recordId()));
    }

    @ResetHandler
    void reset() {
        mongo.dropCollection(COLLECTION);
    }

    private void remove(String applicationId) {
        mongo.getCollection(COLLECTION).deleteOne(new Document("_id", applicationId));
    }

    /** The applications whose day has come (ISO dates compare as text), oldest day first. */
    List<String> dueOn(LocalDate today) {
        return mongo
                .find(
                        Query.query(Criteria.where("due")
                                .lte(today.toString())
                                .and("nameReview")
                                .ne(true)),
                        Document.class,
                        COLLECTION)
                .stream()
                .sorted(java.util.Comparator.comparing((Document d) -> d.getString("due"))
                        .thenComparing(d -> d.getString("_id")))
                .map(d -> d.getString("_id"))
                .toList();
    }
}
