package io.certtrail.query.partner.web;

import io.certtrail.platform.error.DomainException;
import io.certtrail.platform.error.ErrorCode;
import io.certtrail.platform.i18n.Text;
import io.certtrail.platform.identity.Caller;
import io.certtrail.query.certificate.CertificateStatus;
import io.certtrail.query.certificate.Verification;
import io.certtrail.query.partner.PartnerDocuments.Request;
import io.certtrail.query.partner.PartnerEmployees;
import io.certtrail.query.partner.PartnerEmployees.EmployeesPage;
import io.certtrail.query.partner.PartnerEmployees.HeadCount;
import io.certtrail.query.partner.PartnerView.Filter;
import io.certtrail.query.support.PageRequest;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
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

    private final PartnerEmployees employees;
    private final Clock clock;
    private final io.certtrail.query.activity.AccessLog accesses;

    PartnerEmployeesController(
            PartnerEmployees employees, Clock clock, io.certtrail.query.activity.AccessLog accesses) {
        this.accesses = accesses;
        this.employees = employees;
        this.clock = clock;
    }

    @GetMapping("/employees")
    EmployeesPage employees(
            Caller caller,
            @RequestParam(required = false) String certification,
            @RequestParam(required = false) CertificateStatus status,
            @RequestParam(required = false) Integer expiresWithinDays,
            @RequestParam(required = false) String course,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "20") int size,
            @RequestParam(defaultValue = "name,asc") String sort) {
        String company = caller.partnerCompanyOrRefuse();
        EmployeesPage read = employees.page(
                company,
                new Filter(certification, status, expiresWithinDays, course),
                new PageRequest(page, size, sort),
                today());
        accesses.partnerRead(
                company,
                administrator(caller),
                "the employee list",
                read.employees().items().stream()
                        .map(PartnerEmployees.EmployeeView::accountId)
                        .toList());
        return read;
    }

    /** Who read, as employees see it in their activity log (rule 29): the address they sign in with. */
    private static String administrator(Caller caller) {
        return caller.email() != null && !caller.email().isBlank() ? caller.email() : caller.accountId();
    }

    /**
     * The same employees as CSV, one line per record (certification, exam, training), streamed; an
     * employee without records gets one line of their own.
     */
    @GetMapping(value = "/employees.csv")
    ResponseEntity<StreamingResponseBody> export(
            Caller caller,
            @RequestParam(required = false) String certification,
            @RequestParam(required = false) CertificateStatus status,
            @RequestParam(required = false) Integer expiresWithinDays,
            @RequestParam(required = false) String course) {
        String company = caller.partnerCompanyOrRefuse();
        Filter filter = new Filter(certification, status, expiresWithinDays, course);
        LocalDate today = today();
        accesses.partnerRead(company, administrator(caller), "the employee list, exported as CSV", null);
        StreamingResponseBody body = out -> employees.export(company, filter, today, out);
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .cacheControl(CacheControl.noStore())
                .header("Content-Disposition", "attachment; filename=\"employees.csv\"")
                .body(body);
    }

    /**
     * The certified head count on a day, today if none is given: how many were employees and how
     * many held valid certificates (how many held a valid HCIP-Security on 2026-06-30).
     */
    @GetMapping("/head-count")
    HeadCount headCount(Caller caller, @RequestParam(required = false) String date) {
        String company = caller.partnerCompanyOrRefuse();
        LocalDate day = Verification.day(date);
        LocalDate today = today();
        if (day == null) {
            day = today;
        } else if (day.isAfter(today)) {
            throw new DomainException(
                    ErrorCode.INVALID_INPUT, Text.of("problem.partner-employees-controller.1", today));
        }
        return employees.headCount(company, day);
    }

    /** Requests to join the company, waiting for an administrator. */
    @GetMapping("/membership-requests")
    List<Request> requests(Caller caller) {
        return employees.requests(caller.partnerCompanyOrRefuse());
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    }
}
