package io.caravan.server.query;

import io.caravan.risk.Action;
import io.caravan.server.access.Caller;
import io.caravan.server.audit.AuditLog;
import io.caravan.server.ingest.RawJson;
import io.caravan.server.storage.BodyCodec;
import io.caravan.server.web.ApiException;
import io.caravan.server.web.BadRequest;
import io.caravan.server.web.PageRequest;
import io.caravan.server.web.Where;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.annotation.JsonSerialize;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Assessments with their explanations, and analysts' overrides of their decisions. */
@RestController
@RequestMapping("/api/v1/assessments")
@Tag(name = "Assessments", description = "What Caravan concluded about each order, payment, shipment, listing and participant, and why.")
public class AssessmentController {

    public record Summary(long id, String assessmentId, String subjectType, String subjectId, OffsetDateTime asOf,
                          String action, @JsonSerialize(using = Rounded.Probability.class) double pMax,
                          @JsonSerialize(contentUsing = Rounded.Probability.class) Map<String, Double> probabilities,
                          @JsonSerialize(using = Rounded.Usd.class) double exposureUsd,
                          @JsonSerialize(using = Rounded.Usd.class) double expectedLossUsd, String versionsId) {
    }

    public record Detail(Summary summary, RawJson assessment, List<Summary> history, List<Override> overrides) {
    }

    public record Override(long id, String engineAction, String action, String reason, String byUser, OffsetDateTime at) {
    }

    public record OverrideRequest(String action, String reason) {
    }

    static final String COLUMNS = "id, assessment_id, subject_type, subject_id, as_of, action, p_max, p_credit, p_logistics,"
            + " p_information, p_legal, p_political, p_natural, exposure_usd, expected_loss_usd, versions_id";

    private static final Map<String, String> SORTABLE = Map.of("as_of", "as_of", "p_max", "p_max",
            "expected_loss_usd", "expected_loss_usd", "subject_id", "subject_id", "id", "id");

    private final JdbcTemplate jdbc;
    private final AuditLog audit;
    private final org.springframework.transaction.support.TransactionTemplate tx;
    private final BodyCodec bodies;

