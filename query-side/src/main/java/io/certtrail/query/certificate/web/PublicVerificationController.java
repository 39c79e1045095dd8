package io.certtrail.query.certificate.web;

import io.certtrail.platform.abuse.RateLimitedException;
import io.certtrail.platform.error.DomainException;
import io.certtrail.platform.i18n.Language;
import io.certtrail.platform.i18n.Messages;
import io.certtrail.platform.i18n.RequestLanguages;
import io.certtrail.query.certificate.Verification;
import io.certtrail.query.certificate.Verification.Result;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;
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
    private final RequestLanguages languages;

    PublicVerificationController(Verification verification, RequestLanguages languages) {
        this.verification = verification;
        this.languages = languages;
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
        Language language = languages.of(request);
        Locale locale = language.locale();
        String result = "";
        int status = 200;
        Long retryAfter = null;
        if (number != null) {
            try {
                result = describe(
                        verification.verify(number, name, Verification.day(date), request.getRemoteAddr()), locale);
            } catch (RateLimitedException e) {
                status = 429;
                retryAfter = e.retryAfterSeconds();
                result = "<section class=\"result bad\" role=\"status\"><h2>" + t(locale, "page.verify.too-many")
                        + "</h2><p>" + esc(e.detail().in(locale)) + "</p></section>";
            } catch (DomainException e) {
                status = e.code().status();
                result = "<section class=\"result bad\" role=\"status\"><h2>"
                        + esc(e.code().title(locale)) + "</h2><p>"
                        + esc(e.detail().in(locale)) + "</p></section>";
            }
        }
        String html = "<!doctype html><html lang=\"" + language.tag() + "\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                + "<meta name=\"robots\" content=\"noindex\"><title>" + t(locale, "page.verify.title")
                + " - CertTrail</title><style>"
                + "body{font-family:system-ui,sans-serif;max-width:40rem;margin:2rem auto;padding:0 1rem;color:#1b2a49}"
                + "label{display:block;margin:.8rem 0 .2rem}input{width:100%;padding:.4rem;font-size:1rem}"
                + "button{margin-top:1rem;padding:.5rem 1.2rem;font-size:1rem}.result{margin-top:2rem;padding:1rem;"
                + "border-radius:.4rem}.good{background:#e6f4ea}.warn{background:#fff4e0}.bad{background:#fdecea}"
                + "dt{font-weight:600}dd{margin:0 0 .6rem}</style></head><body>"
                + "<h1>" + t(locale, "page.verify.title") + "</h1>"
                + "<p>" + t(locale, "page.verify.intro") + "</p>"
                + "<form method=\"get\" action=\"/verify\"><label for=\"number\">"
                + t(locale, "page.verify.number") + "</label>"
                + "<input id=\"number\" name=\"number\" required maxlength=\"64\" value=\"" + esc(number) + "\">"
                + "<label for=\"name\">" + t(locale, "page.verify.name") + "</label>"
                + "<input id=\"name\" name=\"name\" maxlength=\"200\" value=\"" + esc(name) + "\">"
                + "<label for=\"date\">" + t(locale, "page.verify.date") + "</label>"
                + "<input id=\"date\" name=\"date\" type=\"date\" value=\"" + esc(date) + "\">"
                + "<button type=\"submit\">" + t(locale, "page.verify.submit") + "</button></form>" + result
                + "</body></html>";
        ResponseEntity.BodyBuilder response = ResponseEntity.status(status);
        if (retryAfter != null) {
            response.header(org.springframework.http.HttpHeaders.RETRY_AFTER, retryAfter.toString());
        }
        return response.contentType(new MediaType(MediaType.TEXT_HTML, java.nio.charset.StandardCharsets.UTF_8))
                .header(org.springframework.http.HttpHeaders.CONTENT_LANGUAGE, language.tag())
                .cacheControl(CacheControl.noStore())
                .body(html);
    }

    /** A text of the page, escaped for HTML. */
    private static String t(Locale locale, String key, Object... args) {
        return esc(Messages.render(key, locale, args));
    }

    private static String describe(Result r, Locale locale) {
        String css = switch (r.status()) {
            case VALID -> "good";
            case EXPIRED -> "warn";
            case REVOKED -> "bad";
            case REPLACED -> "warn";
        };
        String headline = t(locale, "page.verify.verdict." + r.status().name());
        String replaced = r.replacedBy() == null
                ? ""
                : "<dt>" + t(locale, "page.verify.number-now") + "</dt><dd id=\"replaced-by\"><a href=\"/verify/"
                        + esc(r.replacedBy()) + "\">" + esc(r.replacedBy()) + "</a> "
                        + t(locale, "page.verify.verify-that") + "</dd>";
        String nameLine = r.holderName() == null
                ? t(locale, "page.verify.name-not-on-record")
                : esc(r.holderName())
                        + (Boolean.TRUE.equals(r.nameMatches())
                                ? " " + t(locale, "page.verify.name-matches")
                                : Boolean.FALSE.equals(r.nameMatches())
                                        ? " " + t(locale, "page.verify.name-does-not-match")
                                        : "");
        return "<section class=\"result " + css + "\" role=\"status\"><h2 id=\"verdict\" data-status=\""
                + r.status() + "\">" + headline + "</h2><dl>"
                + "<dt>" + t(locale, "page.verify.number") + "</dt><dd id=\"certificate-number\">"
                + esc(r.certificateNumber()) + "</dd>"
                + replaced
                + "<dt>" + t(locale, "page.verify.certification") + "</dt><dd id=\"certification\">"
                + esc(r.certificationName()) + "</dd>"
                + "<dt>" + t(locale, "page.verify.holder") + "</dt><dd id=\"holder\">" + nameLine + "</dd>"
                + "<dt>" + t(locale, "page.verify.effective") + "</dt><dd>" + r.effectiveDate() + "</dd>"
                + "<dt>" + t(locale, "page.verify.expiration") + "</dt><dd>"
                + (r.expirationDate() == null ? t(locale, "page.verify.none") : r.expirationDate()) + "</dd>"
                + "<dt>" + t(locale, "page.verify.checked-on") + "</dt><dd>" + r.checkedOn() + "</dd>"
                + (r.onDate() == null
                        ? ""
                        : "<dt>" + t(locale, "page.verify.on", r.onDate())
                                + "</dt><dd id=\"status-on-date\" data-status=\""
                                + r.statusOnDate() + "\">"
                                + t(
                                        locale,
                                        "page.verify.on-date."
                                                + r.statusOnDate().name()) + "</dd>")
                + (r.history().isEmpty()
                        ? ""
                        : "<dt>" + t(locale, "page.verify.history") + "</dt><dd><ul id=\"history\">"
                                + history(r, locale) + "</ul></dd>")
                + "</dl></section>";
    }

    private static String history(Result r, Locale locale) {
        StringBuilder items = new StringBuilder();
        for (Verification.HistoryEntry h : r.history()) {
            String key = "page.verify.history." + h.kind().name();
            String line = switch (h.kind()) {
                case ISSUED, CORRECTED -> t(locale, key, h.effectiveDate(), h.expirationDate());
                case RENEWED ->
                    h.renewedBy() == null
                            ? t(locale, key, h.expirationDate())
                            : t(locale, key + ".by", h.expirationDate(), h.renewedBy());
                case RENEWAL_WITHDRAWN -> t(locale, key, h.expirationDate());
                case NUMBER_CHANGED -> t(locale, key, h.certificateNumber());
                case REVOKED -> t(locale, key);
            };
            items.append("<li>").append(h.on()).append(": ").append(line).append("</li>");
        }
        return items.toString();
    }

    private static String esc(String value) {
        return value == null ? "" : HtmlUtils.htmlEscape(value);
    }
}
