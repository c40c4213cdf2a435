package io.caravan.server.audit;

import org.slf4j.MDC;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * The append-only record of who did what: logins, users and keys managed, decisions overridden, cases
 * changed, reference data loaded. The table refuses UPDATE, DELETE and TRUNCATE (a trigger), and no
 * endpoint offers either.
 */
@Repository
public class AuditLog {

    public record Entry(long id, Long tenantId, OffsetDateTime at, String actor, String action, String target,
                        String detail, String requestId) {
    }

    /**
     * Every action the log records, as its {@code action} column says it. Entries are filtered by these names; a name
     * recorded must be one of them ({@code AuditActionsTest} reads every {@code audit.record} call of the server's source).
     */
    public static final java.util.Set<String> ACTIONS = java.util.Set.of("login", "login.failed", "tenant.created",
            "user.created", "user.changed", "api_key.created", "api_key.revoked", "decision.overridden", "alert.closed",
            "case.opened", "case.alerts_added", "case.assigned", "case.commented", "case.evidence_added", "case.resolved",
            "case.reopened", "import.started", "import.finished", "reference.loaded");

    private final JdbcClient jdbc;

    public AuditLog(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void record(Long tenantId, String actor, String action, String target, String detail) {
        if (!ACTIONS.contains(action)) {
            throw new IllegalArgumentException("'" + action + "' is not an audited action; add it to AuditLog.ACTIONS");
        }
        jdbc.sql("insert into audit_log (tenant_id, actor, action, target, detail, request_id) values (?, ?, ?, ?, ?, ?)")
                .params(tenantId, actor, action, target, detail == null ? "" : detail, MDC.get("requestId")).update();
    }

    /** A tenant's entries, newest first, optionally only one action, from before {@code beforeId} (paging). */
    public List<Entry> entries(long tenantId, String action, long beforeId, int limit) {
        return jdbc.sql("select id, tenant_id, at, actor, action, target, detail, request_id from audit_log"
                        + " where tenant_id = ? and (? = '' or action = ?) and id < ? order by id desc limit ?")
                .params(tenantId, action, action, beforeId, limit).query(Entry.class).list();
    }
}
