package io.certtrail.command.certificate;

import io.certtrail.platform.privacy.PersonNames;
import io.certtrail.platform.readmodels.AddressRecords;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * {@link PrintedNames}: a printed name is the holder's when it is the account holder's name the
 * identity provider states, or the candidate name of an exam taken with the certificate's address
 * (a holder who sat the exam as 李瑞瑞 may print it), in either order, accents and case aside.
 *
 * <p>The candidates' names are read from the query side's {@link AddressRecords} view (one
 * document per address, by {@code _id}): exams are recorded long before their certificate is
 * applied for, so its lag does not matter.
 */
@Component
class PrintedNamesFromRecords implements PrintedNames {

    private final MongoTemplate mongo;

    PrintedNamesFromRecords(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public boolean areTheHolders(String printed, String holderFirstName, String holderLastName, String addressKey) {
        if (PersonNames.isNameOf(printed, holderFirstName, holderLastName)) {
            return true;
        }
        Query exams = Query.query(Criteria.where("_id").is(addressKey));
        exams.fields().include("exams");
        AddressRecords records = mongo.findOne(exams, AddressRecords.class);
        return records != null
                && records.exams().stream()
                        .map(AddressRecords.ExamEntry::exam)
                        .anyMatch(exam ->
                                PersonNames.isNameOf(printed, exam.candidateFirstName(), exam.candidateLastName()));
    }
}
