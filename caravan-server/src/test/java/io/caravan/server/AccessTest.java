package io.caravan.server;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Each role can do exactly what it should; sessions need CSRF tokens; logins are throttled; the audit log is append-only. */
class AccessTest {

    static Org org;
    static String url;

    @BeforeAll
    static void setUp() {
        org = Org.create("access");
        url = TestServer.get().url();
    }

    /** A request and the status each role gets: 2xx/4xx that is not 401/403 counts as allowed. */
    record Case(String method, String path, String body, Map<Org.Role, Boolean> allowed) {
    }

    static Map<Org.Role, Boolean> only(Org.Role... roles) {
        Map<Org.Role, Boolean> m = new LinkedHashMap<>();
        for (Org.Role r : Org.Role.values()) {
            m.put(r, List.of(roles).contains(r));
        }
        return m;
    }

    @Test
    void eachRoleCanDoExactlyWhatItShould() {
        String merchant = IngestApiTest.MERCHANT.replace("M-1", "M-ROLE");
        List<Case> cases = List.of(
                new Case("POST", "/api/v1/records", merchant, only(Org.Role.ADMIN, Org.Role.ANALYST, Org.Role.INGEST)),
                new Case("POST", "/api/v1/records/participants", merchant, only(Org.Role.ADMIN, Org.Role.ANALYST, Org.Role.INGEST)),
                new Case("POST", "/api/v1/imports?name=m.jsonl", merchant, only(Org.Role.ADMIN, Org.Role.ANALYST, Org.Role.INGEST)),
                new Case("GET", "/api/v1/imports", null, only(Org.Role.ADMIN, Org.Role.ANALYST, Org.Role.VIEWER)),
                new Case("GET", "/api/v1/orders", null, only(Org.Role.ADMIN, Org.Role.ANALYST, Org.Role.VIEWER)),
                new Case("GET", "/api/v1/participants", null, only(Org.Role.ADMIN, Org.Role.ANALYST, Org.Role.VIEWER)),
                new Case("GET", "/api/v1/assessments", null, only(Org.Role.ADMIN, Org.Role.ANALYST, Org.Role.VIEWER)),
                new Case("GET", "/api/v1/alerts", null, only(Org.Role.ADMIN, Org.Role.ANALYST, Org.Role.VIEWER)),
                new Case("GET", "/api/v1/cases", null, only(Org.Role.ADMIN, Org.Role.ANALYST, Org.Role.VIEWER)),
                new Case("GET", "/api/v1/reference", null, only(Org.Role.ADMIN, Org.Role.ANALYST, Org.Role.VIEWER)),
                new Case("POST", "/api/v1/alerts/999999999/close", "{\"reason\":\"r\"}", only(Org.Role.ADMIN, Org.Role.ANALYST)),
                new Case("POST", "/api/v1/cases", "{\"alert_ids\":[999999999]}", only(Org.Role.ADMIN, Org.Role.ANALYST)),
                new Case("POST", "/api/v1/assessments/999999999/override", "{\"action\":\"APPROVE\",\"reason\":\"r\"}",
                        only(Org.Role.ADMIN, Org.Role.ANALYST)),
                new Case("GET", "/api/v1/users", null, only(Org.Role.ADMIN)),
                new Case("POST", "/api/v1/users", "{}", only(Org.Role.ADMIN)),
                new Case("GET", "/api/v1/api-keys", null, only(Org.Role.ADMIN)),
                new Case("POST", "/api/v1/api-keys", "{}", only(Org.Role.ADMIN)),
                new Case("GET", "/api/v1/audit", null, only(Org.Role.ADMIN)),
                new Case("GET", "/api/v1/tenants", null, only()),
                new Case("POST", "/api/v1/tenants", "{}", only()),
                new Case("GET", "/actuator/prometheus", null, only()),
                new Case("GET", "/api/v1/me", null, only(Org.Role.values())));
        for (Case c : cases) {
            for (Org.Role role : Org.Role.values()) {
                Client client = org.as(role);
                Client.Response r = c.method().equals("GET") ? client.get(c.path()) : client.post(c.path(), c.body());
                boolean allowed = r.status() != 401 && r.status() != 403;
                assertThat(allowed).as(role + " " + c.method() + " " + c.path() + " -> " + r.status() + " " + r.body())
                        .isEqualTo(c.allowed().get(role));
                if (!allowed) {
                    assertThat(r.status()).isEqualTo(403);
                    assertThat(r.json().get("type").stringValue()).isEqualTo("urn:caravan:problem:forbidden");
                    String path = c.path().replaceFirst("\\?.*", "");
                    boolean platform = path.startsWith("/actuator/") || path.startsWith("/api/v1/tenants");
                    assertThat(r.json().get("detail").stringValue()).as("the refusal names the role (or whose endpoint it is), method and path")
                            .startsWith((platform ? "only the platform operator's administrators may " : "your role (" + role + ") may not ")
                                    + c.method() + " " + path + ";");
                }
            }
        }
    }

