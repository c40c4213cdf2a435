package io.caravan.server.web;

import org.springframework.http.HttpStatus;

/**
 * A failure to report to the client as RFC 9457 problem details: a status, a stable problem type
 * ({@code urn:caravan:problem:<type>}), what went wrong and, where it applies, the field at fault.
 */
public class ApiException extends RuntimeException {

    private final HttpStatus status;
    private final String type;
    private final String field;

    public ApiException(HttpStatus status, String type, String field, String detail) {
        super(detail);
        this.status = status;
        this.type = type;
        this.field = field;
    }

    public HttpStatus status() {
        return status;
    }

    public String type() {
        return type;
    }

    public String field() {
        return field;
    }

    public static ApiException notFound(String what, String id) {
        return new ApiException(HttpStatus.NOT_FOUND, "not-found", null, "no " + what + " '" + id + "' in your organisation");
    }

    public static ApiException conflict(String field, String detail) {
        return new ApiException(HttpStatus.CONFLICT, "conflict", field, detail);
    }
}
