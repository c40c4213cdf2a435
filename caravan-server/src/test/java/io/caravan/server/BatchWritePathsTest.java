package io.caravan.server;

import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A batch of up to 64 records is stored in one statement, a larger one with COPY in a transaction. The same
 * records must leave the same rows either way: records, assessments (bodies byte for byte), alerts and the sums
 * by day and lane (to nine significant digits: they are sums of doubles, added batch by batch).
 */
class BatchWritePathsTest {

    private static final JdbcTemplate JDBC = TestServer.get().context().getBean(JdbcTemplate.class);

    @Test
    void recordsSentOneByOneStoreTheSameRowsAsOneBulk() {
        List<String> lines = Worlds.lines(200);
        assertThat(lines).hasSizeGreaterThan(200); // one bulk chunk of more than 64 records: the COPY path

        Org bulk = Org.create("paths-bulk");
        assertThat(bulk.as(Org.Role.INGEST).postNdjson("/api/v1/records", Worlds.ndjson(lines)).json()
                .get("accepted").intValue()).isEqualTo(lines.size());

        Org single = Org.create("paths-single");
        Client c = single.as(Org.Role.INGEST);
        for (String line : lines) {
            assertThat(c.post("/api/v1/records", line).status()).as(line).isEqualTo(201);
        }

        assertSameRows(single, bulk);
    }

    /**
     * A small batch's columns go to PostgreSQL as binary arrays, a bulk's rows through binary COPY. Text that JSON and
     * array literals both escape (quotes, backslashes), and text beyond ASCII, must arrive the same either way and as sent.
     */
    @Test
    void textThatNeedsEscapingIsStoredAsSentByBothPaths() {
        List<String> participants = Worlds.lines(200).stream().filter(l -> l.contains("\"caravan.participant.v1\"")).toList();
        assertThat(participants).hasSizeGreaterThan(64); // one bulk chunk of more than 64 records: the COPY path
        String name = "\u00dcnal \\\"Kuzey\\\" \\\\ Ticaret \u5317\u4eac {a,b} 'x'";
        List<String> lines = new java.util.ArrayList<>(participants);
        lines.set(0, participants.get(0).replaceFirst("\"legal_name\":\"[^\"]*\"",
                java.util.regex.Matcher.quoteReplacement("\"legal_name\":\"" + name + "\"")));
        assertThat(lines.get(0)).isNotEqualTo(participants.get(0));

        Org single = Org.create("paths-escaping-single");
        Client c = single.as(Org.Role.INGEST);
        for (String line : lines) {
            assertThat(c.post("/api/v1/records", line).status()).as(line).isEqualTo(201);
        }
        Org bulk = Org.create("paths-escaping-bulk");
        assertThat(bulk.as(Org.Role.INGEST).postNdjson("/api/v1/records", Worlds.ndjson(lines)).json()
                .get("accepted").intValue()).isEqualTo(lines.size());

        String stored = JDBC.queryForObject("select legal_name from record where tenant_id = ? and seq = 1", String.class,
                tenant(single));
        assertThat(stored).isEqualTo("\u00dcnal \"Kuzey\" \\ Ticaret \u5317\u4eac {a,b} 'x'");
        assertSameRows(single, bulk, false);
    }

    /**
     * Single records sent at once by many clients are cut into batches of several records as they queue. Whatever the
     * order they were accepted in, the rows must be those of one bulk of the same records in that order.
     */
    @Test
    void concurrentSingleRecordsStoreWhatABulkInTheirAcceptedOrderWould() throws Exception {
        List<String> lines = Worlds.lines(200);
        int firstOrder = 0;
        while (!lines.get(firstOrder).contains("\"caravan.order.v1\"")) {
            firstOrder++;
        }
        List<String> setUp = lines.subList(0, firstOrder); // participants and listings first: orders then find them
        List<String> rest = lines.subList(firstOrder, lines.size());

        Org concurrent = Org.create("paths-concurrent");
        Client c = concurrent.as(Org.Role.INGEST);
        assertThat(c.postNdjson("/api/v1/records", Worlds.ndjson(setUp)).json().get("accepted").intValue())
                .isEqualTo(setUp.size());
        var pool = java.util.concurrent.Executors.newFixedThreadPool(16);
        try {
            List<java.util.concurrent.Future<Integer>> sent = new java.util.ArrayList<>();
            for (String line : rest) {
                sent.add(pool.submit(() -> c.post("/api/v1/records", line).status()));
            }
            for (var f : sent) {
                assertThat(f.get()).isEqualTo(201);
            }
        } finally {
            pool.shutdown();
        }
        long tenant = tenant(concurrent);
        Long batches = JDBC.queryForObject("select count(distinct received_at) from record where tenant_id = ? and seq > ?",
                Long.class, tenant, (long) setUp.size());
        assertThat(batches).as("batches of several records").isLessThan(rest.size());

        List<String> accepted = JDBC.queryForList("select body from record where tenant_id = ? order by seq", String.class, tenant);
        Org inOrder = Org.create("paths-in-order");
        assertThat(inOrder.as(Org.Role.INGEST).postNdjson("/api/v1/records", Worlds.ndjson(accepted)).json()
                .get("accepted").intValue()).isEqualTo(lines.size());
        assertSameRows(concurrent, inOrder);
    }

