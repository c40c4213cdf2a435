package io.caravan.server.dashboard;

import io.caravan.risk.RiskCategory;
import io.caravan.server.alerts.Severity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The overview's figures. Order risk comes from {@code order_risk_daily} (sums per day and lane, kept with
 * every stored batch), so a chart reads a few thousand rows however many orders are stored; the riskiest
 * subjects and the alert queue come from their indexes.
 */
@Component
public class OverviewQueries {

    /** Severities, most severe first, as queues show them. */
    static final List<Severity> SEVERITIES = List.of(Severity.CRITICAL, Severity.HIGH, Severity.MEDIUM, Severity.LOW);

    /** The days the overview calls "now": the last 30 days with orders. */
    public static final int RECENT_DAYS = 30;

    /** Mean probabilities of a set of order assessments. */
    public record Risk(long orders, double pMax, Map<RiskCategory, Double> byCategory, double exposureUsd,
                       double expectedLossUsd, long approved, long reviewed, long held, long blocked) {

        public double mean(String category) {
            return "max".equals(category) ? pMax : byCategory.get(RiskCategory.valueOf(category.toUpperCase(Locale.ROOT)));
        }
    }

    public record Day(LocalDate day, Risk risk) {
    }

    public record Place(String country, Risk risk) {
    }

    public record Lane(String from, String to, Risk risk) {
    }

    public record Subject(String assessmentId, String subjectId, OffsetDateTime asOf, String action, double pMax,
                          double expectedLossUsd) {
    }

    /** Open alerts by severity and by age, the age counted from the alert's record to the end of the newest day with orders. */
    public record AlertAges(Map<String, long[]> bySeverity, List<String> ages, long total) {
    }

    private static final String SUMS = "sum(orders), sum(p_max), sum(p_credit), sum(p_logistics), sum(p_information),"
            + " sum(p_legal), sum(p_political), sum(p_natural), sum(exposure_usd), sum(expected_loss_usd),"
            + " sum(approved), sum(reviewed), sum(held), sum(blocked)";

    private final JdbcTemplate jdbc;

    public OverviewQueries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The newest day with orders, or null when there are none. */
    public LocalDate newestDay(long tenantId) {
        return jdbc.queryForObject("select max(day) from order_risk_daily where tenant_id = ?", LocalDate.class, tenantId);
    }

    public Risk recent(long tenantId, LocalDate newest) {
        return jdbc.queryForObject("select " + SUMS + " from order_risk_daily where tenant_id = ? and day > ?",
                (rs, n) -> risk(rs, 1), tenantId, Date.valueOf(newest.minusDays(RECENT_DAYS)));
    }

    public List<Day> byDay(long tenantId) {
        return jdbc.query("select day, " + SUMS + " from order_risk_daily where tenant_id = ? group by day order by day",
                (rs, n) -> new Day(rs.getObject(1, LocalDate.class), risk(rs, 2)), tenantId);
    }

    public List<Place> byDestination(long tenantId, LocalDate newest) {
        return jdbc.query("select ship_to, " + SUMS + " from order_risk_daily where tenant_id = ? and day > ?"
                        + " group by ship_to order by ship_to",
                (rs, n) -> new Place(rs.getString(1), risk(rs, 2)), tenantId, Date.valueOf(newest.minusDays(RECENT_DAYS)));
    }

    /** The lanes with the highest mean risk in the recent days, among those with at least {@code minOrders}. */
    public List<Lane> riskiestLanes(long tenantId, LocalDate newest, String category, int minOrders, int limit) {
        String column = column(category);
        return jdbc.query("select ship_from, ship_to, " + SUMS + " from order_risk_daily where tenant_id = ? and day > ?"
                        + " group by ship_from, ship_to having sum(orders) >= ? order by sum(" + column + ") / sum(orders) desc,"
                        + " ship_from, ship_to limit ?",
                (rs, n) -> new Lane(rs.getString(1), rs.getString(2), risk(rs, 3)), tenantId,
                Date.valueOf(newest.minusDays(RECENT_DAYS)), minOrders, limit);
    }

