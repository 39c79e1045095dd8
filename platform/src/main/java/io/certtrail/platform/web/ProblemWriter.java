package io.certtrail.platform.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.certtrail.platform.error.ErrorCode;
import io.certtrail.platform.i18n.Language;
import io.certtrail.platform.i18n.Messages;
import io.certtrail.platform.i18n.Text;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Writes a problem document where no controller is involved (filters, security handlers), in the
 * language the request asks for ({@code Accept-Language}; nobody is signed in yet).
 */
public final class ProblemWriter {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ProblemWriter() {}

    public static void write(HttpServletRequest request, HttpServletResponse response, ErrorCode code, Text detail)
            throws IOException {
        Locale locale = localeOf(request);
        write(response, locale, code.status(), code.slug(), code.title(locale), detail.in(locale), code.name());
    }

    /** A problem that is not one of the domain's codes: its title and detail by their message keys. */
    public static void write(
            HttpServletRequest request,
            HttpServletResponse response,
            int status,
            String slug,
            String titleKey,
            String detailKey,
            String code)
            throws IOException {
        Locale locale = localeOf(request);
        write(
                response,
                locale,
                status,
                slug,
                Messages.render(titleKey, locale),
                Messages.render(detailKey, locale),
                code);
    }

    static Locale localeOf(HttpServletRequest request) {
        return Language.fromAcceptLanguage(request == null ? null : request.getHeader("Accept-Language"))
                .locale();
    }

    private static void write(
            HttpServletResponse response,
            Locale locale,
            int status,
            String slug,
            String title,
            String detail,
            String code)
            throws IOException {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", ProblemDetailsAdvice.TYPE_BASE + slug);
        body.put("title", title);
        body.put("status", status);
        body.put("detail", detail);
        body.put("code", code);
        response.setStatus(status);
        response.setContentType("application/problem+json");
        response.setCharacterEncoding("UTF-8");
        response.setHeader("Content-Language", locale.toLanguageTag());
        JSON.writeValue(response.getOutputStream(), body);
    }
}
