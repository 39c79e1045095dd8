package io.certtrail.query.partner;

import io.certtrail.events.account.AccountHolderNamed;
import io.certtrail.events.account.EmailActivated;
import io.certtrail.events.account.EmailDisassociated;
import io.certtrail.events.account.ScoreReportLinked;
import io.certtrail.events.partner.MembershipApproved;
import io.certtrail.events.partner.MembershipEnded;
import io.certtrail.events.partner.MembershipRequested;
import io.certtrail.events.records.CertificationEarned;
import io.certtrail.events.records.CertificationRecorded;
import io.certtrail.events.records.CertificationRenewed;
import io.certtrail.events.records.CertificationRevoked;
import io.certtrail.events.records.ExamResult;
import io.certtrail.events.records.ExamResultRecorded;
import io.certtrail.events.records.RecordEvent;
import io.certtrail.events.records.TrainingCompletion;
import io.certtrail.events.records.TrainingRecorded;
import io.certtrail.platform.axon.ProcessingGroups;
import io.certtrail.platform.operations.ProjectionReset;
import io.certtrail.platform.privacy.Masking;
import io.certtrail.platform.readmodels.PartnerRosters;
import io.certtrail.platform.readmodels.PartnerRosters.Company;
import io.certtrail.platform.readmodels.PartnerRosters.Employee;
import io.certtrail.platform.readmodels.PartnerRosters.Held;
import io.certtrail.platform.readmodels.PartnerRosters.Roster;
import io.certtrail.query.partner.PartnerDocuments.Account;
import io.certtrail.query.partner.PartnerDocuments.Address;
import io.certtrail.query.partner.PartnerDocuments.AddressRecords;
import io.certtrail.query.partner.PartnerDocuments.Certification;
import io.certtrail.query.partner.PartnerDocuments.CertificationAddress;
import io.certtrail.query.partner.PartnerDocuments.EmployeeRecords;
import io.certtrail.query.partner.PartnerDocuments.Exam;
import io.certtrail.query.partner.PartnerDocuments.Memberships;
import io.certtrail.query.partner.PartnerDocuments.Registration;
import io.certtrail.query.partner.PartnerDocuments.Renewal;
import io.certtrail.query.partner.PartnerDocuments.Request;
import io.certtrail.query.partner.PartnerDocuments.Requests;
import io.certtrail.query.partner.PartnerDocuments.Spell;
import io.certtrail.query.partner.PartnerDocuments.Training;
import io.certtrail.query.support.ProjectionBatch;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * The partner administrators' view (rule 10): each company's employees with the records of their
 * active addresses, kept while, and only while, the membership lasts. Every change that can alter
 * what a company sees of an employee (a name, an address coming or going, a record, a revocation,
 * the membership itself) recomputes that employee's entry from this view's own state, so handling
 * an event twice leaves the same documents.
 */
@Component
@ProcessingGroup(ProcessingGroups.PARTNER_VIEW)
public class PartnerViewProjection {

    private static final ProjectionBatch.Reads<AddressRecords> ADDRESSES = ProjectionBatch.Reads.of(
                    AddressRecords.class)
            .from(EmailActivated.class, EmailActivated::addressKey)
            .from(EmailDisassociated.class, EmailDisassociated::addressKey)
            .from(RecordEvent.class, RecordEvent::addressKey)
            .from(RecordEvent.class, RecordEvent::replacedAddressKey)
            .from(CertificationRenewed.class, CertificationRenewed::addressKey);
    /** The accounts events name, and the owners of the addresses whose records change (refreshed after). */
    private static final ProjectionBatch.Reads<Account> ACCOUNTS = ProjectionBatch.Reads.of(Account.class)
            .from(AccountHolderNamed.class, AccountHolderNamed::accountId)
            .from(EmailActivated.class, EmailActivated::accountId)
            .from(EmailDisassociated.class, EmailDisassociated::accountId)
            .from(MembershipRequested.class, MembershipRequested::accountId)
            .from(MembershipApproved.class, MembershipApproved::accountId)
            .from(MembershipEnded.class, MembershipEnded::accountId)
            .fromDocuments(ADDRESSES, AddressRecords::ownerAccountId);

