package io.caravan.server.access;

import io.caravan.server.CaravanProperties;
import io.caravan.server.audit.AuditLog;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Slows password guessing: after {@code maxFailedLogins} failures for a user name, or ten times as many
 * from one address (many people may share an address behind a proxy), further attempts are refused for
 * {@code lockoutSeconds}, doubling with each further failure (capped at an hour). A success clears the
 * user's count. Counts are kept in memory, per server.
 */
@Component
public class LoginThrottle {

    private record Failures(int count, long lockedUntilMillis) {
    }

    private final ConcurrentHashMap<String, Failures> failures = new ConcurrentHashMap<>();
    private final int max;
    private final long lockoutMillis;
    private final Clock clock;
    private final AuditLog audit;

    private final AccessStore store;

    public LoginThrottle(CaravanProperties properties, AuditLog audit, AccessStore store) {
        this.store = store;
        this.max = properties.security().maxFailedLogins();
        this.lockoutMillis = properties.security().lockoutSeconds() * 1000L;
        this.clock = Clock.systemUTC();
        this.audit = audit;
    }

    /** Seconds until a login for this user from this address may be tried again, 0 when it may now. */
    public long retryAfterSeconds(String username, String address) {
        long now = clock.millis();
        long until = Math.max(lockedUntil("user:" + normalise(username)), lockedUntil("addr:" + address));
        return until > now ? (until - now + 999) / 1000 : 0;
    }

    private long lockedUntil(String key) {
        Failures f = failures.get(key);
        return f == null ? 0 : f.lockedUntilMillis();
    }

    @EventListener
    public void failed(AbstractAuthenticationFailureEvent event) {
        String user = String.valueOf(event.getAuthentication().getName());
        String address = event.getAuthentication().getDetails() instanceof WebAuthenticationDetails d ? d.getRemoteAddress() : "";
        count("user:" + normalise(user), max);
        count("addr:" + address, max * 10);
        // Recorded in the user's organisation when the name exists, so its administrators see attempts on it.
        audit.record(store.tenantOf(user).orElse(null), user, "login.failed", "user:" + user, "from " + address + ": " + event.getException().getMessage());
    }

    @EventListener
    public void succeeded(AuthenticationSuccessEvent event) {
        if (event.getAuthentication().getPrincipal() instanceof UserAccount u) {
            failures.remove("user:" + normalise(u.getUsername()));
            String address = event.getAuthentication().getDetails() instanceof WebAuthenticationDetails d
                    ? d.getRemoteAddress() : "";
            audit.record(u.caller().tenantId(), u.getUsername(), "login", "user:" + u.getUsername(), "from " + address);
        }
    }

    private void count(String key, int max) {
        long now = clock.millis();
        failures.compute(key, (k, f) -> {
            int n = f == null ? 1 : f.count() + 1;
            long until = 0;
            if (n >= max) {
                long lock = Math.min(3_600_000L, lockoutMillis << Math.min(20, n - max));
                until = now + lock;
            }
            return new Failures(n, until);
        });
    }

    private static String normalise(String username) {
        return username == null ? "" : username.trim().toLowerCase(java.util.Locale.ROOT);
    }
}
