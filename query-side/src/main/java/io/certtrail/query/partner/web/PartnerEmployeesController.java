package io.certtrail.query.partner.web;

import static java.util.Comparator.comparing;
import static java.util.Comparator.naturalOrder;
import static java.util.Comparator.nullsLast;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.certtrail.platform.error.DomainException;
import io.certtrail.platform.error.ErrorCode;
import io.certtrail.platform.identity.Caller;
import io.certtrail.query.partner.PartnerDocuments.Certification;
import io.certtrail.query.partner.PartnerDocuments.Employee;
import io.certtrail.query.partner.PartnerDocuments.EmployeeRecords;
import io.certtrail.query.partner.PartnerDocuments.Exam;
import io.certtrail.query.partner.PartnerDocuments.Request;
import io.certtrail.query.partner.PartnerDocuments.Requests;
import io.certtrail.query.partner.PartnerDocuments.Training;
import io.certtrail.query.partner.PartnerView;
import io.certtrail.query.certificate.CertificateStatus;
import io.certtrail.query.partner.PartnerView.Filter;
import io.certtrail.query.support.PageRequest;
import io.certtrail.query.support.PageRequest.Page;
import io.certtrail.query.support.SpreadsheetText;
import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * A partner administrator's view of their own company's employees (rule 10). The company is the
 * one the administrator's token names; nothing in the request can name another.
 */
@RestController
@RequestMapping("/api/partner")
class PartnerEmployeesController {

    private final PartnerView view;
    private final MongoTemplate mongo;
    private final Clock clock;
    /** Answers by company roster signature, filter, sort and day; a few hundred at most. */
    private final Cache<String, Sorted> answers = Caffeine.newBuilder().maximumSize(256).build();

    private record Sorted(List<Employee> rows, Map<String, Long> validCertifications) {
    }

    private static final int EXPORT_CHUNK = 100;

    PartnerEmployeesController(PartnerView view, MongoTemplate mongo, Clock clock) {
        this.view = view;
        this.mongo = mongo;
        this.clock = clock;
    }

    /** @param revokedAt when the certification office revoked it (status REVOKED), else null */
    record CertificationView(String recordId, String certificationName, String certificateNumber,
            LocalDate effectiveDate, LocalDate expirationDate, CertificateStatus status, Instant revokedAt) {
    }

    record EmployeeView(String accountId, String firstName, String lastName, Instant memberSince, List<String> emails,
            LocalDate nextExpiry, List<CertificationView> certifications, List<Exam> exams, List<Training> trainings) {
    }

    /** A page of employees, and how many of all matching employees hold each certification (valid). */
    record EmployeesPage(Page<EmployeeView> employees, Map<String, Long> validCertifications) {
    }

    @GetMapping("/employees")
    EmployeesPage employees(Caller caller, @RequestParam(required = false) String certification,
            @RequestParam(required = false) CertificateStatus status,
            @RequestParam(required = false) Integer expiresWithinDays, @RequestParam(required = false) String course,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size,
            @RequestParam(defaultValue = "name,asc") String sort) {
        LocalDate today = today();
        String company = caller.partnerCompanyOrRefuse();
        Filter filter = new Filter(certification, status, expiresWithinDays, course);
        PageRequest request = new PageRequest(page, size, sort);
        // the same question about an unchanged roster has the same answer: filter, sort and count once
        String key = view.signature(company) + "|" + filter + "|" + sort + "|" + today;
        Sorted sorted = answers.getIfPresent(key);
        if (sorted == null) {
            List<Employee> employees = view.employees(company, filter, today);
            sorted = new Sorted(request.sorted(employees, Map.of(
                    "name", comparing(PartnerView::sortName),
                    "memberSince", comparing(Employee::memberSince, nullsLast(naturalOrder())),
                    "nextExpiry", comparing((Employee e) -> PartnerView.nextExpiry(e, today),
                            nullsLast(naturalOrder())),
                    "certifications", comparing(e -> e.certifications().size())),
                    comparing(Employee::accountId)), PartnerView.validCertifications(employees, today));
            answers.put(key, sorted);
        }
        Page<Employee> rows = request.slice(sorted.rows());
        List<EmployeeRecords> records = view.records(company, rows.items().stream().map(Employee::accountId).toList());
        List<EmployeeView> items = new java.util.ArrayList<>();
        for (int i = 0; i < rows.items().size(); i++) {
            items.add(row(rows.items().get(i), records.get(i), today));
        }
        return new EmployeesPage(new Page<>(rows.page(), rows.size(), rows.totalElements(), rows.totalPages(),
                rows.sort(), items), sorted.validCertifications());
    }

