package io.certtrail.query.certificate.web;

import io.certtrail.platform.abuse.RateLimitedException;
import io.certtrail.platform.error.DomainException;
import io.certtrail.query.certificate.Verification;
import io.certtrail.query.certificate.Verification.Result;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;

/**
 * Anyone checks a certificate by its number, without signing in: a JSON API for other systems and
 * a plain web page (the target of the QR code on every e-certificate) for people.
 */
@RestController
class PublicVerificationController {

    private final Verification verification;

    PublicVerificationController(Verification verification) {
        this.verification = verification;
    }

    /**
     * @param name optional: the holder's full name; when it matches, the answer shows the name unmasked
     * @param date optional, YYYY-MM-DD: the answer says too whether the certificate was valid on that day
     */
    @GetMapping("/api/public/certificates/{number}")
    ResponseEntity<Result> verify(
            @PathVariable String number,
            @RequestParam(required = false) String name,
            @RequestParam(required = false) String date,
            HttpServletRequest request) {
        return ResponseEntity.ok()
                .cacheControl(CacheControl.noStore())
                .body(verification.verify(number, name, Verification.day(date), request.getRemoteAddr()));
    }

    @GetMapping(value = "/verify/{number}", produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<String> page(
            @PathVariable String number,
            @RequestParam(required = false) String name,
            @RequestParam(required = false) String date,
            HttpServletRequest request) {
        return form(number, name, date, request);
    }

    @GetMapping(value = "/verify", produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<String> form(
            @RequestParam(required = false) String number,
            @RequestParam(required = false) String name,
            @RequestParam(required = false) String date,
            HttpServletRequest request) {
        String result = "";
        int status = 200;
        Long retryAfter = null;
        if (number != null) {
            try {
                result = describe(verification.verify(number, name, Verification.day(date), request.getRemoteAddr()));
            } catch (RateLimitedException e) {
                status = 429;
                retryAfter = e.retryAfterSeconds();
                result = "<section class=\"result bad\" role=\"status\"><h2>Too many look-ups</h2><p>Try again in "
                        + e.retryAfterSeconds() + " seconds.</p></section>";
            } catch (DomainException e) {
                status = e.code().status();
                result = "<section class=\"result bad\" role=\"status\"><h2>"
                        + esc(e.code().title()) + "</h2><p>" + esc(e.getMessage()) + "</p></section>";
            }
        }
        String html = "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                + "<meta name=\"robots\" content=\"noindex\"><title>Verify a certificate - CertTrail</title><style>"
                + "body{font-family:system-ui,sans-serif;max-width:40rem;margin:2rem auto;padding:0 1rem;color:#1b2a49}"
                + "label{display:block;margin:.8rem 0 .2rem}input{width:100%;padding:.4rem;font-size:1rem}"
                + "button{margin-top:1rem;padding:.5rem 1.2rem;font-size:1rem}.result{margin-top:2rem;padding:1rem;"
                + "border-radius:.4rem}.good{background:#e6f4ea}.warn{background:#fff4e0}.bad{background:#fdecea}"
                + "dt{font-weight:600}dd{margin:0 0 .6rem}</style></head><body>"
                + "<h1>Verify a certificate</h1>"
                + "<p>Enter the number printed on the certificate. Add the holder's full name to see it confirmed.</p>"
                + "<form method=\"get\" action=\"/verify\"><label for=\"number\">Certificate number</label>"
                + "<input id=\"number\" name=\"number\" required maxlength=\"64\" value=\"" + esc(number) + "\">"
                + "<label for=\"name\">Holder's full name (optional)</label>"
                + "<input id=\"name\" name=\"name\" maxlength=\"200\" value=\"" + esc(name) + "\">"
                + "<label for=\"date\">Was it valid on this day? (optional)</label>"
                + "<input id=\"date\" name=\"date\" type=\"date\" value=\"" + esc(date) + "\">"
                + "<button type=\"submit\">Verify</button></form>" + result + "</body></html>";
        ResponseEntity.BodyBuilder response = ResponseEntity.status(status);
        if (retryAfter != null) {
            response.header(org.springframework.http.HttpHeaders.RETRY_AFTER, retryAfter.toString());
        }
        return response.contentType(new MediaType(MediaType.TEXT_HTML, java.nio.charset.StandardCharsets.UTF_8))
                .cacheControl(CacheControl.noStore())
                .body(html);
    }

    private static String describe(Result r) {
        String css = switch (r.status()) {
            case VALID -> "good";
            case EXPIRED -> "warn";
            case REVOKED -> "bad";
            case REPLACED -> "warn";
        };
        String headline = switch (r.status()) {
            case VALID -> "Authentic and valid";
            case EXPIRED -> "Authentic, but expired";
            case REVOKED -> "Revoked: this certificate is no longer valid";
            case REPLACED -> "Replaced: this certificate now has another number";
        };
        String replaced = r.replacedBy() == null
                ? ""
                : "<dt>Its number now</dt><dd id=\"replaced-by\"><a href=\"/verify/" + esc(r.replacedBy()) + "\">"
                        + esc(r.replacedBy()) + "</a> (verify that number)</dd>";
        String nameLine = r.holderName() == null
                ? "not on record yet"
                : esc(r.holderName())
                        + (Boolean.TRUE.equals(r.nameMatches())
                                ? " (matches the name you entered)"
                                : Boolean.FALSE.equals(r.nameMatches())
                                        ? " (does not match the name you entered)"
                                        : "");
        return "<section class=\"result " + css + "\" role=\"status\"><h2 id=\"verdict\" data-status=\""
                + r.status() + "\">" + headline + "</h2><dl>"
                + "<dt>Certificate number</dt><dd id=\"certificate-number\">" + esc(r.certificateNumber()) + "</dd>"
                + replaced
                + "<dt>Certification</dt><dd id=\"certification\">" + esc(r.certificationName()) + "</dd>"
                + "<dt>Holder</dt><dd id=\"holder\">" + nameLine + "</dd>"
                + "<dt>Effective date</dt><dd>" + r.effectiveDate() + "</dd>"
                + "<dt>Expiration date</dt><dd>" + (r.expirationDate() == null ? "none" : r.expirationDate()) + "</dd>"
                + "<dt>Checked on</dt><dd>" + r.checkedOn() + "</dd>"
                + (r.onDate() == null
                        ? ""
                        : "<dt>On " + r.onDate() + "</dt><dd id=\"status-on-date\" data-status=\"" + r.statusOnDate()
                                + "\">" + onDate(r.statusOnDate()) + "</dd>")
                + (r.history().isEmpty() ? "" : "<dt>History</dt><dd><ul id=\"history\">" + history(r) + "</ul></dd>")
                + "</dl></section>";
    }

    private static String onDate(Verification.StatusOnDate status) {
        return switch (status) {
            case VALID -> "valid";
            case NOT_YET_VALID -> "not valid yet (before its effective date)";
            case EXPIRED -> "expired";
            case REVOKED -> "revoked";
        };
    }

    private static String history(Result r) {
        StringBuilder items = new StringBuilder();
        for (Verification.HistoryEntry h : r.history()) {
            items.append("<li>")
                    .append(h.on())
                    .append(": ")
                    .append(
                            switch (h.kind()) {
                                case ISSUED -> "issued, valid " + h.effectiveDate() + " to " + h.expirationDate();
                                case RENEWED ->
                                    "renewed, valid to " + h.expirationDate()
                                            + (h.renewedBy() == null ? "" : " (by " + esc(h.renewedBy()) + ")");
                                case RENEWAL_WITHDRAWN -> "renewal withdrawn, valid to " + h.expirationDate();
                                case CORRECTED -> "corrected, valid " + h.effectiveDate() + " to " + h.expirationDate();
                                case NUMBER_CHANGED -> "number changed (" + esc(h.certificateNumber()) + ")";
                                case REVOKED -> "revoked";
                            })
                    .append("</li>");
        }
        return items.toString();
    }

    private static String esc(String value) {
        return value == null ? "" : HtmlUtils.htmlEscape(value);
    }
}
