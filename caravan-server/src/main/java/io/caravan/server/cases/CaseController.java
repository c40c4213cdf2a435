package io.caravan.server.cases;

import io.caravan.server.access.Caller;
import io.caravan.server.audit.AuditLog;
import io.caravan.server.web.ApiException;
import io.caravan.server.web.BadRequest;
import io.caravan.server.web.PageRequest;
import io.caravan.server.web.Where;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import java.io.IOException;
import java.security.MessageDigest;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Cases: opened from alerts, assigned, commented, given evidence, resolved with an outcome, reopened.
 * Every change is a timeline entry and an audit entry.
 */
@RestController
@RequestMapping("/api/v1/cases")
@Tag(name = "Cases", description = "Investigations opened from alerts, from assignment to resolution.")
public class CaseController {

    public record CaseFile(long id, String title, String status, String assignee, String outcome, String openedBy,
                           OffsetDateTime openedAt, OffsetDateTime updatedAt, OffsetDateTime resolvedAt) {
    }

    public record Entry(long id, String kind, String author, OffsetDateTime at, String text, String evidenceName,
                        String evidenceType, String evidenceSha256) {
    }

    public record CaseDetail(CaseFile caseFile, List<io.caravan.server.alerts.AlertController.Alert> alerts, List<Entry> timeline) {
    }

    public record OpenRequest(String title, List<Long> alertIds, String assignee, String comment) {
    }

    public record TextRequest(String text) {
    }

    public record AssignRequest(String assignee) {
    }

    public record ResolveRequest(String outcome, String text) {
    }

    public record AlertsRequest(List<Long> alertIds) {
    }

    private static final Map<String, String> SORTABLE = Map.of("id", "id", "opened_at", "opened_at", "updated_at", "updated_at");
    static final long MAX_EVIDENCE_BYTES = 10L * 1024 * 1024;

    private final JdbcTemplate jdbc;
    private final AuditLog audit;

    public CaseController(JdbcTemplate jdbc, AuditLog audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    @Operation(summary = "List cases", description = "Filter by status (OPEN, RESOLVED) and assignee.")
    @GetMapping
    public PageRequest.Page<CaseFile> list(@RequestParam(required = false) String status,
                                           @RequestParam(required = false) String assignee,
                                           @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size,
                                           @RequestParam(required = false) String sort) {
        Caller c = Caller.current();
        PageRequest p = PageRequest.of(page, size, sort, SORTABLE, "updated_at,desc");
        Where w = new Where("tenant_id", c.tenantId()).and("status = ?", status == null ? null
                : BadRequest.oneOf(status, "status", List.of("OPEN", "RESOLVED")))
                .and("assignee = ?", assignee);
        long total = jdbc.queryForObject("select count(*) from case_file" + w.sql(), Long.class, w.params());
        List<CaseFile> items = jdbc.query("select * from case_file" + w.sql() + " order by " + p.orderBy() + ", id limit ? offset ?",
                (rs, n) -> caseFile(rs), w.params(p.size(), p.offset()));
        return p.page(items, total);
    }

    @Operation(summary = "Open a case from one or more alerts")
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Transactional
    public CaseDetail open(@RequestBody OpenRequest request) {
        Caller c = Caller.current();
        if (request.alertIds() == null || request.alertIds().isEmpty()) {
            throw new BadRequest("alert_ids", "name at least one alert to open a case from");
        }
        String title = request.title() == null || request.title().isBlank()
                ? jdbc.queryForObject("select title from alert where tenant_id = ? and id = ?", String.class, c.tenantId(),
                        checkAlerts(c, request.alertIds()).get(0))
                : request.title().trim();
        checkAlerts(c, request.alertIds());
        long id = jdbc.queryForObject("insert into case_file (tenant_id, title, opened_by) values (?, ?, ?) returning id", Long.class,
                c.tenantId(), title, c.name());
        entry(c, id, "OPENED", "opened from alert(s) " + request.alertIds());
        attach(c, id, request.alertIds());
        if (request.assignee() != null && !request.assignee().isBlank()) {
            assignTo(c, id, request.assignee().trim());
        }
        if (request.comment() != null && !request.comment().isBlank()) {
            entry(c, id, "COMMENT", request.comment().trim());
        }
        audit.record(c.tenantId(), c.name(), "case.opened", "case:" + id, title + "; alerts " + request.alertIds());
        return get(id);
    }

    @Operation(summary = "One case with its alerts and timeline")
    @GetMapping("/{id}")
    public CaseDetail get(@PathVariable long id) {
        Caller c = Caller.current();
        CaseFile f = find(c.tenantId(), id);
        var alerts = jdbc.query("select " + "id, kind, severity, subject_type, subject_id, title, detail, assessment_id, status,"
                + " occurrences, first_raised, last_raised, created_at, case_id from alert where tenant_id = ? and case_id = ? order by id",
                (rs, n) -> io.caravan.server.alerts.AlertController.alert(rs), c.tenantId(), id);
        List<Entry> timeline = jdbc.query("select id, kind, author, at, text, evidence_name, evidence_type, evidence_sha256"
                        + " from case_entry where tenant_id = ? and case_id = ? order by id",
                (rs, n) -> new Entry(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getObject(4, OffsetDateTime.class),
                        rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8)), c.tenantId(), id);
        return new CaseDetail(f, alerts, timeline);
    }

