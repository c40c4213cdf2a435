package io.caravan.server.query;

import io.caravan.server.ingest.RawJson;
import io.caravan.server.web.ApiException;
import io.caravan.server.web.PageRequest;
import io.caravan.server.web.Where;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/**
 * Lists and fetches stored records of one type with the newest assessment of each (for assessable types).
 * A participant is listed once, in its newest version.
 */
@Component
public class RecordQueries {

    /** A record with the decision on it. */
    public record Item(long seq, String id, OffsetDateTime at, RawJson record, String assessmentId, String action,
                       Double pMax, Double expectedLossUsd) {
    }

    static final Map<String, String> SORTABLE = Map.of("at", "r.at", "id", "r.record_id", "seq", "r.seq",
            "p_max", "a.p_max", "expected_loss_usd", "a.expected_loss_usd");

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

    /** A filter on a top-level JSON field of the record, e.g. {@code merchant_id}. */
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
        Where w = new Where("r.tenant_id", tenantId).and("r.type = " + literal(type));
        for (FieldFilter f : filters) {
            if (!f.field().matches("[a-z_]+")) {
                throw new IllegalArgumentException(f.field());
            }
            w.and("r.body ->> '" + f.field() + "' = ?", f.value());
        }
        w.and("r.body ->> 'legal_name' ilike ?", nameContains == null || nameContains.isBlank() ? null
                : "%" + nameContains.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
        w.and("a.action = ?", action == null ? null : AssessmentController.parseAction(action, "decision").name());
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
            w.and("not exists (select 1 from record n where n.tenant_id = r.tenant_id and n.type = r.type"
                    + " and n.record_id = r.record_id and n.seq > r.seq)");
        }
        String from_ = " from record r left join lateral (select assessment_id, action, p_max, expected_loss_usd from assessment x"
                + " where x.tenant_id = r.tenant_id and x.subject_id = r.record_id and x.subject_type = r.type"
                + " order by x.as_of desc, x.id desc limit 1) a on true";
        // The lateral join yields exactly one row per record, so without a decision filter the count needs only the records.
        boolean joined = action != null || grade != null;
        long total = jdbc.queryForObject("select count(*)" + (joined ? from_ : " from record r") + w.sql(), Long.class, w.params());
        List<Item> items = jdbc.query("select r.seq, r.record_id, r.at, r.body::text, a.assessment_id, a.action, a.p_max,"
                        + " a.expected_loss_usd" + from_ + w.sql() + " order by " + page.orderBy() + " limit ? offset ?",
                (rs, n) -> item(rs), w.params(page.size(), page.offset()));
        return page.page(items, total);
    }

    /** The newest version of a record, or 404. */
    public Item get(long tenantId, String type, String id) {
        List<Item> items = jdbc.query("select r.seq, r.record_id, r.at, r.body::text, a.assessment_id, a.action, a.p_max,"
                        + " a.expected_loss_usd from record r left join lateral (select assessment_id, action, p_max,"
                        + " expected_loss_usd from assessment x where x.tenant_id = r.tenant_id and x.subject_id = r.record_id"
                        + " and x.subject_type = r.type order by x.as_of desc, x.id desc limit 1) a on true"
                        + " where r.tenant_id = ? and r.type = " + literal(type) + " and "
                        + (type.equals("participant") ? "r.record_id" : "r.record_key") + " = ? order by r.seq desc limit 1",
                (rs, n) -> item(rs), tenantId, id);
        if (items.isEmpty()) {
            throw ApiException.notFound(type, id);
        }
        return items.get(0);
    }

    /** Records of {@code type} whose JSON field equals a value, oldest first (e.g. a shipment's tracking events). */
    public List<Item> referencing(long tenantId, String type, String field, String value, int limit) {
        return jdbc.query("select r.seq, r.record_id, r.at, r.body::text, null assessment_id, null action, null p_max,"
                        + " null expected_loss_usd from record r where r.tenant_id = ? and r.type = " + literal(type)
                        + " and r.body ->> " + literal(field) + " = ? order by r.at, r.seq limit ?", (rs, n) -> item(rs), tenantId,
                value, limit);
    }

    /** A type or field name as an SQL literal; only lower-case names, which come from code, never from callers. */
    private static String literal(String name) {
        if (!name.matches("[a-z_-]+")) {
            throw new IllegalArgumentException("not a type or field name: " + name);
        }
        return "'" + name + "'";
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