    @Test
    void theOperatorManagesOrganisationsAndReadsMetrics() {
        Client operator = Client.login(url, "admin", TestServer.ADMIN_PASSWORD);
        assertThat(operator.get("/api/v1/tenants").status()).isEqualTo(200);
        Client ingest = org.as(Org.Role.INGEST);
        ingest.post("/api/v1/records", IngestApiTest.MERCHANT.replace("M-1", "M-METRICS"));
        assertThat(ingest.post("/api/v1/records", IngestApiTest.order("O-METRICS", "M-METRICS", "4.00")).status()).isEqualTo(201);
        String metrics = operator.get("/actuator/prometheus").body();
        assertThat(metrics).contains("caravan_ingest_records_total").contains("caravan_assessment_seconds_bucket");
        assertThat(Client.anonymous(url).get("/actuator/prometheus").status()).isEqualTo(401);
        // an organisation's own administrator is told whose endpoint it is, not to ask for a higher role
        Client.Response tenantAdmin = org.as(Org.Role.ADMIN).get("/actuator/prometheus");
        assertThat(tenantAdmin.status()).isEqualTo(403);
        assertThat(tenantAdmin.json().get("detail").stringValue())
                .startsWith("only the platform operator's administrators may GET /actuator/prometheus");
        assertThat(org.as(Org.Role.VIEWER).get("/api/v1/orders/x").status()).isEqualTo(404);
        assertThat(org.as(Org.Role.VIEWER).post("/api/v1/cases", "{}").json().get("detail").stringValue())
                .contains("your role (VIEWER) may not POST /api/v1/cases");
        assertThat(Client.anonymous(url).get("/actuator/health/readiness").json().get("status").stringValue()).isEqualTo("UP");
    }

    @Test
    void anonymousCallersAndBadKeysGetProblemDetails() {
        Client.Response r = Client.anonymous(url).get("/api/v1/orders");
        assertThat(r.status()).isEqualTo(401);
        assertThat(r.header("Content-Type")).startsWith("application/problem+json");
        assertThat(r.json().get("request_id") == null ? r.json().get("requestId") : r.json().get("request_id")).isNotNull();
        Client.Response bad = Client.withKey(url, "ck_00000000_not-a-real-secret").get("/api/v1/orders");
        assertThat(bad.status()).isEqualTo(401);
        assertThat(bad.json().get("detail").stringValue()).contains("not valid or was revoked");
    }

    @Test
    void aRevokedKeyStopsWorking() {
        Client admin = org.admin;
        assertThat(admin.post("/api/v1/api-keys", "{\"name\":\"short-lived\"}").json().get("detail").stringValue())
                .isEqualTo("is required; roles are ADMIN, ANALYST, VIEWER and INGEST");
        var created = admin.post("/api/v1/api-keys", "{\"name\":\"short-lived\",\"role\":\"VIEWER\"}").json();
        Client key = Client.withKey(url, created.get("token").stringValue());
        assertThat(key.get("/api/v1/orders").status()).isEqualTo(200);
        assertThat(admin.delete("/api/v1/api-keys/" + created.get("key").get("id")).status()).isEqualTo(204);
        assertThat(key.get("/api/v1/orders").status()).isEqualTo(401);
        assertThat(admin.get("/api/v1/api-keys").body()).doesNotContain(created.get("token").stringValue());
    }

    @Test
    void browserSessionsNeedTheCsrfToken() {
        Client.Response forged = org.admin.postWithoutCsrf("/api/v1/api-keys", "{\"name\":\"forged\",\"role\":\"ADMIN\"}");
        assertThat(forged.status()).isEqualTo(403);
        assertThat(forged.json().get("type").stringValue()).isEqualTo("urn:caravan:problem:csrf");
        assertThat(org.admin.get("/api/v1/api-keys").body()).doesNotContain("forged");
    }

