package io.certtrail.platform.i18n;

import io.certtrail.platform.identity.CallerArgumentResolver;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.LocaleResolver;

/**
 * The language of a request's answer (problem documents, pages, PDFs): the signed-in holder's
 * choice, else the request's {@code Accept-Language}, else English. Spring's {@code localeResolver}.
 */
@Component("localeResolver")
public class RequestLanguages implements LocaleResolver {

    private static final String RESOLVED = RequestLanguages.class.getName() + ".resolved";

    private final PreferredLanguages preferences;

    RequestLanguages(PreferredLanguages preferences) {
        this.preferences = preferences;
    }

    @Override
    public Locale resolveLocale(HttpServletRequest request) {
        if (request.getAttribute(RESOLVED) instanceof Locale known) {
            return known;
        }
        Locale locale = preferences
                .of(accountId(), request.getHeader("Accept-Language"))
                .locale();
        request.setAttribute(RESOLVED, locale);
        return locale;
    }

    /** The language of a request outside Spring MVC's own handling (a page a controller writes). */
    public Language of(HttpServletRequest request) {
        return Language.of(resolveLocale(request)).orElse(Language.EN);
    }

    private static String accountId() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth instanceof JwtAuthenticationToken) {
            try {
                return CallerArgumentResolver.current().accountId();
            } catch (RuntimeException notAHolder) {
                return null;
            }
        }
        return null;
    }

    @Override
    public void setLocale(HttpServletRequest request, HttpServletResponse response, Locale locale) {
        throw new UnsupportedOperationException("The holder chooses a language with PUT /api/me/language");
    }
}
