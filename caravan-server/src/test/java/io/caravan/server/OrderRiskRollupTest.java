package io.caravan.server;

import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The overview's sums per day and lane: added with every stored batch, equal to the stored assessments they
 * summarise, not added twice when records are re-sent.
 */
class OrderRiskRollupTest {

    private static final JdbcTemplate JDBC = TestServer.get().context().getBean(JdbcTemplate.class);

    private static long tenant(Org org) {
        return JDBC.queryForObject("select id from tenant where slug = ?", Long.class, org.slug);
    }

    @Test
    void twoSingleOrdersOnOneDayAndLaneAddUpToOneRow() {
        Org org = Org.create("rollup-single");
        Client c = org.as(Org.Role.ANALYST);
        c.post("/api/v1/records", IngestApiTest.MERCHANT);
        JsonNode a = c.post("/api/v1/records", IngestApiTest.order("O-1", "M-1", "12.50")).json().get("assessment");
        JsonNode b = c.post("/api/v1/records", IngestApiTest.order("O-2", "M-1", "480.00")).json().get("assessment");

        List<Map<String, Object>> rows = JDBC.queryForList("select * from order_risk_daily where tenant_id = ?", tenant(org));
        assertThat(rows).hasSize(1);
        Map<String, Object> row = rows.get(0);
        assertThat(row.get("day").toString()).isEqualTo("2025-03-02");
        assertThat(row).containsEntry("ship_from", "CN").containsEntry("ship_to", "US").containsEntry("orders", 2L);
        for (String category : List.of("CREDIT", "LOGISTICS", "INFORMATION", "LEGAL", "POLITICAL", "NATURAL")) {
            double expected = highest(a, category) + highest(b, category);
            assertThat((Double) row.get("p_" + category.toLowerCase())).as(category).isCloseTo(expected, within(1e-6));
        }
        assertThat((Double) row.get("exposure_usd")).isCloseTo(a.get("exposure_usd").doubleValue()
                + b.get("exposure_usd").doubleValue(), within(0.01));
        assertThat((Double) row.get("expected_loss_usd")).isCloseTo(a.get("expected_loss_usd").doubleValue()
                + b.get("expected_loss_usd").doubleValue(), within(0.01));
        long decided = (Long) row.get("approved") + (Long) row.get("reviewed") + (Long) row.get("held") + (Long) row.get("blocked");
        assertThat(decided).isEqualTo(2);
    }

    @Test
    void aBulkAddsUpToItsStoredAssessmentsAndAResendAddsNothing() {
        Org org = Org.create("rollup-bulk");
        String world = Worlds.ndjson(Worlds.lines(300));
        assertThat(org.as(Org.Role.INGEST).postNdjson("/api/v1/records", world).status()).isEqualTo(200);
        long t = tenant(org);
        String fromAssessments = "select (a.as_of at time zone 'UTC')::date d, r.ship_from f, r.ship_to t,"
                + " count(*) n, sum(a.p_max) pm, sum(a.p_credit) pc, sum(a.p_logistics) pl, sum(a.p_natural) pn,"
                + " sum(a.expected_loss_usd) el, count(*) filter (where a.action = 'BLOCK') nb"
                + " from assessment a join record r on r.tenant_id = a.tenant_id and r.seq = a.record_seq and r.type = 'order'"
                + " where a.tenant_id = ? and a.subject_type = 'order' group by 1, 2, 3 order by 1, 2, 3";
        String fromSums = "select day d, ship_from f, ship_to t, orders n, p_max pm, p_credit pc, p_logistics pl, p_natural pn,"
                + " expected_loss_usd el, blocked nb from order_risk_daily where tenant_id = ? order by 1, 2, 3";
        List<Map<String, Object>> expected = JDBC.queryForList(fromAssessments, t);
        assertThat(expected).hasSizeGreaterThan(10);
        assertSame(JDBC.queryForList(fromSums, t), expected);
        assertThat(JDBC.queryForObject("select sum(orders) from order_risk_daily where tenant_id = ?", Long.class, t))
                .isEqualTo(300);

        org.as(Org.Role.INGEST).postNdjson("/api/v1/records", world);
        assertSame(JDBC.queryForList(fromSums, t), expected);
    }

    private static void assertSame(List<Map<String, Object>> actual, List<Map<String, Object>> expected) {
        assertThat(actual).hasSameSizeAs(expected);
        for (int i = 0; i < expected.size(); i++) {
            for (Map.Entry<String, Object> e : expected.get(i).entrySet()) {
                Object v = actual.get(i).get(e.getKey());
                if (e.getValue() instanceof Double d) {
                    assertThat((Double) v).as("row %d, %s", i, e.getKey()).isCloseTo(d, within(1e-9));
                } else {
                    assertThat(String.valueOf(v)).as("row %d, %s", i, e.getKey()).isEqualTo(String.valueOf(e.getValue()));
                }
            }
        }
    }

    /** The highest probability among an assessment's estimates of one category (the stored p_ columns). */
    private static double highest(JsonNode assessment, String category) {
        double p = 0;
        for (JsonNode e : assessment.get("estimates")) {
            if (e.get("category").stringValue().equals(category)) {
                p = Math.max(p, e.get("probability").doubleValue());
            }
        }
        return p;
    }
}