    private static void assertSameRows(Org single, Org bulk) {
        assertSameRows(single, bulk, true);
    }

    /** The same rows in every ingest table; without orders, the sums by day and lane and the alerts may be empty. */
    private static void assertSameRows(Org single, Org bulk, boolean withOrders) {
        for (String query : List.of(
                "select seq, type, record_id, record_key, at, digest, body, merchant_id, marketplace_id, ship_from, ship_to,"
                        + " order_id, forwarder_id, seller_id, shipment_id, kind, country, legal_name from record"
                        + " where tenant_id = ? order by seq",
                "select assessment_id, subject_type, subject_id, as_of, record_seq, action, p_max, p_credit, p_logistics,"
                        + " p_information, p_legal, p_political, p_natural, exposure_usd, expected_loss_usd, versions_id, body"
                        + " from assessment where tenant_id = ? order by record_seq, assessment_id",
                "select kind, severity, subject_type, subject_id, dedup_key, title, detail, assessment_id, occurrences,"
                        + " first_raised, last_raised, status from alert where tenant_id = ? order by dedup_key",
                "select * from order_risk_daily where tenant_id = ? order by day, ship_from, ship_to")) {
            List<Map<String, Object>> one = rows(query, single);
            List<Map<String, Object>> all = rows(query, bulk);
            if (withOrders || query.contains("from record") || query.contains("from assessment")) {
                assertThat(all).as(query).isNotEmpty();
            }
            assertThat(one).as(query).hasSameSizeAs(all);
            for (int i = 0; i < all.size(); i++) {
                for (var e : all.get(i).entrySet()) {
                    if (e.getKey().equals("tenant_id")) {
                        continue;
                    }
                    if (query.contains("order_risk_daily") && e.getValue() instanceof Double sum) {
                        // Sums of doubles: grouped by batch, the additions run in another order and may differ in the
                        // last bits (107.14999999999999 against 107.15).
                        assertThat((Double) one.get(i).get(e.getKey())).as("%s, row %d, %s", query, i, e.getKey())
                                .isCloseTo(sum, org.assertj.core.data.Offset.offset(1e-9 * Math.max(1, Math.abs(sum))));
                        continue;
                    }
                    assertThat(text(one.get(i).get(e.getKey()))).as("%s, row %d, %s", query, i, e.getKey())
                            .isEqualTo(text(e.getValue()));
                }
            }
        }
    }

    /**
     * Two drafts of one alert, the later-raised one first (records may arrive out of time order): merged within one
     * batch, or the second merged into the stored alert by the next batch, they must leave the same row.
     */
    @Test
    void anAlertMergedWithinABatchEqualsOneMergedAcrossTwo() {
        var store = TestServer.get().context().getBean(io.caravan.server.ingest.RecordStore.class);
        var later = new io.caravan.server.alerts.AlertDraft("risk_threshold", io.caravan.server.alerts.Severity.HIGH,
                "participant", "M-1", "HOLD participant M-1", "late payments", "participant:M-1@2",
                java.time.Instant.parse("2025-06-09T12:00:00Z"));
        var earlier = new io.caravan.server.alerts.AlertDraft("risk_threshold", io.caravan.server.alerts.Severity.MEDIUM,
                "participant", "M-1", "REVIEW participant M-1", "a new lane", "participant:M-1@1",
                java.time.Instant.parse("2025-06-08T03:00:00Z"));
        Org oneBatch = Org.create("alerts-one-batch");
        Org twoBatches = Org.create("alerts-two-batches");
        store.raise(tenant(oneBatch), List.of(later, earlier));
        store.raise(tenant(twoBatches), List.of(later));
        store.raise(tenant(twoBatches), List.of(earlier));
        String query = "select kind, severity, subject_type, subject_id, dedup_key, title, detail, assessment_id, occurrences,"
                + " first_raised, last_raised, status from alert where tenant_id = ? order by dedup_key";
        List<Map<String, Object>> one = rows(query, oneBatch);
        assertThat(one).hasSize(1);
        assertThat(one.get(0)).containsEntry("severity", "HIGH").containsEntry("occurrences", 2)
                .containsEntry("title", "REVIEW participant M-1").containsEntry("assessment_id", "participant:M-1@1");
        assertThat(text(one.get(0).get("first_raised"))).isEqualTo(text(java.sql.Timestamp.from(earlier.at())));
        assertThat(text(one.get(0).get("last_raised"))).isEqualTo(text(java.sql.Timestamp.from(later.at())));
        assertThat(rows(query, twoBatches)).isEqualTo(one);
    }

    private static long tenant(Org org) {
        return JDBC.queryForObject("select id from tenant where slug = ?", Long.class, org.slug);
    }

    private static List<Map<String, Object>> rows(String query, Org org) {
        return JDBC.queryForList(query, tenant(org));
    }

    private static String text(Object v) {
        return v instanceof byte[] b ? java.util.HexFormat.of().formatHex(b) : String.valueOf(v);
    }
}
