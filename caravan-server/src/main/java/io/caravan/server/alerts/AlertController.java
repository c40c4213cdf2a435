package io.caravan.server.alerts;

import io.caravan.server.access.Caller;
import io.caravan.server.audit.AuditLog;
import io.caravan.server.query.AssessmentController;
import io.caravan.server.web.ApiException;
import io.caravan.server.web.BadRequest;
import io.caravan.server.web.PageRequest;
import io.caravan.server.web.Where;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/** The alert queue. */
@RestController
@RequestMapping("/api/v1/alerts")
@Tag(name = "Alerts", description = "Raised when an assessment crosses a threshold or a state changes; deduplicated per subject and kind.")
public class AlertController {

    public record Alert(long id, String kind, String severity, String subjectType, String subjectId, String title,
                        String detail, String assessmentId, String status, int occurrences, OffsetDateTime firstRaised,
                        OffsetDateTime lastRaised, OffsetDateTime createdAt, long ageHours, Long caseId) {
    }

    public record CloseRequest(String reason) {
    }

    static final String COLUMNS = "id, kind, severity, subject_type, subject_id, title, detail, assessment_id, status,"
            + " occurrences, first_raised, last_raised, created_at, case_id";

    private static final Map<String, String> SORTABLE = Map.of("id", "id", "first_raised", "first_raised",
            "last_raised", "last_raised", "occurrences", "occurrences",
            "severity", "array_position(array['LOW','MEDIUM','HIGH','CRITICAL'], severity)");

    private final JdbcTemplate jdbc;
    private final AuditLog audit;

