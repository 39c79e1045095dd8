package io.certtrail.query.sharing.web;

import io.certtrail.platform.abuse.RateLimitedException;
import io.certtrail.platform.error.DomainException;
import io.certtrail.platform.i18n.Language;
import io.certtrail.platform.i18n.Messages;
import io.certtrail.platform.i18n.RequestLanguages;
import io.certtrail.query.sharing.ShareLinkReads;
import io.certtrail.query.sharing.ShareLinkReads.Shared;
import io.certtrail.query.sharing.ShareLinkReads.SharedCertificate;
import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
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
    private final RequestLanguages languages;

    SharedRecordsController(ShareLinkReads reads, RequestLanguages languages) {
        this.reads = reads;
        this.languages = languages;
    }

    @GetMapping("/api/public/shares/{token}")
    ResponseEntity<Shared> json(@PathVariable String token, HttpServletRequest request) {
        return ResponseEntity.ok()
                .cacheControl(CacheControl.noStore())
                .body(reads.shared(token, request.getRemoteAddr()));
    }

    @GetMapping(value = "/share/{token}", produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<String> page(@PathVariable String token, HttpServletRequest request) {
        Language language = languages.of(request);
        Locale locale = language.locale();
        String body;
        ResponseEntity.BodyBuilder response;
        try {
            body = describe(reads.shared(token, request.getRemoteAddr()), locale);
            response = ResponseEntity.status(200);
        } catch (RateLimitedException e) {
            body = "<h1>" + t(locale, "page.verify.too-many") + "</h1><p>"
                    + esc(e.detail().in(locale)) + "</p>";
            response = ResponseEntity.status(429).header(HttpHeaders.RETRY_AFTER, Long.toString(e.retryAfterSeconds()));
        } catch (DomainException e) {
            body = "<h1>" + esc(e.code().title(locale)) + "</h1><p>"
                    + esc(e.detail().in(locale)) + "</p>";
            response = ResponseEntity.status(e.code().status());
        }
        String html = "<!doctype html><html lang=\"" + language.tag() + "\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                + "<meta name=\"robots\" content=\"noindex\"><title>" + t(locale, "page.share.title")
                + " - CertTrail</title><style>"
                + "body{font-family:system-ui,sans-serif;max-width:44rem;margin:2rem auto;padding:0 1rem;color:#1b2a49}"
                + "table{border-collapse:collapse;width:100%}td,th{text-align:left;padding:.3rem;border-bottom:1px solid #ddd}"
                + ".VALID{color:#1e7b34}.EXPIRED{color:#a05a00}.REVOKED{color:#b00020}</style></head><body>"
                + body + "</body></html>";
        return response.contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_LANGUAGE, language.tag())
                .cacheControl(CacheControl.noStore())
                .body(html);
    }

    /** A text of the page, escaped for HTML. */
    private static String t(Locale locale, String key, Object... args) {
        return esc(Messages.render(key, locale, args));
    }

    private static String describe(Shared shared, Locale locale) {
        StringBuilder html = new StringBuilder("<h1>")
                .append(shared.holderName() == null ? t(locale, "page.share.title") : esc(shared.holderName()))
                .append("</h1>");
        if (shared.note() != null) {
            html.append("<p>").append(esc(shared.note())).append("</p>");
        }
        html.append("<p>")
                .append(t(
                        locale,
                        "page.share.as-of",
                        shared.checkedOn(),
                        shared.expiresAt().toString().substring(0, 10)))
                .append("</p>");
        if (!shared.certificates().isEmpty()) {
            html.append("<h2>")
                    .append(t(locale, "page.share.certificates"))
                    .append("</h2><table><tr><th>")
                    .append(t(locale, "page.verify.certification"))
                    .append("</th><th>")
                    .append(t(locale, "page.share.number"))
                    .append("</th><th>")
                    .append(t(locale, "page.share.valid"))
                    .append("</th><th>")
                    .append(t(locale, "page.share.status"))
                    .append("</th></tr>");
            for (SharedCertificate c : shared.certificates()) {
                html.append("<tr><td>")
                        .append(esc(c.certificationName()))
                        .append("</td><td><a href=\"")
                        .append(esc(c.verificationUrl()))
                        .append("\">")
                        .append(esc(c.certificateNumber()))
                        .append("</a></td><td>")
                        .append(t(
                                locale,
                                c.renewed() ? "page.share.period.renewed" : "page.share.period",
                                c.effectiveDate(),
                                c.expirationDate()))
                        .append("</td><td class=\"")
                        .append(c.status())
                        .append("\">")
                        .append(t(locale, "page.share.status." + c.status()))
                        .append("</td></tr>");
            }
            html.append("</table>");
        }
        if (!shared.exams().isEmpty()) {
            html.append("<h2>")
                    .append(t(locale, "page.share.exams"))
                    .append("</h2><table><tr><th>")
                    .append(t(locale, "page.share.exam"))
                    .append("</th><th>")
                    .append(t(locale, "page.share.date"))
                    .append("</th><th>")
                    .append(t(locale, "page.share.result"))
                    .append("</th></tr>");
            shared.exams()
                    .forEach(e -> html.append("<tr><td>")
                            .append(esc(e.examCode()))
                            .append(' ')
                            .append(esc(e.examName()))
                            .append("</td><td>")
                            .append(e.examDate())
                            .append("</td><td>")
                            .append(t(locale, e.passed() ? "page.share.passed" : "page.share.not-passed"))
                            .append("</td></tr>"));
            html.append("</table>");
        }
        if (!shared.training().isEmpty()) {
            html.append("<h2>")
                    .append(t(locale, "page.share.training"))
                    .append("</h2><table><tr><th>")
                    .append(t(locale, "page.share.course"))
                    .append("</th><th>")
                    .append(t(locale, "page.share.provider"))
                    .append("</th><th>")
                    .append(t(locale, "page.share.completed"))
                    .append("</th></tr>");
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
