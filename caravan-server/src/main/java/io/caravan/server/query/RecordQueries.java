package io.caravan.server.query;

import io.caravan.server.ingest.ParsedRecord;
import io.caravan.server.ingest.RawJson;
import io.caravan.server.web.ApiException;
import io.caravan.server.web.PageRequest;
import io.caravan.server.web.Where;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import tools.jackson.databind.annotation.JsonSerialize;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Lists and fetches stored records of one type with the newest assessment of each (for assessable types).
 * A participant is listed once, in its newest version.
 */
@Component
public class RecordQueries {

    /** A record with the decision on it. */
    public record Item(long seq, String id, OffsetDateTime at, RawJson record, String assessmentId, String action,
                       @JsonSerialize(using = Rounded.Probability.class) Double pMax,
                       @JsonSerialize(using = Rounded.Usd.class) Double expectedLossUsd) {
    }

    static final Map<String, String> SORTABLE = Map.of("at", "r.at", "id", "r.record_id", "seq", "r.seq",
            "p_max", "a.p_max", "expected_loss_usd", "a.expected_loss_usd");

    /** The sort keys of records that are never assessed themselves (tracking events, outcomes, hazards, political events). */
    static final Map<String, String> RECORD_SORTABLE = Map.of("at", "r.at", "id", "r.record_id", "seq", "r.seq");

    /** The record types the engine assesses; their lists carry each record's newest decision. */
    static final Set<String> ASSESSED = java.util.Arrays.stream(io.caravan.risk.SubjectType.values())
            .map(io.caravan.risk.SubjectType::prefix).collect(java.util.stream.Collectors.toUnmodifiableSet());

    private final JdbcTemplate jdbc;

    public RecordQueries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Risk grades: bands of the newest assessment's highest probability, A lowest. Bands, not a model: they make
     * a list scannable; the probability beside each is what decides.
     */
    public enum Grade {
        A(0, 0.01), B(0.01, 0.05), C(0.05, 0.15), D(0.15, 0.40), E(0.40, 1.01);

        private final double from;
        private final double below;

        Grade(double from, double below) {
            this.from = from;
            this.below = below;
        }

        public double from() {
            return from;
        }

        public double below() {
            return below;
        }

        public static Grade of(double p) {
            for (Grade g : values()) {
                if (p < g.below) {
                    return g;
                }
            }
            return E;
        }
    }

    /** A participant's qualifications as its open alerts say: one lapsed or missing, one expiring, or neither. */
    public enum Qualifications { LAPSED, EXPIRING, IN_ORDER }

    /** A filter on a top-level JSON field of the record that has its own column, e.g. {@code merchant_id}. */
    public record FieldFilter(String field, String value) {
    }

    public PageRequest.Page<Item> list(long tenantId, String type, List<FieldFilter> filters, String nameContains,
                                       String action, OffsetDateTime from, OffsetDateTime to, PageRequest page) {
        return list(tenantId, type, filters, nameContains, action, null, null, from, to, page);
    }