    @Test
    void repeatedFailedLoginsAreThrottled() {
        String user = TestServer.unique("victim");
        org.admin.post("/api/v1/users", "{\"username\":\"" + user + "\",\"password\":\"" + Org.PASSWORD + "\",\"role\":\"VIEWER\"}");
        Client c = Client.anonymous(url);
        for (int i = 0; i < 5; i++) {
            assertThat(c.tryLogin(user, "wrong-password-" + i).header("Location")).contains("error");
        }
        Client.Response locked = c.tryLogin(user, Org.PASSWORD);
        assertThat(locked.status()).isEqualTo(429);
        assertThat(Long.parseLong(locked.header("Retry-After"))).isBetween(1L, 60L);
        assertThat(org.admin.get("/api/v1/audit?action=login.failed").body()).contains(user);
        // Others logging in from the same address are not locked out by one user's failures.
        assertThat(Client.login(url, org.adminName, Org.PASSWORD)).isNotNull();
    }

    @Test
    void aChangeOfAUserWithNothingInItIsRefusedAndNotAudited() {
        String user = TestServer.unique("unchanged");
        long id = org.admin.post("/api/v1/users", "{\"username\":\"" + user + "\",\"password\":\"" + Org.PASSWORD
                + "\",\"role\":\"VIEWER\"}").json().get("id").longValue();
        Client.Response empty = org.admin.patch("/api/v1/users/" + id, "{}");
        assertThat(empty.status()).isEqualTo(400);
        assertThat(empty.json().get("detail").stringValue())
                .isEqualTo("there is nothing to change: send one or more of role, enabled and password");
        assertThat(org.admin.patch("/api/v1/users/" + id, "{\"enabled\":null}").status()).isEqualTo(400);
        assertThat(org.admin.get("/api/v1/audit?action=user.changed").body()).doesNotContain(user);
        assertThat(org.admin.patch("/api/v1/users/" + id, "{\"role\":\"ANALYST\"}").json().get("role").stringValue())
                .isEqualTo("ANALYST");
        assertThat(org.admin.get("/api/v1/audit?action=user.changed").body()).contains(user);
    }

    @Test
    void usersChangeTheirOwnPasswordKnowingTheCurrentOne() {
        String user = TestServer.unique("changer");
        org.admin.post("/api/v1/users", "{\"username\":\"" + user + "\",\"password\":\"" + Org.PASSWORD + "\",\"role\":\"VIEWER\"}");
        Client viewer = Client.login(url, user, Org.PASSWORD);
        assertThat(viewer.post("/api/v1/me/password", "{\"current_password\":\"wrong-one-entirely\",\"new_password\":\"another-long-password\"}")
                .status()).isEqualTo(400);
        assertThat(viewer.post("/api/v1/me/password", "{\"current_password\":\"" + Org.PASSWORD + "\",\"new_password\":\"short\"}")
                .json().get("field").stringValue()).isEqualTo("new_password");
        assertThat(viewer.post("/api/v1/me/password", "{\"current_password\":\"" + Org.PASSWORD
                + "\",\"new_password\":\"another-long-password\"}").status()).isEqualTo(204);
        assertThat(Client.login(url, user, "another-long-password")).isNotNull();
        assertThat(org.as(Org.Role.ADMIN).post("/api/v1/me/password", "{\"current_password\":\"x\",\"new_password\":\"y\"}")
                .status()).as("a key has no password").isEqualTo(400);
    }

    @Test
    void responsesCarrySecurityHeaders() {
        Client.Response r = org.as(Org.Role.VIEWER).get("/api/v1/me");
        assertThat(r.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(r.header("X-Frame-Options")).isEqualTo("DENY");
        assertThat(r.header("Content-Security-Policy")).contains("default-src 'self'").contains("frame-ancestors 'none'");
        assertThat(r.header("Referrer-Policy")).isEqualTo("same-origin");
        assertThat(r.header("X-Request-Id")).isNotBlank();
    }

    @Test
    void aRequestIdIsTheCallersWhenSaneAndANewRandomOneOtherwise() {
        Client viewer = org.as(Org.Role.VIEWER);
        assertThat(viewer.get("/api/v1/me", "X-Request-Id", "trace-01.a_b").header("X-Request-Id")).isEqualTo("trace-01.a_b");
        Client.Response missing = viewer.get("/api/v1/alerts/999999999", "X-Request-Id", "call-7");
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.body()).contains("\"requestId\":\"call-7\"");
        java.util.Set<String> ids = new java.util.HashSet<>();
        for (String unsafe : new String[]{"has space", "new\u00e9line", "x".repeat(65), ""}) {
            String id = viewer.get("/api/v1/me", "X-Request-Id", unsafe).header("X-Request-Id");
            java.util.UUID uuid = java.util.UUID.fromString(id);
            assertThat(uuid.version()).as(id).isEqualTo(4);
            assertThat(uuid.variant()).as(id).isEqualTo(2);
            ids.add(id);
        }
        assertThat(viewer.get("/api/v1/me").header("X-Request-Id")).matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
        assertThat(ids).as("each request gets its own").hasSize(4);
    }

