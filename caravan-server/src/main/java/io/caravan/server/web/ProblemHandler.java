package io.caravan.server.web;

import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.InvalidDataAccessResourceUsageException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import java.net.URI;

/**
 * Every error leaves as RFC 9457 problem details. Messages say what is wrong and how to fix it; stack
 * traces and SQL stay in the server log, under the request id the body names.
 */
@RestControllerAdvice
public class ProblemHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);

    @ExceptionHandler(ApiException.class)
    ResponseEntity<ProblemDetail> api(ApiException e, HttpServletRequest request) {
        ProblemDetail p = Problems.of(e.status(), e.type(), e.getMessage(), e.field(), request);
        ResponseEntity.BodyBuilder b = ResponseEntity.status(e.status());
        if (e instanceof RateLimited r) {
            b.header(HttpHeaders.RETRY_AFTER, Long.toString(r.retryAfterSeconds()));
        }
        return b.body(p);
    }

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<ProblemDetail> denied(AccessDeniedException e, HttpServletRequest request) {
        return ResponseEntity.status(HttpStatus.FORBIDDEN).body(Problems.of(HttpStatus.FORBIDDEN, "forbidden",
                Problems.forbidden(request), null, request));
    }

    @ExceptionHandler(AuthenticationException.class)
    ResponseEntity<ProblemDetail> unauthenticated(AuthenticationException e, HttpServletRequest request) {
        return ResponseEntity.status(HttpStatus.UNAUTHORIZED).body(Problems.of(HttpStatus.UNAUTHORIZED, "unauthenticated",
                "log in, or send an API key as 'Authorization: Bearer ck_…'", null, request));
    }

    @ExceptionHandler(DataAccessException.class)
    ResponseEntity<ProblemDetail> database(DataAccessException e, HttpServletRequest request) {
        if (e instanceof InvalidDataAccessResourceUsageException) {
            // a statement the database refuses (bad SQL, a missing column): a fault of the server, which a retry repeats
            return unexpected(e, request);
        }
        log.error("database failure on {} {}", request.getMethod(), request.getRequestURI(), e);
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).body(Problems.of(HttpStatus.SERVICE_UNAVAILABLE,
                "storage-unavailable", "the database could not complete the request; nothing was acknowledged, retry it",
                null, request));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e, HttpServletRequest request) {
        log.error("unexpected failure on {} {}", request.getMethod(), request.getRequestURI(), e);
        return ResponseEntity.status(HttpStatus.INTERNAL_SERVER_ERROR).body(Problems.of(HttpStatus.INTERNAL_SERVER_ERROR,
                "internal", "an unexpected error; the server log has its details under the request id", null, request));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMediaTypeNotSupported(
            org.springframework.web.HttpMediaTypeNotSupportedException e, HttpHeaders headers, HttpStatusCode status,
            WebRequest request) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(status, "Content-Type '" + e.getContentType() + "' is not accepted"
                + " here; send " + e.getSupportedMediaTypes().stream().map(Object::toString).distinct()
                        .collect(java.util.stream.Collectors.joining(" or ")));
        return createResponseEntity(p, headers, status, request);
    }

    /**
     * A JSON body that cannot be read: where it breaks (line and column), which field is unknown or of the wrong type,
     * and what it should be. Spring's own answer was "Failed to read request".
     */
    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(
            org.springframework.http.converter.HttpMessageNotReadableException e, HttpHeaders headers, HttpStatusCode status,
            WebRequest request) {
        BodyError error = BodyError.of(e);
        return problem(status, error.detail(), error.field(), headers, request);
    }

    /** A form upload without its file part: name the part. */
    @Override
    protected ResponseEntity<Object> handleMissingServletRequestPart(
            org.springframework.web.multipart.support.MissingServletRequestPartException e, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        return problem(status, "is required: send the file as the multipart form part '" + e.getRequestPartName() + "'",
                e.getRequestPartName(), headers, request);
    }

    /** A required query parameter left out: name it. */
    @Override
    protected ResponseEntity<Object> handleMissingServletRequestParameter(
            org.springframework.web.bind.MissingServletRequestParameterException e, HttpHeaders headers, HttpStatusCode status,
            WebRequest request) {
        return problem(status, "is required", e.getParameterName(), headers, request);
    }

    /** A query or path value not of its parameter's type ({@code page=abc}, {@code from=yesterday}): name it and say how. */
    @Override
    protected ResponseEntity<Object> handleTypeMismatch(org.springframework.beans.TypeMismatchException e, HttpHeaders headers,
                                                        HttpStatusCode status, WebRequest request) {
        String field = e instanceof org.springframework.web.method.annotation.MethodArgumentTypeMismatchException m
                ? m.getName() : e.getPropertyName();
        return problem(status, QueryParameters.mistyped(e), field, headers, request);
    }

    /** A form upload (evidence, an import without script) over the multipart limit: say the limit and the way round it. */
    @Override
    protected ResponseEntity<Object> handleMaxUploadSizeExceededException(
            org.springframework.web.multipart.MaxUploadSizeExceededException e, HttpHeaders headers, HttpStatusCode status,
            WebRequest request) {
        return problem(status, "the file is larger than 10 MB, the most a form upload"
                + " takes (spring.servlet.multipart.max-file-size); import larger files from the import page in a browser with"
                + " scripts on, which sends files of any size, or split the file; attach larger evidence as a link in a comment",
                "file", headers, request);
    }

    /** A problem of Spring's handling with its detail and, when known, the field it concerns. */
    private ResponseEntity<Object> problem(HttpStatusCode status, String detail, String field, HttpHeaders headers,
                                           WebRequest request) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(status, detail);
        if (field != null) {
            p.setProperty("field", field);
        }
        return createResponseEntity(p, headers, status, request);
    }

    /** Spring's own errors (unknown route, bad method, unreadable body…) get our type and the request id too. */
    @Override
    protected ResponseEntity<Object> createResponseEntity(Object body, HttpHeaders headers, HttpStatusCode status,
                                                          WebRequest request) {
        if (body instanceof ProblemDetail p) {
            if (p.getType() == null || "about:blank".equals(p.getType().toString())) {
                p.setType(URI.create(Problems.TYPE_PREFIX + (status.is4xxClientError() ? "invalid-request" : "internal")));
            }
            String id = org.slf4j.MDC.get(RequestIdFilter.MDC_KEY);
            if (id != null) {
                p.setProperty("requestId", id);
            }
        }
        return super.createResponseEntity(body, headers, status, request);
    }
}
