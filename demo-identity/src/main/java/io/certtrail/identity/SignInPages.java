package io.certtrail.identity;

import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.util.HtmlUtils;

/**
 * The pages a person meets at the identity provider: sign-in (in the deployment's name and colours),
 * and where a browser lands when no client sent it anywhere: after signing in at {@code /login}
 * directly, or after signing out without a registered address to return to. Before, both landed on
 * {@code /}, a raw 401 problem document, and the sign-in page's stylesheet itself answered 401.
 */
@Controller
@org.springframework.context.annotation.Profile("!production") // the demo identity provider's pages
class SignInPages {

    static final String STYLESHEET = "/identity.css";
    static final String SIGNED_IN = "/signed-in";
    static final String SIGNED_OUT = "/signed-out";
    /** Only our stylesheet: no script, no frames, nothing from elsewhere. No form-action: after signing
     * in, the browser is sent on to the client's own address, which form-action would block. */
    private static final String CSP = "default-src 'none'; style-src 'self'; frame-ancestors 'none'; base-uri 'none'";

    private final IdentityProperties.Branding branding;

    SignInPages(IdentityProperties identity) {
        this.branding = identity.branding();
    }

    @GetMapping("/login")
    ResponseEntity<String> signIn(HttpServletRequest request) {
        CsrfToken csrf = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
        String notice = request.getParameter("error") != null
                ? "<p class=\"notice error\" role=\"alert\">The user name or the password is not right.</p>"
                : request.getParameter("logout") != null ? "<p class=\"notice\">You are signed out.</p>" : "";
        return page(
                "Sign in",
                notice
                        + "<form method=\"post\" action=\"" + request.getContextPath() + "/login\">"
                        + "<label for=\"username\">User name</label>"
                        + "<input id=\"username\" name=\"username\" autocomplete=\"username\" required autofocus>"
                        + "<label for=\"password\">Password</label>"
                        + "<input id=\"password\" name=\"password\" type=\"password\" autocomplete=\"current-password\" required>"
                        + (csrf == null
                                ? ""
                                : "<input type=\"hidden\" name=\"" + HtmlUtils.htmlEscape(csrf.getParameterName())
                                        + "\" value=\"" + HtmlUtils.htmlEscape(csrf.getToken()) + "\">")
                        + "<button type=\"submit\">Sign in</button></form>");
    }

    @GetMapping(SIGNED_IN)
    ResponseEntity<String> signedIn() {
        return page(
                "You are signed in",
                "<p>You are signed in to " + name()
                        + ". Go back to the application you came from; it can now use your sign-in.</p>");
    }

    @GetMapping(SIGNED_OUT)
    ResponseEntity<String> signedOut() {
        return page(
                "You are signed out",
                "<p>You are signed out of " + name() + ". To use it again, sign in from the application you use.</p>");
    }

    @GetMapping(value = STYLESHEET, produces = "text/css")
    ResponseEntity<String> stylesheet() {
        String css =
                ":root{--primary:" + branding.primaryColour() + ";--background:" + branding.backgroundColour() + "}"
                        + "body{font-family:system-ui,-apple-system,'Segoe UI',Roboto,'Noto Sans','Noto Sans CJK SC',sans-serif;"
                        + "background:var(--background);color:#1d2330;margin:0}"
                        + "header{background:var(--primary);color:#fff;padding:1rem 2rem;font-size:1.25rem;font-weight:600}"
                        + "main{max-width:24rem;margin:3rem auto;background:#fff;padding:2rem;border-radius:8px;"
                        + "box-shadow:0 1px 4px rgba(0,0,0,.12)}"
                        + "h1{font-size:1.4rem;margin-top:0}label{display:block;margin:1rem 0 .25rem;font-weight:600}"
                        + "input{width:100%;box-sizing:border-box;padding:.6rem;border:1px solid #b8c0cc;border-radius:4px;font-size:1rem}"
                        + "button{margin-top:1.5rem;width:100%;padding:.7rem;border:0;border-radius:4px;background:var(--primary);"
                        + "color:#fff;font-size:1rem;cursor:pointer}"
                        + ".notice{padding:.6rem;border-radius:4px;background:#e8f1fb}.notice.error{background:#fdecea;color:#8a1c12}";
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "css", StandardCharsets.UTF_8))
                .cacheControl(CacheControl.maxAge(java.time.Duration.ofHours(1)))
                .body(css);
    }

    private String name() {
        return HtmlUtils.htmlEscape(branding.name());
    }

    private ResponseEntity<String> page(String title, String body) {
        String html = "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                + "<title>" + HtmlUtils.htmlEscape(title) + " - " + name() + "</title>"
                + "<link rel=\"stylesheet\" href=\"" + STYLESHEET + "\"></head><body><header>" + name() + "</header>"
                + "<main><h1>" + HtmlUtils.htmlEscape(title) + "</h1>" + body + "</main></body></html>";
        return ResponseEntity.ok()
                .contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
                .cacheControl(CacheControl.noStore())
                .header("Content-Security-Policy", CSP)
                .body(html);
    }
}
