package io.caravan.server.web;

import org.springframework.http.HttpStatus;

/** A request the client must fix: names the field and says how. */
public final class BadRequest extends ApiException {

    public BadRequest(String field, String detail) {
        super(HttpStatus.BAD_REQUEST, "invalid-request", field, detail);
    }

    /** {@code value} in upper case when it is one of {@code allowed} (upper case names); refused on {@code field} otherwise. */
    public static String oneOf(String value, String field, java.util.List<String> allowed) {
        String v = value.trim().toUpperCase(java.util.Locale.ROOT);
        if (!allowed.contains(v)) {
            throw new BadRequest(field, "'" + value + "' is not one of " + String.join(", ", allowed));
        }
        return v;
    }
}