    /**
     * The same employees as CSV, one line per record (certification, exam, training), streamed; an
     * employee without records gets one line of their own.
     */
    @GetMapping(value = "/employees.csv")
    ResponseEntity<StreamingResponseBody> export(Caller caller, @RequestParam(required = false) String certification,
            @RequestParam(required = false) CertificateStatus status,
            @RequestParam(required = false) Integer expiresWithinDays, @RequestParam(required = false) String course) {
        LocalDate today = today();
        String company = caller.partnerCompanyOrRefuse();
        List<Employee> employees = new java.util.ArrayList<>(view.employees(company,
                new Filter(certification, status, expiresWithinDays, course), today));
        employees.sort(Comparator.comparing(PartnerView::sortName).thenComparing(Employee::accountId));
        StreamingResponseBody body = out -> {
            Writer csv = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
            csv.write("accountId,lastName,firstName,memberSince,kind,name,code,date,expirationDate,status,revokedAt\r\n");
            List<EmployeeRecords> chunk = List.of();
            for (int n = 0; n < employees.size(); n++) {
                Employee e = employees.get(n);
                if (n % EXPORT_CHUNK == 0) { // one read per hundred employees, not one per employee
                    chunk = view.records(company, employees.subList(n, Math.min(n + EXPORT_CHUNK, employees.size()))
                            .stream().map(Employee::accountId).toList());
                }
                EmployeeRecords records = chunk.get(n % EXPORT_CHUNK);
                String person = cells(e.accountId(), e.lastName(), e.firstName(), e.memberSince());
                boolean any = false;
                for (Certification c : records.certifications()) {
                    csv.write(person + "," + cells("CERTIFICATION", c.certificationName(), c.certificateNumber(),
                            c.effectiveDate(), c.expirationDate(),
                            CertificateStatus.of(c.expirationDate(), c.revokedAt(), today), c.revokedAt()) + "\r\n");
                    any = true;
                }
                for (Exam x : records.exams()) {
                    csv.write(person + "," + cells("EXAM", x.examName(), x.examCode(), x.examDate(), null,
                            x.passed() ? "PASSED" : "FAILED", null) + "\r\n");
                    any = true;
                }
                for (Training t : records.trainings()) {
                    csv.write(person + "," + cells("TRAINING", t.courseName(), t.courseCode(), t.endDate(), null,
                            t.result(), null) + "\r\n");
                    any = true;
                }
                if (!any) {
                    csv.write(person + ",,,,,,,\r\n");
                }
            }
            csv.flush();
        };
        return ResponseEntity.ok().contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .cacheControl(CacheControl.noStore())
                .header("Content-Disposition", "attachment; filename=\"employees.csv\"").body(body);
    }

    /** Requests to join the company, waiting for an administrator. */
    @GetMapping("/membership-requests")
    List<Request> requests(Caller caller) {
        Requests requests = mongo.findById(caller.partnerCompanyOrRefuse(), Requests.class);
        return requests == null ? List.of() : requests.requests().stream()
                .sorted(Comparator.comparing(Request::requestedAt)).toList();
    }

    private static EmployeeView row(Employee e, EmployeeRecords records, LocalDate today) {
        return new EmployeeView(e.accountId(), e.firstName(), e.lastName(), e.memberSince(), records.emails(),
                PartnerView.nextExpiry(e, today), records.certifications().stream().map(c -> new CertificationView(
                        c.recordId(), c.certificationName(), c.certificateNumber(), c.effectiveDate(),
                        c.expirationDate(), CertificateStatus.of(c.expirationDate(), c.revokedAt(), today),
                        c.revokedAt())).toList(), records.exams(), records.trainings());
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

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    }

}
