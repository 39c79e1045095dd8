package io.certtrail.query.records;

import io.certtrail.platform.readmodels.AddressRecords;
import io.certtrail.platform.readmodels.AddressRecords.CertificationEntry;
import io.certtrail.platform.readmodels.AddressRecords.ExamEntry;
import io.certtrail.platform.readmodels.AddressRecords.TrainingEntry;
import io.certtrail.platform.readmodels.ExamRegistration;
import io.certtrail.query.account.MyEmailAddresses;
import io.certtrail.query.support.ReadModelWait;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * The records one account may see: those of the addresses active on it, plus (association method
 * 2) the exam results that carry a registration number it associated. Everything is looked up by
 * {@code _id} starting from the account, so no identifier a caller sends can widen the set.
 */
@Component
public class HolderRecords {

    private final MongoTemplate mongo;
    private final ReadModelWait wait;

    HolderRecords(MongoTemplate mongo, ReadModelWait wait) {
        this.mongo = mongo;
        this.wait = wait;
    }

    public record Visible(
            List<TrainingEntry> trainings, List<ExamEntry> exams, List<CertificationEntry> certifications) {}

    /**
     * The certificates on the holder's active addresses: two reads, the account's addresses and then
     * the records of all of them in one query. Exam registrations (score-report associations) link
     * exams only, so the certificates need none of them. Measured with the benchmark: My Certificates
     * read the addresses one by one and every registration too.
     *
     * @param minVersion the account version a command answered with: read your own writes
     */
    public List<CertificationEntry> certificationsOf(String accountId, Optional<Long> minVersion) {
        MyEmailAddresses account = account(accountId, minVersion);
        if (account == null) {
            return List.of();
        }
        List<String> active = account.addresses().stream()
                .filter(address -> address.status() == MyEmailAddresses.Status.ACTIVE)
                .map(MyEmailAddresses.Entry::addressKey)
                .toList();
        if (active.isEmpty()) {
            return List.of();
        }
        Map<String, AddressRecords> byAddress = new HashMap<>();
        var query = org.springframework.data.mongodb.core.query.Query.query(
                org.springframework.data.mongodb.core.query.Criteria.where("_id")
                        .in(active));
        // the certificates only: an address's exam results and trainings are most of its document, and
        // encoding, sending and mapping them was most of this read's cost
        query.fields().include("certifications").include("renewals");
        mongo.find(query, AddressRecords.class).forEach(records -> byAddress.put(records.addressKey(), records));
        List<CertificationEntry> certifications = new ArrayList<>();
        for (String addressKey : active) {
            AddressRecords records = byAddress.get(addressKey);
            if (records != null) {
                certifications.addAll(records.certifications());
            }
        }
        return certifications;
    }

    private MyEmailAddresses account(String accountId, Optional<Long> minVersion) {
        return minVersion.isEmpty()
                ? mongo.findById(accountId, MyEmailAddresses.class)
                : wait.untilVersion(
                        accountId,
                        minVersion.get(),
                        MyEmailAddresses.class,
                        accountId,
                        () -> mongo.findById(accountId, MyEmailAddresses.class),
                        view -> view != null && view.version() >= minVersion.get());
    }

    /** @param minVersion the account version a command answered with: read your own writes */
    public Visible of(String accountId, Optional<Long> minVersion) {
        MyEmailAddresses account = account(accountId, minVersion);
        List<TrainingEntry> trainings = new ArrayList<>();
        Map<String, ExamEntry> exams = new LinkedHashMap<>();
        List<CertificationEntry> certifications = new ArrayList<>();
        if (account == null) {
            return new Visible(trainings, List.of(), certifications);
        }
        Map<String, AddressRecords> byAddress = new HashMap<>();
        for (MyEmailAddresses.Entry address : account.addresses()) {
            if (address.status() != MyEmailAddresses.Status.ACTIVE) {
                continue;
            }
            AddressRecords records = load(byAddress, address.addressKey());
            trainings.addAll(records.trainings());
            records.exams().forEach(exam -> exams.putIfAbsent(exam.recordId(), exam));
            certifications.addAll(records.certifications());
            for (String number : address.registrationNumbers()) {
                ExamRegistration registration = mongo.findById(number, ExamRegistration.class);
                if (registration != null) {
                    for (ExamRegistration.Exam linked : registration.exams()) {
                        load(byAddress, linked.addressKey()).exams().stream()
                                .filter(exam -> exam.recordId().equals(linked.recordId()))
                                .forEach(exam -> exams.putIfAbsent(exam.recordId(), exam));
                    }
                }
            }
        }
        return new Visible(trainings, new ArrayList<>(exams.values()), certifications);
    }

    private AddressRecords load(Map<String, AddressRecords> cache, String addressKey) {
        return cache.computeIfAbsent(addressKey, key -> {
            AddressRecords records = mongo.findById(key, AddressRecords.class);
            return records == null ? new AddressRecords(key, null, null, null, null) : records;
        });
    }
}
