package io.certtrail.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Set;
import org.springframework.http.HttpHeaders;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;

/**
 * A write whose answer the caller would not accept is refused <em>before</em> it runs. Spring
 * negotiates the response's media type when it writes the body, after the handler: a revocation
 * sent with {@code Accept: image/png} was carried out and then answered 406, and the retry got 409
 * (found by an OpenAPI fuzzer). A handler answers what its mapping says it produces, JSON otherwise;
 * a refusal may always be a problem document.
 */
public final class AcceptBeforeWrites implements HandlerInterceptor {

    private static final List<MediaType> JSON = List.of(MediaType.APPLICATION_JSON, MediaType.APPLICATION_PROBLEM_JSON);
    private static final Set<String> READS = Set.of("GET", "HEAD", "OPTIONS");

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
            throws HttpMediaTypeNotAcceptableException {
        String accept = request.getHeader(HttpHeaders.ACCEPT);
        if (!(handler instanceof HandlerMethod) || READS.contains(request.getMethod()) || accept == null) {
            return true;
        }
        List<MediaType> produced = produced(request);
        List<MediaType> accepted;
        try {
            accepted = MediaType.parseMediaTypes(accept);
        } catch (InvalidMediaTypeException e) {
            throw new HttpMediaTypeNotAcceptableException("The Accept header cannot be read.");
        }
        if (accepted.isEmpty()
                || accepted.stream().anyMatch(wanted -> produced.stream().anyMatch(wanted::isCompatibleWith))) {
            return true;
        }
        throw new HttpMediaTypeNotAcceptableException(produced);
    }

    @SuppressWarnings("unchecked")
    private static List<MediaType> produced(HttpServletRequest request) {
        Set<MediaType> declared =
                (Set<MediaType>) request.getAttribute(HandlerMapping.PRODUCIBLE_MEDIA_TYPES_ATTRIBUTE);
        if (declared == null || declared.isEmpty()) {
            return JSON;
        }
        List<MediaType> produced = new java.util.ArrayList<>(declared);
        produced.add(MediaType.APPLICATION_PROBLEM_JSON);
        return produced;
    }
}