    @Operation(summary = "Add alerts to an open case")
    @PostMapping("/{id}/alerts")
    @Transactional
    public CaseDetail addAlerts(@PathVariable long id, @RequestBody AlertsRequest request) {
        Caller c = Caller.current();
        requireOpen(find(c.tenantId(), id));
        if (request.alertIds() == null || request.alertIds().isEmpty()) {
            throw new BadRequest("alert_ids", "name at least one alert");
        }
        checkAlerts(c, request.alertIds());
        attach(c, id, request.alertIds());
        touch(c, id);
        audit.record(c.tenantId(), c.name(), "case.alerts_added", "case:" + id, "alerts " + request.alertIds());
        return get(id);
    }

    @Operation(summary = "Assign a case to a user of your organisation")
    @PostMapping("/{id}/assign")
    @Transactional
    public CaseDetail assign(@PathVariable long id, @RequestBody AssignRequest request) {
        Caller c = Caller.current();
        requireOpen(find(c.tenantId(), id));
        if (request.assignee() == null || request.assignee().isBlank()) {
            throw new BadRequest("assignee", "is required: a user name of your organisation");
        }
        assignTo(c, id, request.assignee().trim());
        audit.record(c.tenantId(), c.name(), "case.assigned", "case:" + id, request.assignee().trim());
        return get(id);
    }

    @Operation(summary = "Comment on a case")
    @PostMapping("/{id}/comments")
    @Transactional
    public CaseDetail comment(@PathVariable long id, @RequestBody TextRequest request) {
        Caller c = Caller.current();
        find(c.tenantId(), id);
        if (request.text() == null || request.text().isBlank()) {
            throw new BadRequest("text", "is required");
        }
        entry(c, id, "COMMENT", request.text().trim());
        touch(c, id);
        audit.record(c.tenantId(), c.name(), "case.commented", "case:" + id, "");
        return get(id);
    }

