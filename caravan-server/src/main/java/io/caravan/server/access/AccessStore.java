package io.caravan.server.access;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/** Tenants, users and API keys in PostgreSQL. */
@Repository
public class AccessStore {

    public record Tenant(long id, String slug, String name, boolean operator, OffsetDateTime createdAt) {
    }

    public record User(long id, long tenantId, String username, Role role, boolean enabled, OffsetDateTime createdAt) {
    }

    public record ApiKey(long id, long tenantId, String prefix, String name, Role role, String createdBy,
                         OffsetDateTime createdAt, OffsetDateTime revokedAt) {
    }

    /** A key as created: {@code secret} is shown once and never stored. */
    public record NewKey(ApiKey key, String token) {
    }

    private static final SecureRandom RANDOM = new SecureRandom();
    private final JdbcClient jdbc;

    public AccessStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    // ---------------------------------------------------------------- tenants

    public Tenant createTenant(String slug, String name, boolean operator) {
        long id = jdbc.sql("insert into tenant (slug, name, operator) values (?, ?, ?) returning id")
                .params(slug, name, operator).query(Long.class).single();
        return tenant(id).orElseThrow();
    }

    public Optional<Tenant> tenant(long id) {
        return jdbc.sql("select id, slug, name, operator, created_at from tenant where id = ?").param(id)
                .query(Tenant.class).optional();
    }

    public Optional<Tenant> tenantBySlug(String slug) {
        return jdbc.sql("select id, slug, name, operator, created_at from tenant where slug = ?").param(slug)
                .query(Tenant.class).optional();
    }

    public List<Tenant> tenants() {
        return jdbc.sql("select id, slug, name, operator, created_at from tenant order by id").query(Tenant.class).list();
    }

    public Optional<Tenant> operatorTenant() {
        return jdbc.sql("select id, slug, name, operator, created_at from tenant where operator order by id limit 1")
                .query(Tenant.class).optional();
    }

    // ---------------------------------------------------------------- users

    public User createUser(long tenantId, String username, String passwordHash, Role role) {
        long id = jdbc.sql("insert into app_user (tenant_id, username, password_hash, role) values (?, ?, ?, ?) returning id")
                .params(tenantId, username, passwordHash, role.name()).query(Long.class).single();
        return user(tenantId, id).orElseThrow();
    }

    public Optional<User> user(long tenantId, long id) {
        return jdbc.sql("select id, tenant_id, username, role, enabled, created_at from app_user where tenant_id = ? and id = ?")
                .params(tenantId, id).query(AccessStore::user).optional();
    }

    public List<User> users(long tenantId) {
        return jdbc.sql("select id, tenant_id, username, role, enabled, created_at from app_user where tenant_id = ? order by id")
                .param(tenantId).query(AccessStore::user).list();
    }

    public boolean usernameTaken(String username) {
        return jdbc.sql("select count(*) from app_user where username = ?").param(username).query(Long.class).single() > 0;
    }

    /** Changes a user's role, enabled flag or password hash (null leaves it); false when no such user in the tenant. */
    public boolean updateUser(long tenantId, long id, Role role, Boolean enabled, String passwordHash) {
        return jdbc.sql("update app_user set role = coalesce(?, role), enabled = coalesce(?, enabled),"
                        + " password_hash = coalesce(?, password_hash) where tenant_id = ? and id = ?")
                .params(role == null ? null : role.name(), enabled, passwordHash, tenantId, id).update() == 1;
    }

    /** The organisation of a user name, if it exists. */
    public Optional<Long> tenantOf(String username) {
        return jdbc.sql("select tenant_id from app_user where username = ?").param(username).query(Long.class).optional();
    }

    /** For login: the account by user name across tenants (user names are unique). */
    Optional<UserAccount> account(String username) {
        return jdbc.sql("select u.username, u.password_hash, u.role, u.enabled, t.id tenant_id, t.slug, t.operator"
                        + " from app_user u join tenant t on t.id = u.tenant_id where u.username = ?")
                .param(username).query((rs, n) -> new UserAccount(
                        new Caller(rs.getLong("tenant_id"), rs.getString("slug"), rs.getString("username"),
                                Role.valueOf(rs.getString("role")), rs.getBoolean("operator")),
                        rs.getString("password_hash"), rs.getBoolean("enabled"))).optional();
    }

    private static User user(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new User(rs.getLong("id"), rs.getLong("tenant_id"), rs.getString("username"), Role.valueOf(rs.getString("role")),
                rs.getBoolean("enabled"), rs.getObject("created_at", OffsetDateTime.class));
    }

