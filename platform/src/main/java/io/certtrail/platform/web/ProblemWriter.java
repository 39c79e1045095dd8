package io.certtrail.platform.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.certtrail.platform.error.ErrorCode;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/** Writes a problem document where no controller is involved (filters, security handlers). */
public final class ProblemWriter {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ProblemWriter() {}

    public static void write(HttpServletResponse response, ErrorCode code, String detail) throws IOException {
        write(response, code.status(), code.slug(), code.title(), detail, code.name());
    }

    public static void write(
            HttpServletResponse response, int status, String slug, String title, String detail, String code)
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
        JSON.writeValue(response.getOutputStream(), body);
    }
}
