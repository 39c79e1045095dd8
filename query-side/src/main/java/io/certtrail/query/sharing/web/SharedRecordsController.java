package io.certtrail.query.sharing.web;

import io.certtrail.platform.abuse.RateLimitedException;
import io.certtrail.platform.error.DomainException;
import io.certtrail.query.sharing.ShareLinkReads;
import io.certtrail.query.sharing.ShareLinkReads.Shared;
import io.certtrail.query.sharing.ShareLinkReads.SharedCertificate;
import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;

/**
 * What a share link shows to anyone who has it (rule 27): JSON for machines, a page for people.
 * Unknown, expired and revoked links get the same answer.
 */
@RestController
class SharedRecordsController {

    private final ShareLinkReads reads;

    SharedRecordsController(ShareLinkReads reads) {
        this.reads = reads;
    }

    @GetMapping("/api/public/shares/{token}")
    ResponseEntity<Shared> json(@PathVariable String token, HttpServletRequest request) {
        return ResponseEntity.ok()
                .cacheControl(CacheControl.noStore())
                .body(reads.shared(token, request.getRemoteAddr()));
    }

    @GetMapping(value = "/share/{token}", produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<String> page(@PathVariable String token, HttpServletRequest request) {
        int status = 200;
        String body;
        ResponseEntity.BodyBuilder response;
        try {
            body = describe(reads.shared(token, request.getRemoteAddr()));
            response = ResponseEntity.status(status);
        } catch (RateLimitedException e) {
            body = "<h1>Too many look-ups</h1><p>Try again in " + e.retryAfterSeconds() + " seconds.</p>";
            response = ResponseEntity.status(429).header(HttpHeaders.RETRY_AFTER, Long.toString(e.retryAfterSeconds()));
        } catch (DomainException e) {
            body = "<h1>" + esc(e.code().title()) + "</h1><p>" + esc(e.getMessage()) + "</p>";
            response = ResponseEntity.status(e.code().status());
        }
        String html = "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                + "<meta name=\"robots\" content=\"noindex\"><title>Shared records - CertTrail</title><style>"
                + "body{font-family:system-ui,sans-serif;max-width:44rem;margin:2rem auto;padding:0 1rem;color:#1b2a49}"
                + "table{border-collapse:collapse;width:100%}td,th{text-align:left;padding:.3rem;border-bottom:1px solid #ddd}"
                + ".VALID{color:#1e7b34}.EXPIRED{color:#a05a00}.REVOKED{color:#b00020}</style></head><body>"
                + body + "</body></html>";
        return response.contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
                .cacheControl(CacheControl.noStore())
                .body(html);
    }

    private static String describe(Shared shared) {
        StringBuilder html = new StringBuilder("<h1>")
                .append(shared.holderName() == null ? "Shared records" : esc(shared.holderName()))
                .append("</h1>");
        if (shared.note() != null) {
            html.append("<p>").append(esc(shared.note())).append("</p>");
        }
        html.append("<p>As of ")
                .append(shared.checkedOn())
                .append(". This link works until ")
                .append(shared.expiresAt().toString(), 0, 10)
                .append(".</p>");
        if (!shared.certificates().isEmpty()) {
            html.append("<h2>Certificates</h2><table><tr><th>Certification</th><th>Number</th><th>Valid</th>"
                    + "<th>Status</th></tr>");
            for (SharedCertificate c : shared.certificates()) {
                html.append("<tr><td>")
                        .append(esc(c.certificationName()))
                        .append("</td><td><a href=\"")
                        .append(esc(c.verificationUrl()))
                        .append("\">")
                        .append(esc(c.certificateNumber()))
                        .append("</a></td><td>")
                        .append(c.effectiveDate())
                        .append(" to ")
                        .append(c.expirationDate())
                        .append(c.renewed() ? " (renewed)" : "")
                        .append("</td><td class=\"")
                        .append(c.status())
                        .append("\">")
                        .append(c.status())
                        .append("</td></tr>");
            }
            html.append("</table>");
        }
        if (!shared.exams().isEmpty()) {
            html.append("<h2>Exams</h2><table><tr><th>Exam</th><th>Date</th><th>Result</th></tr>");
            shared.exams()
                    .forEach(e -> html.append("<tr><td>")
                            .append(esc(e.examCode()))
                            .append(' ')
                            .append(esc(e.examName()))
                            .append("</td><td>")
                            .append(e.examDate())
                            .append("</td><td>")
                            .append(e.passed() ? "passed" : "not passed")
                            .append("</td></tr>"));
            html.append("</table>");
        }
        if (!shared.training().isEmpty()) {
            html.append("<h2>Training</h2><table><tr><th>Course</th><th>Provider</th><th>Completed</th></tr>");
            shared.training()
                    .forEach(t -> html.append("<tr><td>")
                            .append(esc(t.courseName()))
                            .append("</td><td>")
                            .append(esc(t.provider()))
                            .append("</td><td>")
                            .append(t.endDate())
                            .append("</td></tr>"));
            html.append("</table>");
        }
        return html.toString();
    }

    private static String esc(String text) {
        return text == null ? "" : HtmlUtils.htmlEscape(text);
    }
}
