package io.caravan.server.access;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** A user who logs in with a password (browser sessions). */
final class UserAccount implements UserDetails, Caller.HasCaller {

    private final Caller caller;
    private final String passwordHash;
    private final boolean enabled;

    UserAccount(Caller caller, String passwordHash, boolean enabled) {
        this.caller = caller;
        this.passwordHash = passwordHash;
        this.enabled = enabled;
    }

    @Override
    public Caller caller() {
        return caller;
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return authorities(caller);
    }

    static List<GrantedAuthority> authorities(Caller caller) {
        List<GrantedAuthority> a = new ArrayList<>();
        a.add(new SimpleGrantedAuthority(caller.role().authority()));
        if (caller.operator() && caller.role() == Role.ADMIN) {
            a.add(new SimpleGrantedAuthority("ROLE_OPERATOR"));
        }
        return a;
    }

    @Override
    public String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return caller.name();
    }

    @Override
    public boolean isEnabled() {
        return enabled;
    }
}
