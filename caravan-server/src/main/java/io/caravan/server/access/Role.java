package io.caravan.server.access;

/**
 * What a user or key may do within its tenant. ADMIN manages users and keys and reads the audit log;
 * ANALYST reads everything else, ingests, and works alerts, cases and overrides; VIEWER reads; INGEST
 * only sends records (a machine's key).
 */
public enum Role {
    ADMIN, ANALYST, VIEWER, INGEST;

    public String authority() {
        return "ROLE_" + name();
    }

    /** Parses a role name in any case, with an error that lists the roles. */
    public static Role parse(String s, String field) {
        for (Role r : values()) {
            if (r.name().equalsIgnoreCase(s == null ? "" : s.trim())) {
                return r;
            }
        }
        throw new io.caravan.server.web.BadRequest(field, (s == null || s.isBlank() ? "is required" : "'" + s + "' is not a role")
                + "; roles are ADMIN, ANALYST, VIEWER and INGEST");
    }
}
