package io.certtrail.command.certificate;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import io.certtrail.platform.privacy.PersonNames;
import java.util.List;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * {@link PrintedNames}: a printed name is the holder's when it is the account holder's name the
 * identity provider states, or the candidate name of an exam taken with the certificate's address
 * (a holder who sat the exam as 李瑞瑞 may print it), in either order, accents and case aside.
 *
 * <p>The candidates' names are read from the query side's {@code address_records} view (one
 * document per address, by {@code _id}): exams are recorded long before their certificate is
 * applied for, so its lag does not matter.
 */
@Component
class PrintedNamesFromRecords implements PrintedNames {

    static final String ADDRESS_RECORDS = "address_records";

    private final MongoTemplate mongo;

    PrintedNamesFromRecords(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public boolean areTheHolders(String printed, String holderFirstName, String holderLastName, String addressKey) {
        if (PersonNames.isNameOf(printed, holderFirstName, holderLastName)) {
            return true;
        }
        Document records = mongo.getCollection(ADDRESS_RECORDS).find(Filters.eq("_id", addressKey))
                .projection(Projections.include("exams.exam.candidateFirstName", "exams.exam.candidateLastName"))
                .first();
        if (records == null) {
            return false;
        }
        for (Document entry : records.getList("exams", Document.class, List.of())) {
            Document exam = entry.get("exam", Document.class);
            if (exam != null && PersonNames.isNameOf(printed, exam.getString("candidateFirstName"),
                    exam.getString("candidateLastName"))) {
                return true;
            }
        }
        return false;
    }
}
