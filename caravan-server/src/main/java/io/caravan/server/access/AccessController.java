package io.caravan.server.access;

import io.caravan.server.audit.AuditLog;
import io.caravan.server.web.ApiException;
import io.caravan.server.web.BadRequest;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** Organisations, users and API keys. */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Access", description = "Your identity; users and API keys of your organisation (ADMIN); organisations (operator).")
public class AccessController {

    public record Me(String name, String tenant, String role, boolean operator) {
    }

    public record NewTenant(String slug, String name, String adminUsername, String adminPassword) {
    }

    public record CreatedTenant(AccessStore.Tenant tenant, AccessStore.User admin, String adminPassword) {
    }

    public record NewUser(String username, String password, String role) {
    }

    public record UserChange(String role, Boolean enabled, String password) {
    }

    public record NewKey(String name, String role) {
    }

    public record CreatedKey(AccessStore.ApiKey key, String token) {
    }

    /** Minimum password length. */
    static final int MIN_PASSWORD = 12;

    private final AccessStore store;
    private final PasswordEncoder encoder;
    private final AuditLog audit;

    public AccessController(AccessStore store, PasswordEncoder encoder, AuditLog audit) {
        this.store = store;
        this.encoder = encoder;
        this.audit = audit;
    }

    @Operation(summary = "Who am I")
    @GetMapping("/me")
    public Me me() {
        Caller c = Caller.current();
        return new Me(c.name(), c.tenant(), c.role().name(), c.operator());
    }

    public record PasswordChange(String currentPassword, String newPassword) {
    }

    @Operation(summary = "Change your own password", description = "Any logged-in user; the current password is required.")
    @PostMapping("/me/password")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Transactional
    public void changeOwnPassword(@RequestBody PasswordChange change) {
        Caller c = Caller.current();
        var account = store.account(c.name()).orElseThrow(() -> new BadRequest("", "an API key has no password; log in as a user"));
        if (change.currentPassword() == null || !encoder.matches(change.currentPassword(), account.getPassword())) {
            throw new BadRequest("current_password", "does not match your current password");
        }
        String hash = encoder.encode(checkPassword(change.newPassword(), "new_password"));
        long id = store.users(c.tenantId()).stream().filter(u -> u.username().equals(c.name())).findFirst().orElseThrow().id();
        store.updateUser(c.tenantId(), id, null, null, hash);
        audit.record(c.tenantId(), c.name(), "user.changed", "user:" + c.name(), "own password changed");
    }

    @Operation(summary = "List organisations (operator)")
    @GetMapping("/tenants")
    public List<AccessStore.Tenant> tenants() {
        return store.tenants();
    }

    @Operation(summary = "Create an organisation with its first administrator (operator)",
            description = "The administrator's password is returned once when it was not given.")
    @PostMapping("/tenants")
    @ResponseStatus(HttpStatus.CREATED)
    @Transactional
    public CreatedTenant createTenant(@RequestBody NewTenant request) {
        Caller c = Caller.current();
        String slug = required(request.slug(), "slug").toLowerCase(java.util.Locale.ROOT);
        if (!slug.matches("[a-z0-9][a-z0-9-]{1,62}")) {
            throw new BadRequest("slug", "'" + slug + "' must be 2–63 lower-case letters, digits or hyphens, starting with a letter or digit");
        }
        if (store.tenantBySlug(slug).isPresent()) {
            throw ApiException.conflict("slug", "an organisation '" + slug + "' exists already");
        }
        String username = required(request.adminUsername(), "admin_username");
        checkUsername(username);
        String password = request.adminPassword() == null || request.adminPassword().isEmpty()
                ? Bootstrap.randomPassword() : checkPassword(request.adminPassword(), "admin_password");
        AccessStore.Tenant t = store.createTenant(slug, request.name() == null || request.name().isBlank() ? slug : request.name().trim(), false);
        AccessStore.User admin = store.createUser(t.id(), username, encoder.encode(password), Role.ADMIN);
        audit.record(c.tenantId(), c.name(), "tenant.created", "tenant:" + slug, "administrator " + username);
        audit.record(t.id(), c.name(), "user.created", "user:" + username, "role ADMIN");
        return new CreatedTenant(t, admin, request.adminPassword() == null || request.adminPassword().isEmpty() ? password : null);
    }

    @Operation(summary = "List the users of your organisation")
    @GetMapping("/users")
    public List<AccessStore.User> users() {
        return store.users(Caller.current().tenantId());
    }