    @Test
    void passwordsAndKeysAreStoredOnlyAsHashes() {
        JdbcTemplate jdbc = TestServer.get().context().getBean(JdbcTemplate.class);
        for (String hash : jdbc.queryForList("select password_hash from app_user", String.class)) {
            assertThat(hash).startsWith("$2a$12$").doesNotContain(Org.PASSWORD);
        }
        assertThat(jdbc.queryForObject("select min(length(secret_hash)) from api_key", Integer.class)).isEqualTo(32);
    }

    @Test
    void theAuditLogRecordsActionsAndCannotBeChanged() {
        Client admin = org.admin;
        admin.post("/api/v1/users", "{\"username\":\"" + TestServer.unique("audited") + "\",\"password\":\"" + Org.PASSWORD
                + "\",\"role\":\"ANALYST\"}");
        String audit = admin.get("/api/v1/audit").body();
        assertThat(audit).contains("user.created").contains("api_key.created").contains("\"login\"");
        assertThat(admin.delete("/api/v1/audit").status()).isIn(403, 405);
        JdbcTemplate jdbc = TestServer.get().context().getBean(JdbcTemplate.class);
        assertThatThrownBy(() -> jdbc.update("update audit_log set actor = 'someone else'")).hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.update("delete from audit_log")).hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.execute("truncate audit_log")).hasMessageContaining("append-only");
    }

    @Test
    void theOpenApiDocumentDescribesTheApi() {
        var doc = Client.anonymous(url).get("/v3/api-docs").json();
        assertThat(doc.get("openapi").stringValue()).startsWith("3.");
        assertThat(doc.get("paths").has("/api/v1/records")).isTrue();
        assertThat(doc.get("paths").has("/api/v1/cases/{id}/resolve")).isTrue();
        assertThat(doc.get("components").get("securitySchemes").get("apiKey").get("scheme").stringValue()).isEqualTo("bearer");
        // every schema names its fields as the API writes them: snake_case
        List<String> camel = new ArrayList<>();
        doc.get("components").get("schemas").properties().forEach(schema -> {
            JsonNode fields = schema.getValue().get("properties");
            if (fields != null) {
                fields.propertyNames().stream().filter(f -> !f.equals(f.toLowerCase(Locale.ROOT)))
                        .forEach(f -> camel.add(schema.getKey() + "." + f));
            }
        });
        assertThat(camel).isEmpty();
        // numbers the lists round on the way out are still described as numbers
        var summary = doc.get("components").get("schemas").get("Summary").get("properties");
        assertThat(summary.get("p_max").get("type").stringValue()).isEqualTo("number");
        assertThat(summary.get("expected_loss_usd").get("type").stringValue()).isEqualTo("number");
        assertThat(summary.get("probabilities").get("additionalProperties").get("type").stringValue()).isEqualTo("number");
        var item = doc.get("components").get("schemas").get("Item").get("properties");
        assertThat(item.get("p_max").get("type").stringValue()).isEqualTo("number");
        // the time filters say the forms they take
        List<String> described = new ArrayList<>();
        for (String list : List.of("/api/v1/orders", "/api/v1/payments", "/api/v1/shipments", "/api/v1/records/{type}")) {
            for (JsonNode p : doc.get("paths").get(list).get("get").get("parameters")) {
                if (p.get("name").stringValue().equals("from") && p.has("description")
                        && p.get("description").stringValue().contains("(2025-06-01T08:00:00Z), or a date alone")) {
                    described.add(list);
                }
            }
        }
        assertThat(described).hasSize(4);
        assertThat(Client.anonymous(url).get("/swagger-ui/index.html").status()).isEqualTo(200);
    }
}
