package io.caravan.server.access;

import org.springframework.security.authentication.AbstractAuthenticationToken;

/** A request authenticated by an API key. */
final class ApiKeyAuthentication extends AbstractAuthenticationToken {

    private final KeyPrincipal principal;

    ApiKeyAuthentication(Caller caller, String prefix) {
        super(UserAccount.authorities(caller));
        this.principal = new KeyPrincipal(caller, prefix);
        setAuthenticated(true);
    }

    @Override
    public Object getCredentials() {
        return "";
    }

    @Override
    public Object getPrincipal() {
        return principal;
    }

    @Override
    public String getName() {
        return principal.caller().name();
    }

    /** The key's caller; its name is {@code key:<prefix>}. */
    record KeyPrincipal(Caller caller, String prefix) implements Caller.HasCaller, java.io.Serializable {
    }
}