    public AlertController(JdbcTemplate jdbc, AuditLog audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    @Operation(summary = "List alerts", description = "Filter by status (OPEN, IN_CASE, CLOSED), severity, kind, subject.")
    @GetMapping
    public PageRequest.Page<Alert> list(@RequestParam(required = false) String status,
                                        @RequestParam(required = false) String severity,
                                        @RequestParam(required = false) String kind,
                                        @RequestParam(name = "subject_type", required = false) String subjectType,
                                        @RequestParam(name = "subject_id", required = false) String subjectId,
                                        @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size,
                                        @RequestParam(required = false) String sort) {
        Caller c = Caller.current();
        PageRequest p = PageRequest.of(page, size, sort, SORTABLE, "severity,desc");
        String st = status == null ? null : BadRequest.oneOf(status, "status", List.of("OPEN", "IN_CASE", "CLOSED"));
        String sev = severity == null ? null : BadRequest.oneOf(severity, "severity", SEVERITIES);
        if (kind != null && !AlertRules.KINDS.contains(kind)) {
            throw new BadRequest("kind", "'" + kind + "' is not a kind of alert; use " + String.join(", ", AlertRules.KINDS));
        }
        subjectType = subjectType == null ? null : AssessmentController.subjectType(subjectType, "subject_type");
        Where w = new Where("tenant_id", c.tenantId()).and("status = ?", st).and("severity = ?", sev)
                .and("kind = ?", kind).and("subject_type = ?", subjectType).and("subject_id = ?", subjectId);
        long total = jdbc.queryForObject("select count(*) from alert" + w.sql(), Long.class, w.params());
        if (st != null && p.orderBy().equals(SORTABLE.get("severity") + " desc")) {
            return p.page(bySeverity(c.tenantId(), st, sev, kind, subjectType, subjectId, p, "first_raised, id", "r desc, first_raised, id"), total);
        }
        if (st != null && (p.orderBy().equals("first_raised asc") || p.orderBy().equals("first_raised desc"))) {
            String order = p.orderBy().equals("first_raised asc") ? "first_raised, id" : "first_raised desc, id";
            return p.page(bySeverity(c.tenantId(), st, sev, kind, subjectType, subjectId, p, order, order), total);
        }
        List<Alert> items = jdbc.query("select " + COLUMNS + " from alert" + w.sql() + " order by " + p.orderBy() + ", id"
                + " limit ? offset ?", (rs, n) -> alert(rs), w.params(p.size(), p.offset()));
        return p.page(items, total);
    }

    private static final List<String> SEVERITIES = List.of("LOW", "MEDIUM", "HIGH", "CRITICAL");

    /**
     * The queue in an order of severity or of age without sorting every open alert: each severity's alerts come in
     * order from that status's and severity's index (tenant, first raised), only as many as the page needs, and those
     * are merged — most severe first (oldest first within a severity), or oldest or newest first overall.
     */
    private List<Alert> bySeverity(long tenantId, String status, String severity, String kind, String subjectType,
                                   String subjectId, PageRequest p, String eachOrder, String mergedOrder) {
        Where w = new Where("tenant_id", tenantId).andNamed("status", status).and("kind = ?", kind)
                .and("subject_type = ?", subjectType).and("subject_id = ?", subjectId);
        List<String> levels = severity != null ? List.of(severity) : List.of("CRITICAL", "HIGH", "MEDIUM", "LOW");
        StringBuilder sql = new StringBuilder("select * from (");
        List<Object> params = new java.util.ArrayList<>();
        for (int i = 0; i < levels.size(); i++) {
            // status and severity written into the statement: each (status, severity) has an index of its own (schema 11)
            sql.append(i == 0 ? "" : " union all ").append("(select ").append(COLUMNS).append(", ").append(levels.size() - i)
                    .append(" r from alert").append(w.sql()).append(" and severity = ").append(Where.literal(levels.get(i)))
                    .append(" order by ").append(eachOrder).append(" limit ?)");
            params.addAll(List.of(w.params()));
            params.add(p.offset() + p.size());
        }
        sql.append(") x order by ").append(mergedOrder).append(" limit ? offset ?");
        params.add(p.size());
        params.add(p.offset());
        return jdbc.query(sql.toString(), (rs, n) -> alert(rs), params.toArray());
    }

    @Operation(summary = "Counts of open alerts by severity")
    @GetMapping("/summary")
    public Map<String, Long> summary() {
        Map<String, Long> m = new java.util.LinkedHashMap<>();
        for (String s : List.of("CRITICAL", "HIGH", "MEDIUM", "LOW")) {
            m.put(s, 0L);
        }
        jdbc.query("select severity, count(*) from alert where tenant_id = ? and status <> 'CLOSED' group by severity",
                rs -> {
                    m.put(rs.getString(1), rs.getLong(2));
                }, Caller.current().tenantId());
        return m;
    }

    @Operation(summary = "One alert")
    @GetMapping("/{id}")
    public Alert get(@PathVariable long id) {
        return find(Caller.current().tenantId(), id);
    }

    @Operation(summary = "Close an alert that needs no case", description = "Audited, with the reason.")
    @PostMapping("/{id}/close")
    @Transactional
    public Alert close(@PathVariable long id, @RequestBody CloseRequest request) {
        Caller c = Caller.current();
        Alert a = find(c.tenantId(), id);
        if (request.reason() == null || request.reason().isBlank()) {
            throw new BadRequest("reason", "is required: say why the alert needs no action");
        }
        if (!a.status().equals("OPEN")) {
            throw ApiException.conflict("status", "alert " + id + " is " + a.status() + "; only an OPEN alert can be closed here"
                    + (a.caseId() != null ? " (resolve case " + a.caseId() + " instead)" : ""));
        }
        jdbc.update("update alert set status = 'CLOSED' where tenant_id = ? and id = ?", c.tenantId(), id);
        audit.record(c.tenantId(), c.name(), "alert.closed", "alert:" + id, request.reason().trim());
        return find(c.tenantId(), id);
    }

    public Alert find(long tenantId, long id) {
        List<Alert> l = jdbc.query("select " + COLUMNS + " from alert where tenant_id = ? and id = ?", (rs, n) -> alert(rs),
                tenantId, id);
        if (l.isEmpty()) {
            throw ApiException.notFound("alert", Long.toString(id));
        }
        return l.get(0);
    }

    public static Alert alert(java.sql.ResultSet rs) throws java.sql.SQLException {
        OffsetDateTime created = rs.getObject("created_at", OffsetDateTime.class);
        long caseId = rs.getLong("case_id");
        Long cid = rs.wasNull() ? null : caseId;
        return new Alert(rs.getLong("id"), rs.getString("kind"), rs.getString("severity"), rs.getString("subject_type"),
                rs.getString("subject_id"), rs.getString("title"), rs.getString("detail"), rs.getString("assessment_id"),
                rs.getString("status"), rs.getInt("occurrences"), rs.getObject("first_raised", OffsetDateTime.class),
                rs.getObject("last_raised", OffsetDateTime.class), created,
                Duration.between(created, OffsetDateTime.now()).toHours(), cid);
    }
}