    @Operation(summary = "Create a user in your organisation")
    @PostMapping("/users")
    @ResponseStatus(HttpStatus.CREATED)
    @Transactional
    public AccessStore.User createUser(@RequestBody NewUser request) {
        Caller c = Caller.current();
        String username = required(request.username(), "username");
        checkUsername(username);
        Role role = Role.parse(request.role(), "role");
        String password = checkPassword(request.password(), "password");
        AccessStore.User u = store.createUser(c.tenantId(), username, encoder.encode(password), role);
        audit.record(c.tenantId(), c.name(), "user.created", "user:" + username, "role " + role);
        return u;
    }

    @Operation(summary = "Change a user's role, enable or disable them, or set a new password")
    @PatchMapping("/users/{id}")
    @Transactional
    public AccessStore.User updateUser(@PathVariable long id, @RequestBody UserChange change) {
        Caller c = Caller.current();
        if (change.role() == null && change.enabled() == null && change.password() == null) {
            throw new io.caravan.server.web.BadRequest(null, "there is nothing to change: send one or more of role, enabled"
                    + " and password");
        }
        Role role = change.role() == null ? null : Role.parse(change.role(), "role");
        String hash = change.password() == null ? null : encoder.encode(checkPassword(change.password(), "password"));
        AccessStore.User before = store.user(c.tenantId(), id).orElseThrow(() -> ApiException.notFound("user", Long.toString(id)));
        if (before.username().equals(c.name()) && (Boolean.FALSE.equals(change.enabled()) || (role != null && role != Role.ADMIN))) {
            throw ApiException.conflict("role", "you cannot disable yourself or take away your own ADMIN role; ask another administrator");
        }
        store.updateUser(c.tenantId(), id, role, change.enabled(), hash);
        StringBuilder what = new StringBuilder();
        if (role != null) {
            what.append("role ").append(before.role()).append(" -> ").append(role).append("; ");
        }
        if (change.enabled() != null) {
            what.append(change.enabled() ? "enabled; " : "disabled; ");
        }
        if (hash != null) {
            what.append("password changed; ");
        }
        audit.record(c.tenantId(), c.name(), "user.changed", "user:" + before.username(), what.toString().trim());
        return store.user(c.tenantId(), id).orElseThrow();
    }

    @Operation(summary = "List the API keys of your organisation (never their secrets)")
    @GetMapping("/api-keys")
    public List<AccessStore.ApiKey> keys() {
        return store.keys(Caller.current().tenantId());
    }

    @Operation(summary = "Create an API key", description = "The token is returned once; send it as 'Authorization: Bearer <token>'.")
    @PostMapping("/api-keys")
    @ResponseStatus(HttpStatus.CREATED)
    @Transactional
    public CreatedKey createKey(@RequestBody NewKey request) {
        Caller c = Caller.current();
        String name = required(request.name(), "name");
        Role role = Role.parse(request.role(), "role");
        AccessStore.NewKey k = store.createKey(c.tenantId(), name, role, c.name());
        audit.record(c.tenantId(), c.name(), "api_key.created", "api_key:" + k.key().prefix(), name + ", role " + role);
        return new CreatedKey(k.key(), k.token());
    }

    @Operation(summary = "Revoke an API key")
    @DeleteMapping("/api-keys/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Transactional
    public void revokeKey(@PathVariable long id) {
        Caller c = Caller.current();
        AccessStore.ApiKey k = store.key(c.tenantId(), id).orElseThrow(() -> ApiException.notFound("API key", Long.toString(id)));
        if (!store.revokeKey(c.tenantId(), id)) {
            throw ApiException.conflict("id", "the key " + k.prefix() + " was revoked already");
        }
        audit.record(c.tenantId(), c.name(), "api_key.revoked", "api_key:" + k.prefix(), k.name());
    }

    private void checkUsername(String username) {
        if (!username.matches("[A-Za-z0-9._@-]{3,100}")) {
            throw new BadRequest("username", "'" + username + "' must be 3–100 letters, digits or . _ @ -");
        }
        if (store.usernameTaken(username)) {
            throw ApiException.conflict("username", "the user name '" + username + "' is taken");
        }
    }

    private static String checkPassword(String password, String field) {
        if (password == null || password.length() < MIN_PASSWORD) {
            throw new BadRequest(field, "must be at least " + MIN_PASSWORD + " characters");
        }
        if (password.length() > 72) {
            throw new BadRequest(field, "must be at most 72 characters (the bcrypt limit)");
        }
        return password;
    }

    private static String required(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new BadRequest(field, "is required");
        }
        return value.trim();
    }
}
