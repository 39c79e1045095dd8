package io.certtrail.platform.web;

import io.certtrail.platform.i18n.Messages;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.Set;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.PathContainer;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * {@code /error}: where the servlet container forwards a failure no handler answered (a
 * {@code sendError} from a filter, say). Spring Boot's own answers with its Whitelabel page, or
 * {@code {"status":999}} and a 500 when {@code /error} is asked for directly; this one answers with a
 * problem document, for any method, and says "not found" when there is no failure to report.
 */
@RestController
@io.swagger.v3.oas.annotations.Hidden
class ProblemErrorController implements ErrorController {

    private final org.springframework.beans.factory.ObjectProvider<RequestMappingHandlerMapping> mappings;

    ProblemErrorController(
            @org.springframework.beans.factory.annotation.Qualifier("requestMappingHandlerMapping")
                    org.springframework.beans.factory.ObjectProvider<RequestMappingHandlerMapping> mappings) {
        this.mappings = mappings;
    }

    @RequestMapping(
            value = "/error",
            produces = {MediaType.APPLICATION_PROBLEM_JSON_VALUE, MediaType.ALL_VALUE})
    ResponseEntity<ProblemDetail> error(HttpServletRequest request, jakarta.servlet.http.HttpServletResponse response) {
        response.setHeader(HttpHeaders.ALLOW, null); // Tomcat's, if any: replaced below where it applies
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        HttpStatus status = code instanceof Integer value && HttpStatus.resolve(value) != null && value >= 400
                ? HttpStatus.valueOf(value)
                : HttpStatus.NOT_FOUND;
        HttpHeaders headers = new HttpHeaders();
        if (status == HttpStatus.METHOD_NOT_ALLOWED) {
            // Tomcat refuses TRACE itself (never echoing the request) and names every method of the
            // servlet in Allow, PUT and DELETE for read-only resources among them: name the resource's own
            Set<String> allowed = allowedMethods(request);
            if (allowed.isEmpty()) {
                status = HttpStatus.NOT_FOUND;
            } else {
                headers.set(HttpHeaders.ALLOW, String.join(", ", allowed));
            }
        }
        java.util.Locale locale = ProblemWriter.localeOf(request);
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                HttpStatusCode.valueOf(status.value()),
                status == HttpStatus.NOT_FOUND
                        ? Messages.render("problem.nothing-here", locale)
                        : status.is5xxServerError()
                                ? Messages.render("problem.internal-error", locale)
                                : Messages.render("problem.not-handled", locale, status.getReasonPhrase()));
        problem.setTitle(
                status == HttpStatus.NOT_FOUND
                        ? Messages.render("problem.nothing-here.title", locale)
                        : status.getReasonPhrase());
        problem.setType(URI.create(ProblemDetailsAdvice.TYPE_BASE + FrameworkProblems.slug(status.value())));
        problem.setProperty("code", FrameworkProblems.code(status.value()));
        if (request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI) instanceof String path) {
            try {
                problem.setInstance(URI.create(path)); // the request's own, not /error
            } catch (IllegalArgumentException notAUri) {
                // left out: a path Tomcat took but a URI cannot hold
            }
        }
        return ResponseEntity.status(status)
                .headers(headers)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }

    /** The methods the API maps to the failed request's path; empty when nothing is there. */
    private Set<String> allowedMethods(HttpServletRequest request) {
        RequestMappingHandlerMapping mapping = mappings.getIfAvailable();
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        if (mapping == null || !(uri instanceof String path)) {
            return Set.of();
        }
        PathContainer target =
                PathContainer.parsePath(path.substring(request.getContextPath().length()));
        Set<String> methods = new java.util.TreeSet<>();
        mapping.getHandlerMethods().keySet().forEach(info -> {
            if (info.getPathPatternsCondition() != null
                    && info.getPathPatternsCondition().getPatterns().stream()
                            .anyMatch(pattern -> pattern.matches(target))) {
                Set<RequestMethod> mapped = info.getMethodsCondition().getMethods();
                (mapped.isEmpty() ? Set.of(RequestMethod.GET, RequestMethod.POST) : mapped)
                        .forEach(method -> methods.add(method.name()));
            }
        });
        if (methods.contains("GET")) {
            methods.add("HEAD");
        }
        if (!methods.isEmpty()) {
            methods.add("OPTIONS");
        }
        return methods;
    }
}