    @Operation(summary = "Attach evidence (a file up to 10 MB) to a case")
    @PostMapping(path = "/{id}/evidence", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Transactional
    public CaseDetail evidence(@PathVariable long id, @RequestPart("file") MultipartFile file,
                               @RequestPart(name = "note", required = false) String note) throws IOException {
        Caller c = Caller.current();
        find(c.tenantId(), id);
        if (file.isEmpty()) {
            throw new BadRequest("file", "is empty");
        }
        if (file.getSize() > MAX_EVIDENCE_BYTES) {
            throw new BadRequest("file", "is larger than 10 MB; attach a smaller file or a link in a comment");
        }
        byte[] bytes = file.getBytes();
        String sha;
        try {
            sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        String name = file.getOriginalFilename() == null ? "evidence" : file.getOriginalFilename().replaceAll("[\\\\/\r\n\"]", "_");
        String type = file.getContentType() == null ? MediaType.APPLICATION_OCTET_STREAM_VALUE : file.getContentType();
        jdbc.update("insert into case_entry (case_id, tenant_id, kind, author, text, evidence_name, evidence_type, evidence_sha256,"
                + " evidence) values (?, ?, 'EVIDENCE', ?, ?, ?, ?, ?, ?)", id, c.tenantId(), c.name(),
                note == null ? "" : note.trim(), name, type, sha, bytes);
        touch(c, id);
        audit.record(c.tenantId(), c.name(), "case.evidence_added", "case:" + id, name + " sha256 " + sha);
        return get(id);
    }

    @Operation(summary = "Download a piece of evidence")
    @GetMapping("/{id}/evidence/{entryId}")
    public ResponseEntity<byte[]> download(@PathVariable long id, @PathVariable long entryId) {
        Caller c = Caller.current();
        find(c.tenantId(), id);
        List<ResponseEntity<byte[]>> l = jdbc.query("select evidence_name, evidence, evidence_type from case_entry where tenant_id = ?"
                        + " and case_id = ? and id = ? and kind = 'EVIDENCE'", (rs, n) -> ResponseEntity.ok()
                        .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(rs.getString(1)).build().toString())
                        .contentType(MediaType.APPLICATION_OCTET_STREAM)
                        .body(rs.getBytes(2)),
                c.tenantId(), id, entryId);
        if (l.isEmpty()) {
            throw ApiException.notFound("evidence", Long.toString(entryId));
        }
        return l.get(0);
    }

    @Operation(summary = "Resolve a case", description = "outcome: CONFIRMED, FALSE_POSITIVE or MITIGATED. Its alerts are closed.")
    @PostMapping("/{id}/resolve")
    @Transactional
    public CaseDetail resolve(@PathVariable long id, @RequestBody ResolveRequest request) {
        Caller c = Caller.current();
        requireOpen(find(c.tenantId(), id));
        String outcome = request.outcome() == null ? "" : request.outcome().trim().toUpperCase(Locale.ROOT);
        if (outcome.isEmpty()) {
            throw new BadRequest("outcome", "is required: CONFIRMED, FALSE_POSITIVE or MITIGATED");
        }
        if (!List.of("CONFIRMED", "FALSE_POSITIVE", "MITIGATED").contains(outcome)) {
            throw new BadRequest("outcome", "'" + request.outcome() + "' must be CONFIRMED, FALSE_POSITIVE or MITIGATED");
        }
        jdbc.update("update case_file set status = 'RESOLVED', outcome = ?, resolved_at = now(), updated_at = now()"
                + " where tenant_id = ? and id = ?", outcome, c.tenantId(), id);
        jdbc.update("update alert set status = 'CLOSED' where tenant_id = ? and case_id = ?", c.tenantId(), id);
        entry(c, id, "RESOLVED", outcome + (request.text() == null || request.text().isBlank() ? "" : ": " + request.text().trim()));
        audit.record(c.tenantId(), c.name(), "case.resolved", "case:" + id, outcome);
        return get(id);
    }

    @Operation(summary = "Reopen a resolved case")
    @PostMapping("/{id}/reopen")
    @Transactional
    public CaseDetail reopen(@PathVariable long id, @RequestBody TextRequest request) {
        Caller c = Caller.current();
        CaseFile f = find(c.tenantId(), id);
        if (!f.status().equals("RESOLVED")) {
            throw ApiException.conflict("status", "case " + id + " is open already");
        }
        if (request.text() == null || request.text().isBlank()) {
            throw new BadRequest("text", "is required: say why the case is reopened");
        }
        jdbc.update("update case_file set status = 'OPEN', outcome = null, resolved_at = null, updated_at = now()"
                + " where tenant_id = ? and id = ?", c.tenantId(), id);
        entry(c, id, "REOPENED", request.text().trim());
        audit.record(c.tenantId(), c.name(), "case.reopened", "case:" + id, request.text().trim());
        return get(id);
    }

    private List<Long> checkAlerts(Caller c, List<Long> ids) {
        for (Long a : ids) {
            List<String> status = jdbc.queryForList("select status from alert where tenant_id = ? and id = ?", String.class,
                    c.tenantId(), a);
            if (status.isEmpty()) {
                throw ApiException.notFound("alert", String.valueOf(a));
            }
            if (!status.get(0).equals("OPEN")) {
                throw ApiException.conflict("alert_ids", "alert " + a + " is " + status.get(0) + "; only OPEN alerts can join a case");
            }
        }
        return ids;
    }

    private void attach(Caller c, long caseId, List<Long> alerts) {
        for (Long a : alerts) {
            jdbc.update("update alert set status = 'IN_CASE', case_id = ? where tenant_id = ? and id = ?", caseId, c.tenantId(), a);
            entry(c, caseId, "ALERT_ADDED", "alert " + a);
        }
    }

    private void assignTo(Caller c, long id, String assignee) {
        Long n = jdbc.queryForObject("select count(*) from app_user where tenant_id = ? and username = ? and enabled", Long.class,
                c.tenantId(), assignee);
        if (n == null || n == 0) {
            throw new BadRequest("assignee", "'" + assignee + "' is not an active user of your organisation");
        }
        jdbc.update("update case_file set assignee = ?, updated_at = now() where tenant_id = ? and id = ?", assignee, c.tenantId(), id);
        entry(c, id, "ASSIGNED", assignee);
    }

    private void entry(Caller c, long caseId, String kind, String text) {
        jdbc.update("insert into case_entry (case_id, tenant_id, kind, author, text) values (?, ?, ?, ?, ?)", caseId, c.tenantId(),
                kind, c.name(), text);
    }

    private void touch(Caller c, long id) {
        jdbc.update("update case_file set updated_at = now() where tenant_id = ? and id = ?", c.tenantId(), id);
    }

    private static void requireOpen(CaseFile f) {
        if (!f.status().equals("OPEN")) {
            throw ApiException.conflict("status", "case " + f.id() + " is resolved; reopen it first");
        }
    }

    private CaseFile find(long tenantId, long id) {
        List<CaseFile> l = jdbc.query("select * from case_file where tenant_id = ? and id = ?", (rs, n) -> caseFile(rs), tenantId, id);
        if (l.isEmpty()) {
            throw ApiException.notFound("case", Long.toString(id));
        }
        return l.get(0);
    }

    private static CaseFile caseFile(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new CaseFile(rs.getLong("id"), rs.getString("title"), rs.getString("status"), rs.getString("assignee"),
                rs.getString("outcome"), rs.getString("opened_by"), rs.getObject("opened_at", OffsetDateTime.class),
                rs.getObject("updated_at", OffsetDateTime.class), rs.getObject("resolved_at", OffsetDateTime.class));
    }
}
