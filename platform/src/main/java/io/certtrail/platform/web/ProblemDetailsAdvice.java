package io.certtrail.platform.web;

import io.certtrail.platform.abuse.RateLimitedException;
import io.certtrail.platform.axon.CommandFailures;
import io.certtrail.platform.error.CodedFailure;
import io.certtrail.platform.error.DomainException;
import io.certtrail.platform.error.ErrorCode;
import io.certtrail.platform.i18n.Messages;
import io.certtrail.platform.i18n.Text;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.NoHandlerForCommandException;
import org.axonframework.commandhandling.distributed.CommandDispatchException;
import org.axonframework.common.lock.DeadlockException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Maps every failure to RFC 9457 problem details. What the caller did wrong is a 4xx with a
 * stable {@code type}; only our own faults are a 500, and those never echo internals.
 */
@RestControllerAdvice
public class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

    public static final String TYPE_BASE = "https://certtrail.io/problems/";
    private static final Logger log = LoggerFactory.getLogger(ProblemDetailsAdvice.class);

    /** A problem document in the request's language (the caller's preference, else Accept-Language). */
    public static ProblemDetail problem(ErrorCode code, Text detail) {
        return problem(code, detail.in(locale()));
    }

    private static ProblemDetail problem(ErrorCode code, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatusCode.valueOf(code.status()), detail);
        problem.setType(URI.create(TYPE_BASE + code.slug()));
        problem.setTitle(code.title(locale()));
        problem.setProperty("code", code.name());
        return problem;
    }

    static Locale locale() {
        return LocaleContextHolder.getLocale();
    }

    @ExceptionHandler(RateLimitedException.class)
    ResponseEntity<ProblemDetail> onRateLimited(RateLimitedException e) {
        ProblemDetail problem = problem(e.code(), e.detail());
        problem.setProperty("retryAfterSeconds", e.retryAfterSeconds());
        return ResponseEntity.status(429)
                .header(HttpHeaders.RETRY_AFTER, Long.toString(e.retryAfterSeconds()))
                .contentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }

    @ExceptionHandler(DomainException.class)
    ResponseEntity<ProblemDetail> onDomain(DomainException e) {
        return respond(problem(e.code(), e.detail()));
    }

    /**
     * A command that failed: its code travels as the exception's details (on Axon Server, the only
     * part that crosses), or its type says what happened (a conflict, Axon Server out of reach).
     */
    @ExceptionHandler({
        CommandExecutionException.class,
        ConcurrencyException.class,
        DeadlockException.class,
        CommandDispatchException.class,
        NoHandlerForCommandException.class
    })
    ResponseEntity<ProblemDetail> onCommandFailure(Exception e) {
        return commandProblem(e).orElseGet(() -> onUnexpected(e));
    }

    private static Optional<ResponseEntity<ProblemDetail>> commandProblem(Throwable e) {
        return CommandFailures.coded(e)
                .map(coded -> respond(
                        coded.getDetails().orElseThrow() instanceof CodedFailure failure
                                ? problem(failure.code(), failure.detail())
                                // an instance of an older release: its English message
                                : problem((ErrorCode) coded.getDetails().orElseThrow(), coded.getMessage())));
    }

    /** A query string that is not UTF-8 or not well formed: Tomcat refuses it when it is first read. */
    @ExceptionHandler(org.apache.tomcat.util.http.InvalidParameterException.class)
    ResponseEntity<ProblemDetail> invalidParameters(org.apache.tomcat.util.http.InvalidParameterException e) {
        return respond(problem(ErrorCode.INVALID_INPUT, Text.of("problem.query-string-invalid")));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> onUnexpected(Exception e) {
        Optional<ResponseEntity<ProblemDetail>> commandProblem = commandProblem(e);
        if (commandProblem.isPresent()) {
            return commandProblem.get(); // wrapped on its way (a CompletionException from the connector, say)
        }
        // Types and frames only: exception messages may quote input, and input may be personal data.
        log.error("Unexpected failure: {}", SafeStackTrace.of(e));
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                HttpStatusCode.valueOf(500), Messages.render("problem.internal-error", locale()));
        problem.setType(URI.create(TYPE_BASE + "internal-error"));
        problem.setTitle(Messages.render("problem.internal-error.title", locale()));
        return respond(problem);
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(
            MethodArgumentNotValidException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        ProblemDetail problem = problem(ErrorCode.INVALID_INPUT, Text.of("problem.fields-invalid"));
        Map<String, String> errors = new LinkedHashMap<>();
        for (FieldError error : ex.getBindingResult().getFieldErrors()) {
            errors.putIfAbsent(
                    error.getField(),
                    error.isBindingFailure()
                            ? Messages.render("problem.not-valid", locale()) + bindingFailure(error)
                            : error.getDefaultMessage());
        }
        problem.setProperty("errors", errors);
        return ResponseEntity.status(problem.getStatus()).body(problem);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(
            org.springframework.http.converter.HttpMessageNotReadableException ex,
            HttpHeaders headers,
            HttpStatusCode status,
            WebRequest request) {
        for (Throwable t = ex; t != null; t = t.getCause()) {
            if (t instanceof RequestSizeLimitFilter.PayloadTooLargeException tooLarge) {
                return ResponseEntity.status(413).body(problem(ErrorCode.PAYLOAD_TOO_LARGE, tooLarge.text));
            }
            if (t instanceof RequestSizeLimitFilter.NotUtf8Exception notUtf8) {
                return ResponseEntity.badRequest()
                        .body(problem(ErrorCode.INVALID_INPUT, RequestSizeLimitFilter.NotUtf8Exception.TEXT));
            }
        }
        return ResponseEntity.badRequest().body(problem(ErrorCode.INVALID_INPUT, Text.of("problem.body-not-json")));
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(
            org.springframework.web.method.annotation.HandlerMethodValidationException ex,
            HttpHeaders headers,
            HttpStatusCode status,
            WebRequest request) {
        ProblemDetail problem = problem(ErrorCode.INVALID_INPUT, Text.of("problem.parameters-invalid"));
        Map<String, String> errors = new LinkedHashMap<>();
        ex.getParameterValidationResults()
                .forEach(result -> errors.putIfAbsent(
                        String.valueOf(result.getMethodParameter().getParameterName()),
                        result.getResolvableErrors().isEmpty()
                                ? Messages.render("problem.invalid", locale())
                                : String.valueOf(
                                        result.getResolvableErrors().get(0).getDefaultMessage())));
        problem.setProperty("errors", errors);
        return ResponseEntity.status(problem.getStatus()).body(problem);
    }

    @Override
    protected ResponseEntity<Object> createResponseEntity(
            Object body, HttpHeaders headers, HttpStatusCode statusCode, WebRequest request) {
        if (body instanceof ProblemDetail problem) {
            // Framework-detected faults (malformed JSON, wrong method or media type, ...): a stable type and code
            if (problem.getType() == null
                    || "about:blank".equals(problem.getType().toString())) {
                problem.setType(URI.create(TYPE_BASE + FrameworkProblems.slug(statusCode.value())));
            }
            if (problem.getProperties() == null || !problem.getProperties().containsKey("code")) {
                problem.setProperty("code", FrameworkProblems.code(statusCode.value()));
            }
        }
        return super.createResponseEntity(body, headers, statusCode, request);
    }

    /** A parameter of the wrong type (a date that is not one): say which parameter, never a Java type name. */
    @Override
    protected ResponseEntity<Object> handleTypeMismatch(
            org.springframework.beans.TypeMismatchException ex,
            HttpHeaders headers,
            HttpStatusCode status,
            WebRequest request) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                status,
                ex.getPropertyName() == null
                        ? Messages.render("problem.parameter-not-valid", locale(), expected(ex.getRequiredType()))
                        : Messages.render(
                                "problem.named-parameter-not-valid",
                                locale(),
                                ex.getPropertyName(),
                                expected(ex.getRequiredType())));
        return createResponseEntity(problem, headers, status, request);
    }

    /** What a value that could not be converted should have been; Spring's own message names Java types. */
    private static String bindingFailure(FieldError error) {
        try {
            return expected(error.unwrap(org.springframework.beans.TypeMismatchException.class)
                    .getRequiredType());
        } catch (IllegalArgumentException notATypeMismatch) {
            return "";
        }
    }

    private static String expected(Class<?> type) {
        if (type == null) {
            return "";
        }
        if (java.time.temporal.Temporal.class.isAssignableFrom(type)) {
            return Messages.render(
                    type == java.time.LocalDate.class ? "problem.expected-date" : "problem.expected-moment", locale());
        }
        if (Number.class.isAssignableFrom(type) || type.isPrimitive() && type != boolean.class) {
            return Messages.render("problem.expected-number", locale());
        }
        if (type == Boolean.class || type == boolean.class) {
            return Messages.render("problem.expected-boolean", locale());
        }
        if (type.isEnum()) {
            return Messages.render(
                    "problem.expected-one-of",
                    locale(),
                    java.util.Arrays.stream(type.getEnumConstants())
                            .map(String::valueOf)
                            .collect(java.util.stream.Collectors.joining(", ")));
        }
        return "";
    }

    /** How long a client should wait before sending a request answered 503 again. */
    static final String RETRY_AFTER_SECONDS = "5";

    private static ResponseEntity<ProblemDetail> respond(ProblemDetail problem) {
        ResponseEntity.BodyBuilder response = ResponseEntity.status(problem.getStatus());
        if (problem.getStatus() == 503) {
            response.header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS);
        }
        return response.contentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }
}
