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
        return create(prefix, TestServer.get().url());
    }

    /** Creates an organisation and sends it a generated world of {@code orders} orders as one bulk, every line accepted. */
    public static Org withWorld(String prefix, int orders) {
        Org org = create(prefix);
        Client.Response r = org.as(Role.INGEST).postNdjson("/api/v1/records", Worlds.ndjson(Worlds.lines(orders)));
        if (r.status() != 200 || r.json().get("rejected").asLong() != 0) {
            throw new IllegalStateException("sending " + orders + " orders' world to " + org.slug + ": " + r.status() + " " + r.body());
        }
        return org;
    }

    /** Creates an organisation on the server at {@code url} (whose operator password is the tests'). */
    public static Org create(String prefix, String url) {
        Client operator = Client.login(url, "admin", TestServer.ADMIN_PASSWORD);
        String slug = TestServer.unique(prefix);
        String adminName = slug + "-admin";
        Client.Response r = operator.post("/api/v1/tenants", "{\"slug\":\"" + slug + "\",\"admin_username\":\"" + adminName
                + "\",\"admin_password\":\"" + PASSWORD + "\"}");
        if (r.status() != 201) {
            throw new IllegalStateException("creating " + slug + ": " + r.status() + " " + r.body());
        }
        Org org = new Org(slug, adminName, Client.login(url, adminName, PASSWORD));
        for (Role role : Role.values()) {
            JsonNode k = org.admin.post("/api/v1/api-keys", "{\"name\":\"" + role + "\",\"role\":\"" + role + "\"}").json();
            org.keys.put(role, Client.withKey(url, k.get("token").stringValue()));
            org.keyIds.put(role, k.get("key").get("id").toString());
        }
        return org;
    }

    /** The same organisation's keys, on another server (after a restart). */
    public static Org reconnect(Org org, String url) {
        Org again = new Org(org.slug, org.adminName, Client.login(url, org.adminName, PASSWORD));
        org.keys.forEach((role, c) -> again.keys.put(role, c.at(url)));
        again.keyIds.putAll(org.keyIds);
        return again;
    }

    public Client as(Role role) {
        return keys.get(role);
    }
}