    /** The orders assessed riskiest in the recent days. */
    public List<Subject> riskiestOrders(long tenantId, LocalDate newest, int limit) {
        return jdbc.query("select assessment_id, subject_id, as_of, action, p_max, expected_loss_usd from assessment"
                        + " where tenant_id = ? and subject_type = 'order' and as_of >= ? order by p_max desc, id limit ?",
                (rs, n) -> subject(rs), tenantId,
                OffsetDateTime.of(newest.minusDays(RECENT_DAYS - 1).atStartOfDay(), java.time.ZoneOffset.UTC), limit);
    }

    /** The participants whose newest assessment is riskiest. */
    public List<Subject> riskiestParticipants(long tenantId, int limit) {
        // each participant's newest assessment from the index by subject: a participant is assessed anew with every
        // record about it, so its history grows far beyond the number of participants
        return jdbc.query("select a.assessment_id, a.subject_id, a.as_of, a.action, a.p_max, a.expected_loss_usd"
                        + " from (select distinct record_id from record where tenant_id = ? and type = 'participant') p"
                        + " cross join lateral (select * from assessment x where x.tenant_id = ? and x.subject_id = p.record_id"
                        + " and x.subject_type = 'participant' order by x.as_of desc, x.id desc limit 1) a"
                        + " order by a.p_max desc, a.subject_id limit ?",
                (rs, n) -> subject(rs), tenantId, tenantId, limit);
    }

    public AlertAges openAlerts(long tenantId) {
        List<String> ages = List.of("under a day", "1–7 days", "7–30 days", "over 30 days");
        Map<String, long[]> bySeverity = new LinkedHashMap<>();
        for (Severity s : SEVERITIES) {
            bySeverity.put(s.name(), new long[ages.size()]);
        }
        long[] total = new long[1];
        // the clock is the end of the newest day with orders (a few rows of sums), or for an organisation without
        // orders its newest alert
        jdbc.query("with clock as (select coalesce((select max(day) + 1 from order_risk_daily where tenant_id = ?)::timestamptz,"
                + " (select max(last_raised) from alert where tenant_id = ?), now()) t)"
                + " select severity, case when clock.t - first_raised < interval '1 day' then 0"
                + " when clock.t - first_raised < interval '7 days' then 1 when clock.t - first_raised < interval '30 days' then 2"
                + " else 3 end, count(*) from alert, clock where tenant_id = ? and status in ('OPEN', 'IN_CASE') group by 1, 2",
                (ResultSet rs) -> {
                    bySeverity.get(rs.getString(1))[rs.getInt(2)] += rs.getLong(3);
                    total[0] += rs.getLong(3);
                }, tenantId, tenantId, tenantId);
        return new AlertAges(bySeverity, ages, total[0]);
    }

    /** The column of a category's sum, {@code max} for the highest of the six. */
    static String column(String category) {
        if ("max".equals(category)) {
            return "p_max";
        }
        return "p_" + RiskCategory.valueOf(category.toUpperCase(Locale.ROOT)).name().toLowerCase(Locale.ROOT);
    }

    private static Subject subject(ResultSet rs) throws SQLException {
        return new Subject(rs.getString(1), rs.getString(2), rs.getObject(3, OffsetDateTime.class), rs.getString(4),
                rs.getDouble(5), rs.getDouble(6));
    }

    private static Risk risk(ResultSet rs, int at) throws SQLException {
        long orders = rs.getLong(at);
        double n = Math.max(1, orders);
        Map<RiskCategory, Double> by = new EnumMap<>(RiskCategory.class);
        int i = at + 2;
        for (RiskCategory c : RiskCategory.values()) {
            by.put(c, rs.getDouble(i++) / n);
        }
        return new Risk(orders, rs.getDouble(at + 1) / n, by, rs.getDouble(i), rs.getDouble(i + 1),
                rs.getLong(i + 2), rs.getLong(i + 3), rs.getLong(i + 4), rs.getLong(i + 5));
    }
}
