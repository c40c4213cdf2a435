package io.caravan.server.storage;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Schema 9 on a store written by schema 8: the records' filter fields are copied out of their bodies into
 * columns, the bodies become text that reads as the same JSON, and the detail pages' indexes are on the columns;
 * the log says what the start is doing meanwhile.
 */
@ExtendWith(OutputCaptureExtension.class)
class RecordBodyMigrationTest {

    private static EmbeddedDatabase db;

    @BeforeAll
    static void start() throws Exception {
        // the log lines checked below are INFO; a server started earlier in this JVM may have set the level higher
        ((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(SchemaUpgradeLog.class))
                .setLevel(ch.qos.logback.classic.Level.INFO);
        Path base = Path.of("target", "test-runs");
        Files.createDirectories(base);
        db = EmbeddedDatabase.start(Files.createTempDirectory(base, "migration-").toAbsolutePath());
    }

    @AfterAll
    static void stop() throws Exception {
        db.close();
    }

    private static final Map<String, String> BODIES = new LinkedHashMap<>();

    static {
        BODIES.put("order", "{\"schema\":\"caravan.order.v1\",\"id\":\"O-1\",\"at\":\"2025-01-02T03:04:05Z\",\"merchant_id\":\"M-7\","
                + "\"marketplace_id\":\"MP-2\",\"buyer_country\":\"DE\",\"ship_from\":\"CN\",\"ship_to\":\"DE\"}");
        BODIES.put("payment", "{\"schema\":\"caravan.payment.v1\",\"id\":\"P-1\",\"at\":\"2025-01-02T03:05:00Z\",\"order_id\":\"O-1\"}");
        BODIES.put("shipment", "{\"schema\":\"caravan.shipment.v1\",\"id\":\"S-1\",\"at\":\"2025-01-02T04:00:00Z\",\"order_id\":\"O-1\","
                + "\"forwarder_id\":\"F-3\",\"legs\":[]}");
        BODIES.put("listing", "{\"schema\":\"caravan.listing.v1\",\"id\":\"L-1\",\"at\":\"2025-01-01T00:00:00Z\",\"seller_id\":\"M-7\","
                + "\"title\":\"Tea \\\"Oolong\\\" 100 g\"}");
        BODIES.put("tracking", "{\"schema\":\"caravan.tracking.v1\",\"id\":\"T-1\",\"at\":\"2025-01-03T00:00:00Z\",\"shipment_id\":\"S-1\"}");
        BODIES.put("participant", "{\"schema\":\"caravan.participant.v1\",\"id\":\"C-1\",\"at\":\"2024-12-01T00:00:00Z\","
                + "\"kind\":\"CARRIER\",\"country\":\"KR\",\"legal_name\":\"Hanbit Lines Ltd\"}");
        BODIES.put("hazard", "{\"schema\":\"caravan.hazard.v1\",\"id\":\"H-1\",\"at\":\"2025-01-01T00:00:00Z\",\"kind\":\"FLOOD\","
                + "\"country\":\"BD\"}");
    }

    @Test
    void filterFieldsMoveToColumnsAndBodiesStayTheSameJson(CapturedOutput output) throws SQLException {
        Flyway.configure().dataSource(db.jdbcUrl(), "postgres", "").locations("classpath:db/migration")
                .javaMigrations(new CompressAssessmentBodies()).callbacks(new SchemaUpgradeLog()).target("8").load().migrate();
        assertThat(output.getOut()).contains("Creating the database schema in a new database").doesNotContain("Upgrading");
        try (Connection con = DriverManager.getConnection(db.jdbcUrl(), "postgres", "")) {
            try (PreparedStatement ps = con.prepareStatement("insert into record (tenant_id, seq, type, record_id, record_key, at,"
                    + " digest, body) values (1, ?, ?, ?, ?, now(), '\\x00', ?::jsonb)")) {
                long seq = 0;
                for (var e : BODIES.entrySet()) {
                    String id = e.getValue().replaceAll(".*\"id\":\"([^\"]+)\".*", "$1");
                    ps.setLong(1, ++seq);
                    ps.setString(2, e.getKey());
                    ps.setString(3, id);
                    ps.setString(4, id);
                    ps.setString(5, e.getValue());
                    ps.addBatch();
                }
                ps.executeBatch();
            }
        }

        Flyway.configure().dataSource(db.jdbcUrl(), "postgres", "").locations("classpath:db/migration")
                .javaMigrations(new CompressAssessmentBodies()).callbacks(new SchemaUpgradeLog()).load().migrate();
        assertThat(output.getOut()).contains("Upgrading the stored data to schema 9 (record body as text)")
                .containsPattern("Upgraded the stored data to schema 9 \\(record body as text\\) in [0-9.]+ s");

        try (Connection con = DriverManager.getConnection(db.jdbcUrl(), "postgres", "")) {
            Map<String, List<String>> columns = new LinkedHashMap<>();
            try (ResultSet rs = con.createStatement().executeQuery("select type, merchant_id, marketplace_id, ship_from, ship_to,"
                    + " order_id, forwarder_id, seller_id, shipment_id, kind, country, legal_name from record order by seq")) {
                while (rs.next()) {
                    List<String> values = new ArrayList<>();
                    for (int i = 2; i <= 12; i++) {
                        values.add(rs.getString(i));
                    }
                    columns.put(rs.getString(1), values);
                }
            }
            assertThat(columns.get("order")).containsExactly("M-7", "MP-2", "CN", "DE", null, null, null, null, null, null, null);
            assertThat(columns.get("payment")).containsExactly(null, null, null, null, "O-1", null, null, null, null, null, null);
            assertThat(columns.get("shipment")).containsExactly(null, null, null, null, "O-1", "F-3", null, null, null, null, null);
            assertThat(columns.get("listing")).containsExactly(null, null, null, null, null, null, "M-7", null, null, null, null);
            assertThat(columns.get("tracking")).containsExactly(null, null, null, null, null, null, null, "S-1", null, null, null);
            assertThat(columns.get("participant"))
                    .containsExactly(null, null, null, null, null, null, null, null, "CARRIER", "KR", "Hanbit Lines Ltd");
            // a hazard's kind and country are not filters: only the types the lists filter have their fields copied
            assertThat(columns.get("hazard")).containsOnlyNulls();

            try (PreparedStatement ps = con.prepareStatement("select pg_typeof(body)::text, body::jsonb = ?::jsonb from record"
                    + " where type = ?")) {
                for (var e : BODIES.entrySet()) {
                    ps.setString(1, e.getValue());
                    ps.setString(2, e.getKey());
                    try (ResultSet rs = ps.executeQuery()) {
                        assertThat(rs.next()).isTrue();
                        assertThat(rs.getString(1)).isEqualTo("text");
                        assertThat(rs.getBoolean(2)).as(e.getKey() + "'s body").isTrue();
                    }
                }
            }

            Map<String, String> indexes = new LinkedHashMap<>();
            try (ResultSet rs = con.createStatement().executeQuery("select indexname, indexdef from pg_indexes where tablename = 'record'")) {
                while (rs.next()) {
                    indexes.put(rs.getString(1), rs.getString(2));
                }
            }
            assertThat(indexes.get("record_order_by_merchant")).contains("(tenant_id, merchant_id)").contains("'order'");
            assertThat(indexes.get("record_payment_by_order")).contains("(tenant_id, order_id)").contains("'payment'");
            assertThat(indexes.get("record_tracking_by_shipment")).contains("(tenant_id, shipment_id)").contains("'tracking'");
            assertThat(indexes.values()).noneMatch(d -> d.contains("->>"));
        }
    }
}
