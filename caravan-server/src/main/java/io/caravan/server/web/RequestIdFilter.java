package io.caravan.server.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.MDC;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Gives every request an id: the caller's {@code X-Request-Id} when it is a sane token, else a new one.
 * The id is echoed in the response, put in every log line of the request and in every problem body.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class RequestIdFilter extends OncePerRequestFilter {

    public static final String HEADER = "X-Request-Id";
    public static final String MDC_KEY = "requestId";

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String id = request.getHeader(HEADER);
        if (id == null || !isSaneToken(id)) {
            id = newId();
        }
        MDC.put(MDC_KEY, id);
        response.setHeader(HEADER, id);
        try {
            chain.doFilter(request, response);
        } finally {
            MDC.remove(MDC_KEY);
        }
    }

    /** 1 to 64 of {@code A-Z a-z 0-9 . _ -}: safe to echo in a header and a log line. */
    static boolean isSaneToken(String id) {
        if (id.isEmpty() || id.length() > 64) {
            return false;
        }
        for (int i = 0; i < id.length(); i++) {
            char c = id.charAt(i);
            if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '.' || c == '_' || c == '-')) {
                return false;
            }
        }
        return true;
    }

    /**
     * A random (version 4) UUID. An id only has to be unique, not unguessable, so it is drawn from the thread's own
     * generator rather than the shared secure one {@link UUID#randomUUID} locks on every call.
     */
    static String newId() {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        long high = r.nextLong() & ~0xF000L | 0x4000L; // version 4
        long low = r.nextLong() & ~(0xC000L << 48) | (0x8000L << 48); // the IETF variant
        return new UUID(high, low).toString();
    }
}
