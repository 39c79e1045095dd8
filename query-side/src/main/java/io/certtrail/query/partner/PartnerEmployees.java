package io.certtrail.query.partner;

import static java.util.Comparator.comparing;
import static java.util.Comparator.naturalOrder;
import static java.util.Comparator.nullsLast;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.certtrail.platform.readmodels.PartnerRosters.Employee;
import io.certtrail.query.catalogue.CatalogueReads;
import io.certtrail.query.certificate.CertificateStatus;
import io.certtrail.query.partner.PartnerDocuments.Certification;
import io.certtrail.query.partner.PartnerDocuments.EmployeeRecords;
import io.certtrail.query.partner.PartnerDocuments.Exam;
import io.certtrail.query.partner.PartnerDocuments.Request;
import io.certtrail.query.partner.PartnerDocuments.Requests;
import io.certtrail.query.partner.PartnerDocuments.Training;
import io.certtrail.query.partner.PartnerView.Filter;
import io.certtrail.query.support.PageRequest;
import io.certtrail.query.support.PageRequest.Page;
import io.certtrail.query.support.SpreadsheetText;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * A partner administrator's reads of their company's employees (rule 10): a page filtered and
 * sorted (the answer to the same question about an unchanged roster is kept), the CSV export, and
 * the requests to join. The company is always the caller's, decided by the web edge.
 */
@Component
public class PartnerEmployees {

    private static final int EXPORT_CHUNK = 100;

    private final PartnerView view;
    /** Answers by company roster signature, filter, sort and day; a few hundred at most. */
    private final Cache<String, Sorted> answers =
            Caffeine.newBuilder().maximumSize(256).build();

    private record Sorted(
            List<Employee> rows,
            Map<String, Long> validCertifications,
            Map<String, Map<String, Long>> validByTrackAndLevel) {}

    private final CatalogueReads catalogue;

    PartnerEmployees(PartnerView view, CatalogueReads catalogue) {
        this.view = view;
        this.catalogue = catalogue;
    }

    /** @param revokedAt when the certification office revoked it (status REVOKED), else null */
    public record CertificationView(
            String recordId,
            String certificationName,
            String certificateNumber,
            LocalDate effectiveDate,
            LocalDate expirationDate,
            CertificateStatus status,
            Instant revokedAt) {}

    public record EmployeeView(
            String accountId,
            String firstName,
            String lastName,
            Instant memberSince,
            List<String> emails,
            LocalDate nextExpiry,
            List<CertificationView> certifications,
            List<Exam> exams,
            List<Training> trainings) {}

    /**
     * A page of employees, and how many of all matching employees hold each certification (valid).
     *
     * @param validByTrackAndLevel how many of them hold a valid certification of each track and level
     *        of the catalogue (an employee counts once per track and level); certifications the
     *        catalogue lacks count under {@value #UNCATALOGUED}
     */
    public record EmployeesPage(
            Page<EmployeeView> employees,
            Map<String, Long> validCertifications,
            Map<String, Map<String, Long>> validByTrackAndLevel) {}

    public static final String UNCATALOGUED = "UNCATALOGUED";

    public EmployeesPage page(String company, Filter filter, PageRequest request, LocalDate today) {
        String sort = request.sort();
        // the same question about an unchanged roster has the same answer: filter, sort and count once
        Map<String, CatalogueReads.Certification> known = catalogue();
        String key = view.signature(company) + "|" + filter + "|" + sort + "|" + today + "|" + known.hashCode();
        Sorted sorted = answers.getIfPresent(key);
        if (sorted == null) {
            List<Employee> employees = view.employees(company, filter, today);
            sorted = new Sorted(
                    request.sorted(
                            employees,
                            Map.of(
                                    "name", comparing(PartnerView::sortName),
                                    "memberSince", comparing(Employee::memberSince, nullsLast(naturalOrder())),
                                    "nextExpiry",
                                            comparing(
                                                    (Employee e) -> PartnerView.nextExpiry(e, today),
                                                    nullsLast(naturalOrder())),
                                    "certifications",
                                            comparing(e -> e.certifications().size())),
                            comparing(Employee::accountId)),
                    PartnerView.validCertifications(employees, today),
                    byTrackAndLevel(employees, known, today));
            answers.put(key, sorted);
        }
        Page<Employee> rows = request.slice(sorted.rows());
        List<EmployeeRecords> records = view.records(
                company, rows.items().stream().map(Employee::accountId).toList());
        List<EmployeeView> items = new java.util.ArrayList<>();
        for (int i = 0; i < rows.items().size(); i++) {
            items.add(row(rows.items().get(i), records.get(i), today));
        }
        return new EmployeesPage(
                new Page<>(rows.page(), rows.size(), rows.totalElements(), rows.totalPages(), rows.sort(), items),
                sorted.validCertifications(),
                sorted.validByTrackAndLevel());
    }

    private Map<String, CatalogueReads.Certification> catalogue() {
        return catalogue.byName();
    }

    private static Map<String, Map<String, Long>> byTrackAndLevel(
            List<Employee> employees, Map<String, CatalogueReads.Certification> known, LocalDate today) {
        Map<String, Map<String, Long>> counts = new java.util.TreeMap<>();
        for (Employee employee : employees) {
            employee.certifications().stream()
                    .filter(c ->
                            CertificateStatus.of(c.expirationDate(), c.revokedAt(), today) == CertificateStatus.VALID)
                    .map(c -> known.get(c.certificationName()))
                    .map(c -> c == null ? UNCATALOGUED + "|" + UNCATALOGUED : c.track() + "|" + c.level())
                    .distinct()
                    .forEach(trackAndLevel -> {
                        String[] parts = trackAndLevel.split("\\|", 2);
                        counts.computeIfAbsent(parts[0], track -> new java.util.TreeMap<>())
                                .merge(parts[1], 1L, Long::sum);
                    });
        }
        return counts;
    }

