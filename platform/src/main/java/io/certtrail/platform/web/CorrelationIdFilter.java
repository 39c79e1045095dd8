package io.certtrail.platform.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.UUID;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.HandlerMapping;

/**
 * Gives every request a correlation identifier: the caller's {@code X-Correlation-Id} when it is
 * a plain token (so a portal can follow its own id through), otherwise a new one. It is in the MDC
 * (every log line of the request carries it), in the answer's header, and, through the command's
 * metadata, Axon's {@code traceId} of every event the request causes: the audit view's correlation.
 *
 * <p>Each request ends with one line on the {@code io.certtrail.access} logger (INFO): method,
 * the route's pattern, status and time. The pattern, never the path itself: a path can hold an
 * e-mail link's token or an address, and the log holds neither.
 */
public class CorrelationIdFilter extends OncePerRequestFilter {

    public static final String HEADER = "X-Correlation-Id";
    public static final String MDC_KEY = "correlationId";
    private static final Logger ACCESS = LoggerFactory.getLogger("io.certtrail.access");
    /** Letters, digits and dashes only: nothing a log reader could be fooled by, nothing personal. */
    private static final Pattern ACCEPTED = Pattern.compile("[A-Za-z0-9-]{8,64}");

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String given = request.getHeader(HEADER);
        String id = given != null && ACCEPTED.matcher(given).matches()
                ? given
                : UUID.randomUUID().toString();
        MDC.put(MDC_KEY, id);
        response.setHeader(HEADER, id);
        long started = System.nanoTime();
        try {
            chain.doFilter(request, response);
        } finally {
            if (ACCESS.isInfoEnabled()) {
                Object route = request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
                ACCESS.info(
                        "{} {} {} {}ms",
                        request.getMethod(),
                        route == null ? "(no route)" : route,
                        response.getStatus(),
                        (System.nanoTime() - started) / 1_000_000);
            }
            MDC.remove(MDC_KEY);
        }
    }

    /** The current request's correlation identifier, or null outside a request. */
    public static String current() {
        return MDC.get(MDC_KEY);
    }
}