    // ---------------------------------------------------------------- API keys

    /**
     * Creates a key {@code ck_<prefix>_<secret>}: the 8-hex-digit prefix names it in lists and finds it;
     * the 256-bit secret is stored only as its SHA-256 (a secret that long needs no slow hash).
     */
    public NewKey createKey(long tenantId, String name, Role role, String createdBy) {
        byte[] p = new byte[4];
        byte[] s = new byte[32];
        RANDOM.nextBytes(p);
        RANDOM.nextBytes(s);
        String prefix = "ck_" + HexFormat.of().formatHex(p);
        String secret = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(s);
        long id = jdbc.sql("insert into api_key (tenant_id, prefix, secret_hash, name, role, created_by) values (?, ?, ?, ?, ?, ?)"
                        + " returning id")
                .params(tenantId, prefix, sha256(secret), name, role.name(), createdBy).query(Long.class).single();
        return new NewKey(key(tenantId, id).orElseThrow(), prefix + "_" + secret);
    }

    public Optional<ApiKey> key(long tenantId, long id) {
        return jdbc.sql("select id, tenant_id, prefix, name, role, created_by, created_at, revoked_at from api_key"
                        + " where tenant_id = ? and id = ?").params(tenantId, id).query(AccessStore::key).optional();
    }

    public List<ApiKey> keys(long tenantId) {
        return jdbc.sql("select id, tenant_id, prefix, name, role, created_by, created_at, revoked_at from api_key"
                        + " where tenant_id = ? order by id").param(tenantId).query(AccessStore::key).list();
    }

    public boolean revokeKey(long tenantId, long id) {
        verified.clear(); // a revoked key stops working at once
        return jdbc.sql("update api_key set revoked_at = now() where tenant_id = ? and id = ? and revoked_at is null")
                .params(tenantId, id).update() == 1;
    }

    /** Keys verified recently: token digest → caller and when it was checked. */
    private record Verified(Caller caller, long atNanos) {
    }

    /** How long a verified key is trusted without asking the database again (revocations clear it at once). */
    private static final long KEY_CACHE_NANOS = 30_000_000_000L;
    private final java.util.concurrent.ConcurrentHashMap<String, Verified> verified = new java.util.concurrent.ConcurrentHashMap<>();

    /** The caller a presented token stands for, if it is a live key whose secret matches. */
    Optional<Caller> authenticateKey(String token) {
        String digest = HexFormat.of().formatHex(sha256(token));
        Verified v = verified.get(digest);
        long now = System.nanoTime();
        if (v != null && now - v.atNanos() < KEY_CACHE_NANOS) {
            return Optional.of(v.caller());
        }
        Optional<Caller> c = lookUpKey(token);
        if (c.isPresent()) {
            if (verified.size() > 10_000) {
                verified.clear();
            }
            verified.put(digest, new Verified(c.get(), now));
        } else {
            verified.remove(digest);
        }
        return c;
    }

    private Optional<Caller> lookUpKey(String token) {
        String prefix = prefixOf(token);
        if (prefix == null) {
            return Optional.empty();
        }
        byte[] presented = sha256(token.substring(prefix.length() + 1));
        record Stored(byte[] hash, Caller caller) {
        }
        return jdbc.sql("select k.secret_hash, k.role, t.id tenant_id, t.slug, t.operator from api_key k"
                        + " join tenant t on t.id = k.tenant_id where k.prefix = ? and k.revoked_at is null")
                .param(prefix).query((rs, n) -> new Stored(rs.getBytes("secret_hash"),
                        new Caller(rs.getLong("tenant_id"), rs.getString("slug"), "key:" + prefix,
                                Role.valueOf(rs.getString("role")), rs.getBoolean("operator"))))
                .optional().filter(k -> MessageDigest.isEqual(k.hash(), presented)).map(Stored::caller);
    }

    /** The public prefix of a token ({@code ck_} and 8 hex digits, before the secret), or null if it has none. */
    static String prefixOf(String token) {
        return token.length() > 12 && token.startsWith("ck_") && token.charAt(11) == '_'
                && token.substring(3, 11).matches("[0-9a-f]{8}") ? token.substring(0, 11) : null;
    }

    private static ApiKey key(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new ApiKey(rs.getLong("id"), rs.getLong("tenant_id"), rs.getString("prefix"), rs.getString("name"),
                Role.valueOf(rs.getString("role")), rs.getString("created_by"),
                rs.getObject("created_at", OffsetDateTime.class), rs.getObject("revoked_at", OffsetDateTime.class));
    }

    static byte[] sha256(String s) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(s.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
