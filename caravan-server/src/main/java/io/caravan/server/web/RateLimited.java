package io.caravan.server.web;

import org.springframework.http.HttpStatus;

/** Too many records too fast: says when to retry. */
public final class RateLimited extends ApiException {

    private final long retryAfterSeconds;

    public RateLimited(String detail, long retryAfterSeconds) {
        super(HttpStatus.TOO_MANY_REQUESTS, "rate-limited", null, detail);
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
