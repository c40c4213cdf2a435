package io.caravan.server.ingest;

import io.caravan.domain.Order;
import io.caravan.risk.Action;
import io.caravan.risk.Assessment;
import io.caravan.risk.RiskCategory;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A batch's order assessments summed by day and lane, added to {@code order_risk_daily} with the batch. The
 * dashboard's overview reads those sums instead of aggregating every assessment.
 */
final class OrderRiskRollup {

    /** One row's sums: orders, then p_max and the six categories, exposure, expected loss, then the decisions. */
    record Row(LocalDate day, String shipFrom, String shipTo, double[] sums, long[] counts) {
    }

    private static final int P_MAX = 0;
    private static final int EXPOSURE = 1 + RiskCategory.values().length;

    private record Key(LocalDate day, String shipFrom, String shipTo) {
    }

    private final Map<Key, Row> rows = new LinkedHashMap<>();

    void add(Order order, Assessment a) {
        Key key = new Key(LocalDate.ofInstant(a.asOf(), ZoneOffset.UTC), order.shipFrom().value(), order.shipTo().value());
        Row r = rows.computeIfAbsent(key, k -> new Row(k.day(), k.shipFrom(), k.shipTo(), new double[EXPOSURE + 2],
                new long[1 + Action.values().length]));
        double[] s = r.sums();
        int i = 1;
        for (RiskCategory c : RiskCategory.values()) {
            s[i++] += a.probability(c);
        }
        s[P_MAX] += RecordStore.highest(a);
        s[EXPOSURE] += a.exposureUsd();
        s[EXPOSURE + 1] += a.expectedLossUsd();
        r.counts()[0]++;
        r.counts()[1 + a.decision().action().ordinal()]++;
    }

    boolean isEmpty() {
        return rows.isEmpty();
    }

    /** The upsert's parameters, one array per row, in the column order of {@link #UPSERT}. */
    List<Object[]> parameters(long tenantId) {
        List<Object[]> out = new ArrayList<>(rows.size());
        for (Row r : rows.values()) {
            Object[] p = new Object[5 + r.sums().length + Action.values().length];
            p[0] = tenantId;
            p[1] = r.day();
            p[2] = r.shipFrom();
            p[3] = r.shipTo();
            p[4] = r.counts()[0];
            int k = 5;
            for (double v : r.sums()) {
                p[k++] = v;
            }
            for (int j = 1; j < r.counts().length; j++) {
                p[k++] = r.counts()[j];
            }
            out.add(p);
        }
        return out;
    }

    /** The table and its columns, in the order of {@link #parameters}. Column order: RiskCategory, then Action, as declared. */
    static final String INTO = "order_risk_daily (tenant_id, day, ship_from, ship_to, orders, p_max, p_credit, p_logistics,"
            + " p_information, p_legal, p_political, p_natural, exposure_usd, expected_loss_usd, approved, reviewed, held, blocked)";

    /** Adds a row's sums to the stored ones. */
    static final String ON_CONFLICT = " on conflict (tenant_id, day, ship_from, ship_to) do update set"
            + " orders = order_risk_daily.orders + excluded.orders,"
            + " p_max = order_risk_daily.p_max + excluded.p_max,"
            + " p_credit = order_risk_daily.p_credit + excluded.p_credit,"
            + " p_logistics = order_risk_daily.p_logistics + excluded.p_logistics,"
            + " p_information = order_risk_daily.p_information + excluded.p_information,"
            + " p_legal = order_risk_daily.p_legal + excluded.p_legal,"
            + " p_political = order_risk_daily.p_political + excluded.p_political,"
            + " p_natural = order_risk_daily.p_natural + excluded.p_natural,"
            + " exposure_usd = order_risk_daily.exposure_usd + excluded.exposure_usd,"
            + " expected_loss_usd = order_risk_daily.expected_loss_usd + excluded.expected_loss_usd,"
            + " approved = order_risk_daily.approved + excluded.approved, reviewed = order_risk_daily.reviewed + excluded.reviewed,"
            + " held = order_risk_daily.held + excluded.held, blocked = order_risk_daily.blocked + excluded.blocked";

    /** One row's upsert, with the parameters of {@link #parameters}. */
    static final String UPSERT = "insert into " + INTO + " values (?" + ", ?".repeat(17) + ")" + ON_CONFLICT;
}