    /**
     * As above, also by the band of the newest assessment's highest probability ({@code grade}) and, for
     * participants, by the qualification alerts open on them.
     */
    public PageRequest.Page<Item> list(long tenantId, String type, List<FieldFilter> filters, String nameContains,
                                       String action, Grade grade, Qualifications qualifications, OffsetDateTime from,
                                       OffsetDateTime to, PageRequest page) {
        // The type is written into the statement (it comes from a fixed set) so the planner can use the partial indexes.
        Where w = new Where("r.tenant_id", tenantId).andNamed("r.type", type);
        for (FieldFilter f : filters) {
            w.and("r." + column(f.field()) + " = ?", f.value());
        }
        w.and("r.legal_name ilike ?", nameContains == null || nameContains.isBlank() ? null
                : "%" + nameContains.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
        // The decision too, for the same reason: each kind of subject and decision has an index of its own (schema 10).
        if (action != null) {
            w.andNamed("a.action", AssessmentController.parseAction(action, "decision").name());
        }
        if (from != null && to != null && !to.isAfter(from)) {
            throw new io.caravan.server.web.BadRequest("to", "'" + to + "' is not after from '" + from + "'; the range is from"
                    + " (included) to (excluded)");
        }
        w.and("r.at >= ?", from).and("r.at < ?", to);
        if (grade != null) {
            w.and("a.p_max >= ?", grade.from()).and("a.p_max < ?", grade.below());
        }
        if (qualifications != null) {
            String open = "exists (select 1 from alert q where q.tenant_id = r.tenant_id and q.subject_type = 'participant'"
                    + " and q.subject_id = r.record_id and q.status <> 'CLOSED' and q.kind = ";
            w.and(switch (qualifications) {
                case LAPSED -> open + "'qualification_expired')";
                case EXPIRING -> open + "'qualification_expiring') and not " + open + "'qualification_expired')";
                case IN_ORDER -> "not " + open + "'qualification_expired') and not " + open + "'qualification_expiring')";
            });
        }
        if (type.equals("participant")) {
            // a participant's newest version; as a per-row lookup, which the planner always runs on the index by id
            w.and("r.seq = (select max(n.seq) from record n where n.tenant_id = r.tenant_id and n.type = 'participant'"
                    + " and n.record_id = r.record_id)");
        }
        String actionName = action == null ? null : AssessmentController.parseAction(action, "decision").name();
        // Orders filtered by decision, shipments, payments and listings not approved (schemas 10 and 12), and all four
        // ranked by probability, are found from the assessments' indexes, each joined to its record, rather than by
        // finding every record's newest assessment first. An order, a payment and a listing have one assessment each,
        // as of the record's time; a shipment may have been assessed again when an event reached it on its way, and
        // only its newest assessment counts. Approved shipments, payments and listings, nearly all of them, are found
        // from the records, newest first.
        boolean decisionIndexed = actionName != null && (type.equals("order") || !actionName.equals("APPROVE"));
        boolean byAssessment = LISTED_FROM_ASSESSMENTS.contains(type) && (decisionIndexed || page.orderBy().startsWith("a.p_max"));
        String from_ = byAssessment
                ? " from assessment a join record r on r.tenant_id = a.tenant_id and r.type = " + Where.literal(type) + " and r.record_key = a.subject_id"
                : " from record r left join lateral (select assessment_id, action, p_max, expected_loss_usd from assessment x"
                + " where x.tenant_id = r.tenant_id and x.subject_id = r.record_id and x.subject_type = r.type"
                + " order by x.as_of desc, x.id desc limit 1) a on true";
        if (byAssessment) {
            w.andNamed("a.subject_type", type);
            if (type.equals("shipment")) {
                w.and("not exists (select 1 from assessment b where b.tenant_id = a.tenant_id and b.subject_id = a.subject_id"
                        + " and b.subject_type = a.subject_type and (b.as_of, b.id) > (a.as_of, a.id))");
            }
        }
        // Only the assessment's columns can be null (a record not assessed); the records' own sort keys never are,
        // and "nulls last" on them would keep the planner from walking their index backwards.
        // The assessments' time stands for the records' own where the two are equal, so that its index gives the order.
        String orderBy = byAssessment && !type.equals("shipment") ? page.orderBy().replace("r.at", "a.as_of")
                : byAssessment ? page.orderBy()
                : page.orderBy().startsWith("a.") ? page.orderBy() + " nulls last" : page.orderBy();
        List<Item> items = jdbc.query("select r.seq, r.record_id, r.at, r.body, a.assessment_id, a.action, a.p_max,"
                        + " a.expected_loss_usd" + from_ + w.sql() + " order by " + orderBy + " limit ? offset ?",
                (rs, n) -> item(rs), w.params(page.size(), page.offset()));

        boolean filtered = !filters.isEmpty() || nameContains != null && !nameContains.isBlank() || action != null || grade != null
                || qualifications != null || from != null || to != null;
        if (type.equals("order") && nameContains == null && grade == null && qualifications == null && from == null && to == null
                && filters.stream().allMatch(f -> f.field().equals("ship_from") || f.field().equals("ship_to"))) {
            return page.page(items, ordersFromSums(tenantId, filters, actionName));
        }
        if (!filtered && byAssessment) {
            // ranked by probability without a filter: every record of the type, counted from the records alone
            Where records = new Where("r.tenant_id", tenantId).andNamed("r.type", type);
            return page.page(items, jdbc.queryForObject("select count(*) from record r" + records.sql(), Long.class,
                    records.params()));
        }
        if (!filtered || type.equals("participant")) {
            // without a filter on the assessment the count needs only the records (an index-only scan)
            boolean joined = action != null || grade != null;
            return page.page(items, jdbc.queryForObject("select count(*)" + (joined ? from_ : " from record r") + w.sql(), Long.class,
                    w.params()));
        }
        // Counting every match of a filter over a large store costs more than the page: count up to a cap.
        boolean needsAssessment = byAssessment || action != null || grade != null;
        return countedUpToCap(jdbc, page, items, (needsAssessment ? from_ : " from record r") + w.sql(), w.params());
    }

    /**
     * The page with the count of the matches of {@code fromAndWhere} ("from … where …"), stopped at {@link #COUNT_CAP}:
     * counting every match of a filter over a large store costs more than the page itself.
     */
    static <T> PageRequest.Page<T> countedUpToCap(JdbcTemplate jdbc, PageRequest page, List<T> items, String fromAndWhere,
                                                 Object[] params) {
        long n = jdbc.queryForObject("select count(*) from (select 1" + fromAndWhere + " limit " + (COUNT_CAP + 1) + ") c",
                Long.class, params);
        return n > COUNT_CAP ? page.pageAtLeast(items, COUNT_CAP) : page.page(items, n);
    }

    /** The record types whose lists by decision or probability can start from the assessments' indexes. */
    private static final Set<String> LISTED_FROM_ASSESSMENTS = Set.of("order", "shipment", "payment", "listing");

    /** Counts stop here for filters the stored sums cannot answer; the list then says "1000+". */
    public static final int COUNT_CAP = 1_000;

    /** Orders by lane and decision, counted from the sums kept per day and lane (order_risk_daily). */
    private long ordersFromSums(long tenantId, List<FieldFilter> lane, String action) {
        String column = action == null ? "orders" : switch (io.caravan.risk.Action.valueOf(action)) {
            case APPROVE -> "approved";
            case REVIEW -> "reviewed";
            case HOLD -> "held";
            case BLOCK -> "blocked";
        };
        Where w = new Where("tenant_id", tenantId);
        for (FieldFilter f : lane) {
            w.and(f.field() + " = ?", f.value());
        }
        return jdbc.queryForObject("select coalesce(sum(" + column + "), 0) from order_risk_daily" + w.sql(), Long.class, w.params());
    }

    /** The newest version of a record, or 404. */
    public Item get(long tenantId, String type, String id) {
        List<Item> items = jdbc.query("select r.seq, r.record_id, r.at, r.body, a.assessment_id, a.action, a.p_max,"
                        + " a.expected_loss_usd from record r left join lateral (select assessment_id, action, p_max,"
                        + " expected_loss_usd from assessment x where x.tenant_id = r.tenant_id and x.subject_id = r.record_id"
                        + " and x.subject_type = r.type order by x.as_of desc, x.id desc limit 1) a on true"
                        + " where r.tenant_id = ? and r.type = " + Where.literal(type) + " and "
                        + (type.equals("participant") ? "r.record_id" : "r.record_key") + " = ? order by r.seq desc limit 1",
                (rs, n) -> item(rs), tenantId, id);
        if (items.isEmpty()) {
            throw ApiException.notFound(type, id);
        }
        return items.get(0);
    }

    /** Records of {@code type} whose filter field equals a value, oldest first (e.g. a shipment's tracking events). */
    public List<Item> referencing(long tenantId, String type, String field, String value, int limit) {
        // "offset 0" keeps the planner on the field's index: ordering by time first would walk every record of the type
        return jdbc.query("select * from (select r.seq, r.record_id, r.at, r.body, null assessment_id, null action,"
                        + " null p_max, null expected_loss_usd from record r where r.tenant_id = ? and r.type = " + Where.literal(type)
                        + " and r." + column(field) + " = ? offset 0) r order by r.at, r.seq limit ?", (rs, n) -> item(rs),
                tenantId, value, limit);
    }

    /** A field the lists filter on, as the record table's column that holds it; any other field is a bug in the caller. */
    private static String column(String field) {
        if (!ParsedRecord.FILTER_COLUMNS.contains(field)) {
            throw new IllegalArgumentException("records are not filtered by '" + field + "'; the filter fields are "
                    + ParsedRecord.FILTER_COLUMNS);
        }
        return field;
    }

    private static Item item(java.sql.ResultSet rs) throws java.sql.SQLException {
        double p = rs.getDouble(7);
        Double pMax = rs.wasNull() ? null : p;
        double el = rs.getDouble(8);
        Double loss = rs.wasNull() ? null : el;
        return new Item(rs.getLong(1), rs.getString(2), rs.getObject(3, OffsetDateTime.class), new RawJson(rs.getString(4)),
                rs.getString(5), rs.getString(6), pMax, loss);
    }
}