    /**
     * The company's certified head count on a day (up to today): how many were employees then, how
     * many of them held a valid certificate, of each certification, and of each track and level.
     *
     * @param byCertification employees holding a valid certificate of each certification that day
     */
    public record HeadCount(
            LocalDate date,
            long employees,
            long certifiedEmployees,
            Map<String, Long> byCertification,
            Map<String, Map<String, Long>> byTrackAndLevel) {}

    public HeadCount headCount(String company, LocalDate day) {
        Map<String, CatalogueReads.Certification> known = catalogue();
        long certified = 0;
        Map<String, Long> byCertification = new java.util.TreeMap<>();
        Map<String, Map<String, Long>> byTrackAndLevel = new java.util.TreeMap<>();
        List<PartnerView.PastEmployee> employees = view.employeesOn(company, day);
        for (PartnerView.PastEmployee employee : employees) {
            List<PartnerDocuments.Certification> valid = employee.validOn(day);
            if (!valid.isEmpty()) {
                certified++;
            }
            valid.stream()
                    .map(PartnerDocuments.Certification::certificationName)
                    .distinct()
                    .forEach(name -> byCertification.merge(name, 1L, Long::sum));
            valid.stream()
                    .map(c -> known.get(c.certificationName()))
                    .map(c -> c == null ? UNCATALOGUED + "|" + UNCATALOGUED : c.track() + "|" + c.level())
                    .distinct()
                    .forEach(trackAndLevel -> {
                        String[] parts = trackAndLevel.split("\\|", 2);
                        byTrackAndLevel
                                .computeIfAbsent(parts[0], track -> new java.util.TreeMap<>())
                                .merge(parts[1], 1L, Long::sum);
                    });
        }
        return new HeadCount(day, employees.size(), certified, byCertification, byTrackAndLevel);
    }

    /**
     * The employees as CSV, one line per record (certification, exam, training); an employee without
     * records gets one line of their own.
     */
    public void export(String company, Filter filter, LocalDate today, OutputStream out) throws IOException {
        List<Employee> employees = new java.util.ArrayList<>(view.employees(company, filter, today));
        employees.sort(Comparator.comparing(PartnerView::sortName).thenComparing(Employee::accountId));
        Writer csv = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
        csv.write("accountId,lastName,firstName,memberSince,kind,name,code,date,expirationDate,status,revokedAt\r\n");
        List<EmployeeRecords> chunk = List.of();
        for (int n = 0; n < employees.size(); n++) {
            Employee e = employees.get(n);
            if (n % EXPORT_CHUNK == 0) { // one read per hundred employees, not one per employee
                chunk = view.records(
                        company,
                        employees.subList(n, Math.min(n + EXPORT_CHUNK, employees.size())).stream()
                                .map(Employee::accountId)
                                .toList());
            }
            EmployeeRecords records = chunk.get(n % EXPORT_CHUNK);
            String person = cells(e.accountId(), e.lastName(), e.firstName(), e.memberSince());
            boolean any = false;
            for (Certification c : records.certifications()) {
                csv.write(person + ","
                        + cells(
                                "CERTIFICATION",
                                c.certificationName(),
                                c.certificateNumber(),
                                c.effectiveDate(),
                                c.expirationDate(),
                                CertificateStatus.of(c.expirationDate(), c.revokedAt(), today),
                                c.revokedAt())
                        + "\r\n");
                any = true;
            }
            for (Exam x : records.exams()) {
                csv.write(person + ","
                        + cells(
                                "EXAM",
                                x.examName(),
                                x.examCode(),
                                x.examDate(),
                                null,
                                x.passed() ? "PASSED" : "FAILED",
                                null)
                        + "\r\n");
                any = true;
            }
            for (Training t : records.trainings()) {
                csv.write(person + ","
                        + cells("TRAINING", t.courseName(), t.courseCode(), t.endDate(), null, t.result(), null)
                        + "\r\n");
                any = true;
            }
            if (!any) {
                csv.write(person + ",,,,,,,\r\n");
            }
        }
        csv.flush();
    }

    /** Requests to join the company, waiting for an administrator, oldest first. */
    public List<Request> requests(String company) {
        Requests requests = view.requests(company);
        return requests == null
                ? List.of()
                : requests.requests().stream()
                        .sorted(Comparator.comparing(Request::requestedAt))
                        .toList();
    }

    private static EmployeeView row(Employee e, EmployeeRecords records, LocalDate today) {
        return new EmployeeView(
                e.accountId(),
                e.firstName(),
                e.lastName(),
                e.memberSince(),
                records.emails(),
                PartnerView.nextExpiry(e, today),
                records.certifications().stream()
                        .map(c -> new CertificationView(
                                c.recordId(),
                                c.certificationName(),
                                c.certificateNumber(),
                                c.effectiveDate(),
                                c.expirationDate(),
                                CertificateStatus.of(c.expirationDate(), c.revokedAt(), today),
                                c.revokedAt()))
                        .toList(),
                records.exams(),
                records.trainings());
    }

    /** RFC 4180 cells; a cell that a spreadsheet would run as a formula is prefixed with a quote. */
    static String cells(Object... values) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                line.append(',');
            }
            String value = SpreadsheetText.safe(values[i] == null ? "" : values[i].toString());
            if (value.contains(",") || value.contains("\"") || value.contains("\n") || value.contains("\r")) {
                value = "\"" + value.replace("\"", "\"\"") + "\"";
            }
            line.append(value);
        }
        return line.toString();
    }
}