    private static final ProjectionBatch.Reads<Registration> REGISTRATIONS = ProjectionBatch.Reads.of(
                    Registration.class)
            .from(EmailActivated.class, EmailActivated::registrationNumber)
            .from(ScoreReportLinked.class, ScoreReportLinked::registrationNumber)
            .from(ExamResultRecorded.class, event -> event.exam().registrationNumber())
            .from(
                    ExamResultRecorded.class,
                    event -> event.replaced() == null ? null : event.replaced().registrationNumber());
    private static final ProjectionBatch.Reads<CertificationAddress> FILED = ProjectionBatch.Reads.of(
                    CertificationAddress.class)
            .from(CertificationRevoked.class, CertificationRevoked::recordId);

    private final MongoTemplate mongo;

    public PartnerViewProjection(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @EventHandler
    void on(AccountHolderNamed event) {
        ProjectionBatch batch = ProjectionBatch.current(mongo);
        Account account = account(batch, event.accountId());
        save(
                batch,
                new Account(
                        account.accountId(),
                        event.firstName(),
                        event.lastName(),
                        account.addresses(),
                        account.companyId(),
                        account.memberSince(),
                        account.requestedCompanyId(),
                        account.requestedAt()));
        refresh(batch, event.accountId());
    }

    @EventHandler
    void on(EmailActivated event) {
        ProjectionBatch batch = ProjectionBatch.current(mongo);
        Account account = account(batch, event.accountId());
        List<String> before = registrations(account);
        account.addresses().removeIf(a -> a.addressKey().equals(event.addressKey()));
        account.addresses()
                .add(new Address(
                        event.addressKey(),
                        event.email(),
                        event.registrationNumber() == null ? null : List.of(event.registrationNumber())));
        save(batch, account);
        relink(batch, event.accountId(), before, registrations(account));
        changeAddress(
                batch,
                event.addressKey(),
                a -> new AddressRecords(
                        a.addressKey(), event.accountId(), a.certifications(), a.exams(), a.trainings(), a.renewals()));
        refresh(batch, event.accountId());
    }

    /** A score report for an address already active: its registration's exams join the employee's. */
    @EventHandler
    void on(ScoreReportLinked event) {
        ProjectionBatch batch = ProjectionBatch.current(mongo);
        Account account = account(batch, event.accountId());
        List<String> before = registrations(account);
        account.addresses().replaceAll(a -> {
            if (!a.addressKey().equals(event.addressKey()) || a.registrations().contains(event.registrationNumber())) {
                return a;
            }
            List<String> linked = new ArrayList<>(a.registrations());
            linked.add(event.registrationNumber());
            return new Address(a.addressKey(), a.email(), linked);
        });
        save(batch, account);
        relink(batch, event.accountId(), before, registrations(account));
        refresh(batch, event.accountId());
    }

    @EventHandler
    void on(EmailDisassociated event) {
        ProjectionBatch batch = ProjectionBatch.current(mongo);
        Account account = account(batch, event.accountId());
        List<String> before = registrations(account);
        account.addresses().removeIf(a -> a.addressKey().equals(event.addressKey()));
        save(batch, account);
        relink(batch, event.accountId(), before, registrations(account));
        changeAddress(
                batch,
                event.addressKey(),
                a -> new AddressRecords(
                        a.addressKey(),
                        event.accountId().equals(a.ownerAccountId()) ? null : a.ownerAccountId(),
                        a.certifications(),
                        a.exams(),
                        a.trainings(),
                        a.renewals()));
        refresh(batch, event.accountId());
    }

    @EventHandler
    void on(RecordEvent event) {
        ProjectionBatch batch = ProjectionBatch.current(mongo);
        if (event.replacedAddressKey() != null && !event.replacedAddressKey().equals(event.addressKey())) {
            AddressRecords old = changeAddress(batch, event.replacedAddressKey(), a -> without(a, event.recordId()));
            refresh(batch, old.ownerAccountId());
        }
        AddressRecords now = changeAddress(batch, event.addressKey(), a -> with(without(a, event.recordId()), event));
        if (event instanceof CertificationRecorded) {
            batch.save(event.recordId(), new CertificationAddress(event.recordId(), event.addressKey()));
        }
        if (event instanceof ExamResultRecorded exam) {
            filed(batch, exam);
        }
        refresh(batch, now.ownerAccountId());
    }

    /**
     * Files an exam under its registration number (and out of the one a correction took it from), and
     * refreshes the accounts that brought either by score report.
     */
    private void filed(ProjectionBatch batch, ExamResultRecorded event) {
        String number = event.exam().registrationNumber();
        String before = event.replaced() == null ? null : event.replaced().registrationNumber();
        if (before != null && !before.equals(number)) {
            Registration old = batch.find(REGISTRATIONS, before);
            if (old != null && old.exams().removeIf(e -> e.recordId().equals(event.recordId()))) {
                batch.save(before, old);
                old.accounts().forEach(accountId -> refresh(batch, accountId));
            }
        }
        if (number == null) {
            return;
        }
        Registration registration = registration(batch, number);
        registration.exams().removeIf(e -> e.recordId().equals(event.recordId()));
        registration.exams().add(exam(event));
        batch.save(number, registration);
        registration.accounts().forEach(accountId -> refresh(batch, accountId));
    }

    private static Registration registration(ProjectionBatch batch, String number) {
        Registration found = batch.find(REGISTRATIONS, number);
        return found == null
                ? new Registration(number, null, null)
                : new Registration(number, found.exams(), found.accounts());
    }

    private static List<String> registrations(Account account) {
        return account.addresses().stream()
                .flatMap(a -> a.registrations().stream())
                .distinct()
                .toList();
    }

    /** Keeps each registration's list of the accounts that brought it in step with the account's addresses. */
    private static void relink(ProjectionBatch batch, String accountId, List<String> before, List<String> after) {
        for (String number : before) {
            if (!after.contains(number)) {
                Registration registration = registration(batch, number);
                if (registration.accounts().remove(accountId)) {
                    batch.save(number, registration);
                }
            }
        }
        for (String number : after) {
            if (!before.contains(number)) {
                Registration registration = registration(batch, number);
                if (!registration.accounts().contains(accountId)) {
                    registration.accounts().add(accountId);
                    batch.save(number, registration);
                }
            }
        }
    }

    @EventHandler
    void on(CertificationRevoked event) {
        ProjectionBatch batch = ProjectionBatch.current(mongo);
        CertificationAddress filed = batch.find(FILED, event.recordId());
        if (filed == null) {
            return;
        }
        AddressRecords now = changeAddress(batch, filed.addressKey(), a -> {
            a.certifications()
                    .replaceAll(c -> c.recordId().equals(event.recordId()) && c.revokedAt() == null
                            ? new Certification(
                                    c.recordId(),
                                    c.certificationName(),
                                    c.certificateNumber(),
                                    c.effectiveDate(),
                                    c.expirationDate(),
                                    event.revokedAt(),
                                    c.recordedExpirationDate())
                            : c);
            return a;
        });
        refresh(batch, now.ownerAccountId());
    }

    /** The latest renewal of a certificate holds (they come in order: the whole stream is one sequence). */
    @EventHandler
    void on(CertificationRenewed event) {
        ProjectionBatch batch = ProjectionBatch.current(mongo);
        AddressRecords now = changeAddress(batch, event.addressKey(), a -> {
            a.renewals().removeIf(r -> r.recordId().equals(event.recordId()));
            a.renewals().add(new Renewal(event.recordId(), event.expirationDate()));
            a.certifications()
                    .replaceAll(c -> c.recordId().equals(event.recordId()) ? c.renewedTo(event.expirationDate()) : c);
            return a;
        });
        refresh(batch, now.ownerAccountId());
    }

    @EventHandler
    void on(MembershipRequested event) {
        ProjectionBatch batch = ProjectionBatch.current(mongo);
        Account account = account(batch, event.accountId());
        save(
                batch,
                new Account(
                        account.accountId(),
                        account.firstName(),
                        account.lastName(),
                        account.addresses(),
                        account.companyId(),
                        account.memberSince(),
                        event.companyId(),
                        event.requestedAt()));
        Requests requests = requests(batch, event.companyId());
        requests.requests().removeIf(r -> r.accountId().equals(event.accountId()));
        requests.requests()
                .add(new Request(event.accountId(), account.firstName(), account.lastName(), event.requestedAt()));
        batch.save(event.companyId(), requests);
    }

    @EventHandler
    void on(MembershipApproved event) {
        ProjectionBatch batch = ProjectionBatch.current(mongo);
        Account account = account(batch, event.accountId());
        save(
                batch,
                new Account(
                        account.accountId(),
                        account.firstName(),
                        account.lastName(),
                        account.addresses(),
                        event.companyId(),
                        event.approvedAt(),
                        null,
                        null));
        removeRequest(batch, event.companyId(), event.accountId());
        Memberships memberships = memberships(batch, event.companyId());
        if (memberships.spells().stream()
                .noneMatch(s -> s.accountId().equals(event.accountId())
                        && (s.to() == null || s.from().equals(event.approvedAt())))) {
            // a spell already open, or this one handled before (and ended since): nothing new
            memberships.spells().add(new Spell(event.accountId(), event.approvedAt(), null));
            batch.save(event.companyId(), memberships);
        }
        refresh(batch, event.accountId());
    }

    private static Memberships memberships(ProjectionBatch batch, String companyId) {
        Memberships found = batch.find(Memberships.class, companyId);
        return found == null ? new Memberships(companyId, null) : new Memberships(companyId, found.spells());
    }

    @EventHandler
    void on(MembershipEnded event) {
        ProjectionBatch batch = ProjectionBatch.current(mongo);
        Memberships memberships = memberships(batch, event.companyId());
        if (memberships.spells().stream().anyMatch(s -> s.accountId().equals(event.accountId()) && s.to() == null)) {
            memberships
                    .spells()
                    .replaceAll(s -> s.accountId().equals(event.accountId()) && s.to() == null
                            ? new Spell(s.accountId(), s.from(), event.endedAt())
                            : s);
            batch.save(event.companyId(), memberships);
        }
        Account account = account(batch, event.accountId());
        boolean stillMember =
                account.companyId() != null && !account.companyId().equals(event.companyId());
        boolean stillAsking = account.requestedCompanyId() != null
                && !account.requestedCompanyId().equals(event.companyId());
        save(
                batch,
                new Account(
                        account.accountId(),
                        account.firstName(),
                        account.lastName(),
                        account.addresses(),
                        stillMember ? account.companyId() : null,
                        stillMember ? account.memberSince() : null,
                        stillAsking ? account.requestedCompanyId() : null,
                        stillAsking ? account.requestedAt() : null));
        removeRequest(batch, event.companyId(), event.accountId());
        removeFromRoster(batch, event.companyId(), event.accountId());
    }

    @ResetHandler
    void reset(ProjectionReset reset) {
        if (!reset.rebuild()) {
            return; // a replay: the documents take the events again, unchanged
        }
        for (Class<?> type : List.of(
                Account.class,
                AddressRecords.class,
                CertificationAddress.class,
                Roster.class,
                EmployeeRecords.class,
                Requests.class,
                Company.class,
                Registration.class,
                Memberships.class)) {
            mongo.dropCollection(type);
        }
    }

    /** Rewrites the employee's entry in their company's roster from this view's state. */
    private void refresh(ProjectionBatch batch, String accountId) {
        if (accountId == null) {
            return;
        }
        Account account = batch.find(ACCOUNTS, accountId);
        if (account == null || account.companyId() == null) {
            return;
        }
        List<Certification> certifications = new ArrayList<>();
        List<Exam> exams = new ArrayList<>();
        List<Training> trainings = new ArrayList<>();
        List<String> emails = new ArrayList<>();
        for (Address address : account.addresses()) {
            emails.add(Masking.email(address.email()));
            AddressRecords records = batch.find(ADDRESSES, address.addressKey());
            if (records != null) {
                certifications.addAll(records.certifications());
                exams.addAll(records.exams());
                trainings.addAll(records.trainings());
            }
        }
        for (String number : registrations(account)) {
            Registration registration = batch.find(REGISTRATIONS, number);
            if (registration != null) {
                registration.exams().stream()
                        .filter(exam ->
                                exams.stream().noneMatch(e -> e.recordId().equals(exam.recordId())))
                        .forEach(exams::add);
            }
        }
        Employee employee = new Employee(
                accountId,
                account.firstName(),
                account.lastName(),
                account.memberSince(),
                certifications.stream()
                        .map(c -> new Held(c.certificationName(), c.expirationDate(), c.revokedAt()))
                        .toList(),
                trainings.stream()
                        .flatMap(t -> java.util.stream.Stream.of(t.courseCode(), t.courseName()))
                        .filter(java.util.Objects::nonNull)
                        .distinct()
                        .toList());
        batch.save(
                accountId,
                new EmployeeRecords(accountId, account.companyId(), emails, certifications, exams, trainings));
        int bucket = PartnerRosters.bucketOf(accountId);
        String id = PartnerRosters.rosterId(account.companyId(), bucket);
        Roster roster = roster(batch, id, account.companyId());
        if (roster.employees().contains(employee)) {
            return; // an exam result, say: nothing the roster shows has changed
        }
        roster.employees().removeIf(e -> e.accountId().equals(accountId));
        roster.employees().add(employee);
        batch.save(id, roster);
        rewritten(batch, account.companyId(), bucket);
    }

    /** Moves the bucket's version, after its roster: a reader that sees the new version finds the new roster. */
    private static void rewritten(ProjectionBatch batch, String companyId, int bucket) {
        Company company = batch.find(Company.class, companyId);
        Company next = new Company(companyId, company == null ? null : company.buckets());
        next.buckets().merge(Integer.toString(bucket), 1L, Long::sum);
        batch.save(companyId, next);
    }

    private void removeFromRoster(ProjectionBatch batch, String companyId, String accountId) {
        int bucket = PartnerRosters.bucketOf(accountId);
        String id = PartnerRosters.rosterId(companyId, bucket);
        Roster roster = batch.find(Roster.class, id);
        if (roster != null && roster.employees().removeIf(e -> e.accountId().equals(accountId))) {
            batch.save(id, roster);
            rewritten(batch, companyId, bucket);
        }
        EmployeeRecords records = batch.find(EmployeeRecords.class, accountId);
        if (records != null && companyId.equals(records.companyId())) {
            batch.delete(EmployeeRecords.class, accountId);
        }
    }

    private void removeRequest(ProjectionBatch batch, String companyId, String accountId) {
        Requests requests = batch.find(Requests.class, companyId);
        if (requests != null && requests.requests().removeIf(r -> r.accountId().equals(accountId))) {
            batch.save(companyId, requests);
        }
    }

    private static AddressRecords without(AddressRecords a, String recordId) {
        a.certifications().removeIf(c -> c.recordId().equals(recordId));
        a.exams().removeIf(e -> e.recordId().equals(recordId));
        a.trainings().removeIf(t -> t.recordId().equals(recordId));
        return a;
    }

    private static AddressRecords with(AddressRecords a, RecordEvent event) {
        if (event instanceof CertificationRecorded e) {
            CertificationEarned c = e.certification();
            LocalDate renewedTo = a.renewals().stream()
                    .filter(r -> r.recordId().equals(e.recordId()))
                    .map(Renewal::expirationDate)
                    .findFirst()
                    .orElse(null);
            a.certifications()
                    .add(new Certification(
                                    e.recordId(),
                                    c.certificationName(),
                                    c.certificateNumber(),
                                    c.effectiveDate(),
                                    c.expirationDate(),
                                    null,
                                    c.expirationDate())
                            .renewedTo(renewedTo));
        } else if (event instanceof ExamResultRecorded e) {
            a.exams().add(exam(e));
        } else if (event instanceof TrainingRecorded e) {
            TrainingCompletion t = e.training();
            a.trainings().add(new Training(e.recordId(), t.courseCode(), t.courseName(), t.endDate(), t.result()));
        }
        return a;
    }

    private static Exam exam(ExamResultRecorded e) {
        ExamResult x = e.exam();
        return new Exam(e.recordId(), x.examCode(), x.examName(), x.examDate(), x.score(), x.passed());
    }

    private AddressRecords changeAddress(
            ProjectionBatch batch, String addressKey, UnaryOperator<AddressRecords> change) {
        AddressRecords current = batch.find(ADDRESSES, addressKey);
        AddressRecords next = change.apply(
                current == null
                        ? AddressRecords.empty(addressKey)
                        : new AddressRecords(
                                current.addressKey(),
                                current.ownerAccountId(),
                                current.certifications(),
                                current.exams(),
                                current.trainings(),
                                current.renewals()));
        batch.save(addressKey, next);
        return next;
    }

    private static Account account(ProjectionBatch batch, String accountId) {
        Account account = batch.find(ACCOUNTS, accountId);
        return account == null
                ? Account.empty(accountId)
                : new Account(
                        account.accountId(),
                        account.firstName(),
                        account.lastName(),
                        account.addresses(),
                        account.companyId(),
                        account.memberSince(),
                        account.requestedCompanyId(),
                        account.requestedAt());
    }

    private static void save(ProjectionBatch batch, Account account) {
        batch.save(account.accountId(), account);
    }

    private static Requests requests(ProjectionBatch batch, String companyId) {
        Requests requests = batch.find(Requests.class, companyId);
        return requests == null ? new Requests(companyId, null) : new Requests(companyId, requests.requests());
    }

    private static Roster roster(ProjectionBatch batch, String id, String companyId) {
        Roster roster = batch.find(Roster.class, id);
        return roster == null ? new Roster(id, companyId, null) : new Roster(id, companyId, roster.employees());
    }
}
