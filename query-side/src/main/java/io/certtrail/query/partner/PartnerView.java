package io.certtrail.query.partner;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.certtrail.platform.error.DomainException;
import io.certtrail.platform.error.ErrorCode;
import io.certtrail.platform.i18n.Text;
import io.certtrail.platform.readmodels.PartnerRosters;
import io.certtrail.platform.readmodels.PartnerRosters.Employee;
import io.certtrail.platform.readmodels.PartnerRosters.Held;
import io.certtrail.platform.readmodels.PartnerRosters.Roster;
import io.certtrail.query.certificate.CertificateStatus;
import io.certtrail.query.partner.PartnerDocuments.EmployeeRecords;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * Reads one company's employees: the roster documents it uses (at most
 * {@value PartnerDocuments#BUCKETS}), each by {@code _id}, whatever the company's size. The company
 * is always the caller's own.
 */
@Component
public class PartnerView {

    private final MongoTemplate mongo;
    /**
     * Roster buckets as last read, with their versions; measured with the benchmark's partner preset,
     * reading and mapping a company of 10,000 on every request took 144 ms of a first page's time.
     * Bounded by the rows held.
     */
    private final Cache<String, Read> rosters = Caffeine.newBuilder()
            .maximumWeight(500_000)
            .weigher((String id, Read read) -> Math.max(1, read.employees().size()))
            .build();

    private record Read(long version, List<Employee> employees) {}

    PartnerView(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /**
     * What an administrator asks for. The certificate conditions (name, status, expiry) apply to one
     * and the same certificate.
     *
     * @param expiresWithinDays a valid certificate expiring within this many days from today
     * @param course a training course, by code or name
     */
    public record Filter(String certification, CertificateStatus status, Integer expiresWithinDays, String course) {

        public Filter {
            if (expiresWithinDays != null && (expiresWithinDays < 0 || expiresWithinDays > 3660)) {
                throw new DomainException(ErrorCode.INVALID_INPUT, Text.of("problem.partner-view.1"));
            }
            certification = blankToNull(certification);
            course = blankToNull(course);
        }

        boolean certificateConditions() {
            return certification != null || status != null || expiresWithinDays != null;
        }

        Predicate<Held> certificate(LocalDate today) {
            return c -> (certification == null || certification.equalsIgnoreCase(c.certificationName()))
                    && (status == null || CertificateStatus.of(c.expirationDate(), c.revokedAt(), today) == status)
                    && (expiresWithinDays == null
                            || (CertificateStatus.of(c.expirationDate(), c.revokedAt(), today)
                                            == CertificateStatus.VALID
                                    && c.expirationDate() != null
                                    && !c.expirationDate().isAfter(today.plusDays(expiresWithinDays))));
        }

        public boolean matches(Employee employee, LocalDate today) {
            if (certificateConditions() && employee.certifications().stream().noneMatch(certificate(today))) {
                return false;
            }
            return course == null || employee.courses().stream().anyMatch(course::equalsIgnoreCase);
        }

        private static String blankToNull(String value) {
            return value == null || value.isBlank() ? null : value.strip();
        }
    }

    /**
     * What the company's roster documents are now: it changes whenever one of them is rewritten, so a
     * result computed from the roster under one signature holds as long as the signature does.
     */
    public String signature(String companyId) {
        PartnerRosters.Company company = mongo.findById(companyId, PartnerRosters.Company.class);
        return companyId + (company == null ? "{}" : company.buckets().toString());
    }

    /** Every employee of the company who matches. */
    public List<Employee> employees(String companyId, Filter filter, LocalDate today) {
        List<Employee> matching = new ArrayList<>();
        PartnerRosters.Company company = mongo.findById(companyId, PartnerRosters.Company.class);
        for (Map.Entry<String, Long> bucket : company == null
                ? List.<Map.Entry<String, Long>>of()
                : company.buckets().entrySet()) {
            String id = PartnerRosters.rosterId(companyId, Integer.parseInt(bucket.getKey()));
            Read read = rosters.getIfPresent(id);
            if (read == null || read.version() != bucket.getValue()) {
                Roster roster = mongo.findById(id, Roster.class);
                if (roster == null || !companyId.equals(roster.companyId())) {
                    continue;
                }
                read = new Read(bucket.getValue(), List.copyOf(roster.employees()));
                rosters.put(id, read);
            }
            for (Employee employee : read.employees()) {
                if (filter.matches(employee, today)) {
                    matching.add(employee);
                }
            }
        }
        return matching;
    }

    /** The account's membership and open request, as far as the view knows them; null for none. */
    public PartnerDocuments.Account account(String accountId) {
        return mongo.findById(accountId, PartnerDocuments.Account.class);
    }

    /** The requests to join this company that wait for its administrators; null for none. */
    public PartnerDocuments.Requests requests(String companyId) {
        return mongo.findById(companyId, PartnerDocuments.Requests.class);
    }

    /** The full records of these employees of this company, by {@code _id}, in the given order. */
    public List<EmployeeRecords> records(String companyId, List<String> accountIds) {
        // one query for the page, not one per employee (21 reads for a page of 20, measured with the benchmark)
        Map<String, EmployeeRecords> byAccount = new java.util.HashMap<>();
        if (!accountIds.isEmpty()) {
            mongo.find(
                            org.springframework.data.mongodb.core.query.Query.query(
                                    org.springframework.data.mongodb.core.query.Criteria.where("_id")
                                            .in(accountIds)),
                            EmployeeRecords.class)
                    .forEach(found -> byAccount.put(found.accountId(), found));
        }
        List<EmployeeRecords> records = new ArrayList<>(accountIds.size());
        for (String accountId : accountIds) {
            EmployeeRecords found = byAccount.get(accountId);
            // never another company's, even if a row and its records were ever out of step
            records.add(
                    found != null && companyId.equals(found.companyId())
                            ? found
                            : new EmployeeRecords(accountId, companyId, List.of(), List.of(), List.of(), List.of()));
        }
        return records;
    }

    /**
     * The company's employees at the end of a day (joined on or before it, not left by then), each
     * with the certificates of the addresses on their account now: from the memberships approved and ended (kept with their moments) and the certificates'
     * own dates (a renewal's date counts from when it holds).
     */
    public List<PastEmployee> employeesOn(String companyId, LocalDate day) {
        PartnerDocuments.Memberships memberships = mongo.findById(companyId, PartnerDocuments.Memberships.class);
        if (memberships == null) {
            return List.of();
        }
        List<String> accountIds = memberships.spells().stream()
                .filter(s ->
                        !LocalDate.ofInstant(s.from(), java.time.ZoneOffset.UTC).isAfter(day)
                                && (s.to() == null
                                        || LocalDate.ofInstant(s.to(), java.time.ZoneOffset.UTC)
                                                .isAfter(day)))
                .map(PartnerDocuments.Spell::accountId)
                .distinct()
                .toList();
        List<PastEmployee> employees = new ArrayList<>();
        for (List<String> chunk : chunks(accountIds)) {
            List<PartnerDocuments.Account> accounts = mongo.find(
                    org.springframework.data.mongodb.core.query.Query.query(
                            org.springframework.data.mongodb.core.query.Criteria.where("_id")
                                    .in(chunk)),
                    PartnerDocuments.Account.class);
            List<String> addressKeys = accounts.stream()
                    .flatMap(a -> a.addresses().stream())
                    .map(PartnerDocuments.Address::addressKey)
                    .toList();
            Map<String, PartnerDocuments.AddressRecords> byAddress = new java.util.HashMap<>();
            if (!addressKeys.isEmpty()) {
                mongo.find(
                                org.springframework.data.mongodb.core.query.Query.query(
                                        org.springframework.data.mongodb.core.query.Criteria.where("_id")
                                                .in(addressKeys)),
                                PartnerDocuments.AddressRecords.class)
                        .forEach(a -> byAddress.put(a.addressKey(), a));
            }
            for (PartnerDocuments.Account account : accounts) {
                List<PartnerDocuments.Certification> certifications = account.addresses().stream()
                        .map(a -> byAddress.get(a.addressKey()))
                        .filter(java.util.Objects::nonNull)
                        .flatMap(a -> a.certifications().stream())
                        .toList();
                employees.add(new PastEmployee(account.accountId(), certifications));
            }
        }
        return employees;
    }

    /** An employee on a past day, with the certificates of their account. */
    public record PastEmployee(String accountId, List<PartnerDocuments.Certification> certifications) {

        /** The certifications valid on the day: in effect, not expired, not revoked yet. */
        public List<PartnerDocuments.Certification> validOn(LocalDate day) {
            return certifications.stream()
                    .filter(c -> (c.effectiveDate() == null || !day.isBefore(c.effectiveDate()))
                            && (c.expirationDate() == null || !day.isAfter(c.expirationDate()))
                            && (c.revokedAt() == null
                                    || day.isBefore(LocalDate.ofInstant(c.revokedAt(), java.time.ZoneOffset.UTC))))
                    .toList();
        }
    }

    private static List<List<String>> chunks(List<String> ids) {
        List<List<String>> chunks = new ArrayList<>();
        for (int from = 0; from < ids.size(); from += 500) {
            chunks.add(ids.subList(from, Math.min(ids.size(), from + 500)));
        }
        return chunks;
    }

    /** How many of these employees hold a valid certificate of each certification. */
    public static Map<String, Long> validCertifications(List<Employee> employees, LocalDate today) {
        Map<String, Long> counts = new TreeMap<>();
        for (Employee employee : employees) {
            employee.certifications().stream()
                    .filter(c ->
                            CertificateStatus.of(c.expirationDate(), c.revokedAt(), today) == CertificateStatus.VALID)
                    .map(Held::certificationName)
                    .distinct()
                    .forEach(name -> counts.merge(name, 1L, Long::sum));
        }
        return counts;
    }

    /** The employee's earliest expiry among valid certificates: what "expiring soon" sorts by. */
    public static LocalDate nextExpiry(Employee employee, LocalDate today) {
        return employee.certifications().stream()
                .filter(c -> CertificateStatus.of(c.expirationDate(), c.revokedAt(), today) == CertificateStatus.VALID
                        && c.expirationDate() != null)
                .map(Held::expirationDate)
                .min(LocalDate::compareTo)
                .orElse(null);
    }

    public static String sortName(Employee employee) {
        return ((employee.lastName() == null ? "" : employee.lastName()) + " "
                        + (employee.firstName() == null ? "" : employee.firstName()))
                .strip()
                .toLowerCase(Locale.ROOT);
    }
}