    public AssessmentController(JdbcTemplate jdbc, AuditLog audit, org.springframework.transaction.support.TransactionTemplate tx,
                                BodyCodec bodies) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.tx = tx;
        this.bodies = bodies;
    }

    @Operation(summary = "List assessments", description = "Filter by subject type and id, decision, category probability;"
            + " latest=true keeps only each subject's newest assessment.")
    @GetMapping
    public PageRequest.Page<Summary> list(@RequestParam(name = "subject_type", required = false) String subjectType,
                                          @RequestParam(name = "subject_id", required = false) String subjectId,
                                          @RequestParam(required = false) String action,
                                          @RequestParam(required = false) String category,
                                          @RequestParam(name = "min_probability", required = false) Double minProbability,
                                          @RequestParam(defaultValue = "false") boolean latest,
                                          @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size,
                                          @RequestParam(required = false) String sort) {
        Caller c = Caller.current();
        PageRequest p = PageRequest.of(page, size, sort, SORTABLE, "id,desc");
        String column = category == null ? "p_max" : probabilityColumn(category);
        Where w = new Where("tenant_id", c.tenantId())
                .and("subject_type = ?", subjectType == null ? null : subjectType(subjectType, "subject_type"))
                .and("subject_id = ?", subjectId)
                .and("action = ?", action == null ? null : parseAction(action, "action").name())
                .and(column + " >= ?", minProbability);
        if (minProbability != null && !(minProbability >= 0 && minProbability <= 1)) {
            throw new BadRequest("min_probability", "'" + minProbability + "' is not a probability; use a number from 0 to 1,"
                    + " e.g. 0.25 for 25%");
        }
        if (latest) {
            w.and("not exists (select 1 from assessment n where n.tenant_id = a.tenant_id and n.subject_type = a.subject_type"
                    + " and n.subject_id = a.subject_id and n.id > a.id)");
        }
        List<Summary> items = jdbc.query("select " + COLUMNS + " from assessment a" + w.sql() + " order by " + p.orderBy()
                + " limit ? offset ?", (rs, n) -> summary(rs), w.params(p.size(), p.offset()));
        boolean filtered = subjectType != null || subjectId != null || action != null || minProbability != null || latest;
        if (!filtered) {
            return p.page(items, jdbc.queryForObject("select count(*) from assessment a" + w.sql(), Long.class, w.params()));
        }
        return RecordQueries.countedUpToCap(jdbc, p, items, " from assessment a" + w.sql(), w.params());
    }

    @Operation(summary = "Export every assessment as NDJSON", description = "One caravan.assessment.v1 line per assessment, in"
            + " the order the records that produced them were accepted — the same format as the command line's assessments.jsonl.")
    @GetMapping(path = "/export", produces = "application/x-ndjson")
    public org.springframework.http.ResponseEntity<org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody> export(
            @RequestParam(name = "subject_type", required = false) String subjectType) {
        long tenant = Caller.current().tenantId();
        String type = subjectType == null ? null : subjectType(subjectType, "subject_type");
        org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody body = out -> {
            var w = new java.io.BufferedOutputStream(out, 1 << 16);
            tx.executeWithoutResult(s -> jdbc.query(con -> {
                var ps = con.prepareStatement("select body from assessment where tenant_id = ? and (?::text is null or subject_type = ?)"
                        + " order by record_seq, id");
                ps.setFetchSize(2000);
                ps.setLong(1, tenant);
                ps.setString(2, type);
                ps.setString(3, type);
                return ps;
            }, rs -> {
                try {
                    w.write(bodies.json(rs.getBytes(1)));
                    w.write('\n');
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }));
            w.flush();
        };
        return org.springframework.http.ResponseEntity.ok().contentType(org.springframework.http.MediaType.parseMediaType("application/x-ndjson"))
                .header("Content-Disposition", "attachment; filename=\"assessments.jsonl\"").body(body);
    }

    private String body(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new String(bodies.json(rs.getBytes("body")), java.nio.charset.StandardCharsets.UTF_8);
    }

    @Operation(summary = "One assessment with every reason", description = "id is the assessment id, e.g. order:O-000017"
            + " (its newest version), or the numeric row id. With its history and any overrides.")
    @GetMapping("/{id}")
    public Detail get(@PathVariable String id) {
        Caller c = Caller.current();
        int colon = id.indexOf(':');
        List<Map.Entry<Summary, String>> rows = id.matches("\\d+")
                ? jdbc.query("select " + COLUMNS + ", body from assessment where tenant_id = ? and id = ?",
                        (rs, n) -> Map.entry(summary(rs), body(rs)), c.tenantId(), Long.parseLong(id))
                : colon < 0 ? List.of()
                : jdbc.query("select " + COLUMNS + ", body from assessment where tenant_id = ? and subject_id = ? and subject_type = ?"
                        + " order by as_of desc, id desc limit 1", (rs, n) -> Map.entry(summary(rs), body(rs)),
                        c.tenantId(), id.substring(colon + 1), id.substring(0, colon));
        if (rows.isEmpty()) {
            throw ApiException.notFound("assessment", id);
        }
        Summary s = rows.get(0).getKey();
        List<Summary> history = jdbc.query("select " + COLUMNS + " from assessment where tenant_id = ? and subject_id = ?"
                + " and subject_type = ? order by as_of, id", (rs, n) -> summary(rs), c.tenantId(), s.subjectId(), s.subjectType());
        return new Detail(s, new RawJson(rows.get(0).getValue()), history, overrides(c.tenantId(), s.subjectType(), s.subjectId()));
    }

    @Operation(summary = "Override a decision", description = "Records the analyst's action and reason beside the engine's;"
            + " the assessment itself is not changed. Audited.")
    @PostMapping("/{id}/override")
    @ResponseStatus(HttpStatus.CREATED)
    @Transactional
    public Override override(@PathVariable String id, @RequestBody OverrideRequest request) {
        Caller c = Caller.current();
        Detail d = get(id);
        Action action = parseAction(request.action(), "action");
        if (request.reason() == null || request.reason().isBlank()) {
            throw new BadRequest("reason", "is required: say why the engine's decision is overridden");
        }
        Summary s = d.summary();
        long oid = jdbc.queryForObject("insert into decision_override (tenant_id, assessment_id, subject_type, subject_id,"
                        + " engine_action, action, reason, by_user) values (?, ?, ?, ?, ?, ?, ?, ?) returning id", Long.class,
                c.tenantId(), s.assessmentId(), s.subjectType(), s.subjectId(), s.action(), action.name(), request.reason().trim(),
                c.name());
        audit.record(c.tenantId(), c.name(), "decision.overridden", "assessment:" + s.assessmentId(),
                s.action() + " -> " + action + ": " + request.reason().trim());
        return overrides(c.tenantId(), s.subjectType(), s.subjectId()).stream().filter(o -> o.id() == oid).findFirst().orElseThrow();
    }

    private List<Override> overrides(long tenantId, String subjectType, String subjectId) {
        return jdbc.query("select id, engine_action, action, reason, by_user, at from decision_override where tenant_id = ?"
                        + " and subject_type = ? and subject_id = ? order by id desc",
                (rs, n) -> new Override(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                        rs.getObject(6, OffsetDateTime.class)), tenantId, subjectType, subjectId);
    }

    static Summary summary(java.sql.ResultSet rs) throws java.sql.SQLException {
        Map<String, Double> p = new java.util.LinkedHashMap<>();
        for (String k : List.of("credit", "logistics", "information", "legal", "political", "natural")) {
            p.put(k, rs.getDouble("p_" + k));
        }
        return new Summary(rs.getLong("id"), rs.getString("assessment_id"), rs.getString("subject_type"),
                rs.getString("subject_id"), rs.getObject("as_of", OffsetDateTime.class), rs.getString("action"),
                rs.getDouble("p_max"), p, rs.getDouble("exposure_usd"), rs.getDouble("expected_loss_usd"),
                rs.getString("versions_id"));
    }

    /** A decision given in the request field {@code field}; an unknown one is refused naming that field. */
    static Action parseAction(String s, String field) {
        try {
            return Action.valueOf(s == null ? "" : s.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new BadRequest(field, (s == null || s.isBlank() ? "is required" : "'" + s + "' is not a decision")
                    + "; use APPROVE, REVIEW, HOLD or BLOCK");
        }
    }

    /**
     * A subject type as a filter: {@code order}, {@code shipment}…, in any case; the plural a path uses
     * ({@code orders}) or an unknown one is refused, where it would have matched nothing.
     */
    public static String subjectType(String s, String field) {
        String v = s.trim().toLowerCase(Locale.ROOT);
        for (io.caravan.risk.SubjectType t : io.caravan.risk.SubjectType.values()) {
            if (t.prefix().equals(v)) {
                return v;
            }
        }
        throw new BadRequest(field, "'" + s + "' is not a subject type; use " + java.util.Arrays.stream(
                io.caravan.risk.SubjectType.values()).map(io.caravan.risk.SubjectType::prefix).collect(java.util.stream.Collectors.joining(", ")));
    }

    static String probabilityColumn(String category) {
        String c = category.trim().toLowerCase(Locale.ROOT);
        if (!List.of("credit", "logistics", "information", "legal", "political", "natural").contains(c)) {
            throw new BadRequest("category", "'" + category + "' is not a risk category; use credit, logistics, information,"
                    + " legal, political or natural");
        }
        return "p_" + c;
    }
}
