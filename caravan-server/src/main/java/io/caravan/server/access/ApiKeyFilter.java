package io.caravan.server.access;

import io.caravan.server.web.Problems;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.Optional;

/**
 * Authenticates {@code Authorization: Bearer ck_…} API keys, in the chain that only such requests reach.
 * A request that presents a key either is that key's caller or is refused with 401; it never uses a session.
 */
final class ApiKeyFilter extends OncePerRequestFilter {

    private final AccessStore store;

    ApiKeyFilter(AccessStore store) {
        this.store = store;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            chain.doFilter(request, response);
            return;
        }
        String token = header.substring(7).trim();
        Optional<Caller> caller = store.authenticateKey(token);
        if (caller.isEmpty()) {
            Problems.write(response, request, HttpStatus.UNAUTHORIZED, "unauthenticated",
                    "the API key is not valid or was revoked; an administrator can issue a new one at POST /api/v1/api-keys");
            return;
        }
        String prefix = AccessStore.prefixOf(token);
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(new ApiKeyAuthentication(caller.get(), prefix));
        SecurityContextHolder.setContext(context);
        // Not cleared here: the chain's SecurityContextHolderFilter clears it once the request is done, after a refusal's
        // handler (further out than this filter) has told the caller which role was refused.
        chain.doFilter(request, response);
    }
}
