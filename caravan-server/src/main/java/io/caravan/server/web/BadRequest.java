package io.caravan.server.web;

import org.springframework.http.HttpStatus;

/** A request the client must fix: names the field and says how. */
public final class BadRequest extends ApiException {

    public BadRequest(String field, String detail) {
        super(HttpStatus.BAD_REQUEST, "invalid-request", field, detail);
    }
}
