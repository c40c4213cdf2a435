package io.caravan.server.access;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Who is calling: a user or an API key, always inside one tenant. Every read and write of tenant data
 * takes its tenant from here, never from the request.
 */
public record Caller(long tenantId, String tenant, String name, Role role, boolean operator) implements java.io.Serializable {

    /** The authenticated caller of the current request. */
    public static Caller current() {
        Authentication a = SecurityContextHolder.getContext().getAuthentication();
        if (a != null && a.getPrincipal() instanceof HasCaller c) {
            return c.caller();
        }
        throw new IllegalStateException("no authenticated caller");
    }

    /** A principal that knows its caller. */
    public interface HasCaller {
        Caller caller();
    }
}
