package io.caravan.server;

import tools.jackson.databind.JsonNode;

import java.util.EnumMap;
import java.util.Map;

/**
 * An organisation made for a test: its administrator's browser session and one API key per role.
 */
public final class Org {

    public enum Role { ADMIN, ANALYST, VIEWER, INGEST }

    public final String slug;
    public final String adminName;
    public final Client admin;
    public final Map<Role, Client> keys = new EnumMap<>(Role.class);
    public final Map<Role, String> keyIds = new EnumMap<>(Role.class);

    private Org(String slug, String adminName, Client admin) {
        this.slug = slug;
        this.adminName = adminName;
        this.admin = admin;
    }

    public static final String PASSWORD = "a-long-enough-password";

    /** Creates an organisation through the operator's API, with keys for every role. */
    public static Org create(String prefix) {
        TestServer s = TestServer.get();
        Client operator = Client.login(s.url(), "admin", TestServer.ADMIN_PASSWORD);
        String slug = TestServer.unique(prefix);
        String adminName = slug + "-admin";
        Client.Response r = operator.post("/api/v1/tenants", "{\"slug\":\"" + slug + "\",\"admin_username\":\"" + adminName
                + "\",\"admin_password\":\"" + PASSWORD + "\"}");
        if (r.status() != 201) {
            throw new IllegalStateException("creating " + slug + ": " + r.status() + " " + r.body());
        }
        Org org = new Org(slug, adminName, Client.login(s.url(), adminName, PASSWORD));
        for (Role role : Role.values()) {
            JsonNode k = org.admin.post("/api/v1/api-keys", "{\"name\":\"" + role + "\",\"role\":\"" + role + "\"}").json();
            org.keys.put(role, Client.withKey(s.url(), k.get("token").stringValue()));
            org.keyIds.put(role, k.get("key").get("id").toString());
        }
        return org;
    }

    public Client as(Role role) {
        return keys.get(role);
    }
}
