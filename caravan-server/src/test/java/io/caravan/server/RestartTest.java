package io.caravan.server;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A restart rebuilds each engine — from the snapshot written at the graceful stop and the records after it, or,
 * when the snapshot cannot be used, from every stored record: assessments after it equal those of an
 * uninterrupted run either way.
 */
@ExtendWith(OutputCaptureExtension.class)
class RestartTest {

    private static final JdbcTemplate JDBC = TestServer.get().context().getBean(JdbcTemplate.class);

    /**
     * Rows of the ingest tables that point at no organisation, and assessments citing versions never stored: the
     * ingestion keeps these references itself (the tables have no foreign keys, for speed), so none may exist.
     */
    static final String UNREFERENCED = "select (select count(*) from record r where not exists (select 1 from tenant t where t.id = r.tenant_id))"
            + " + (select count(*) from assessment a where not exists (select 1 from tenant t where t.id = a.tenant_id)"
            + "    or not exists (select 1 from versions v where v.id = a.versions_id))"
            + " + (select count(*) from order_risk_daily d where not exists (select 1 from tenant t where t.id = d.tenant_id))";

    /** Each filter column and the record types whose field of that name it copies; every other type leaves it null. */
    private static final java.util.Map<String, String> FILTERED = java.util.Map.ofEntries(
            java.util.Map.entry("merchant_id", "'order'"), java.util.Map.entry("marketplace_id", "'order'"),
            java.util.Map.entry("ship_from", "'order'"), java.util.Map.entry("ship_to", "'order'"),
            java.util.Map.entry("order_id", "'payment', 'shipment'"), java.util.Map.entry("forwarder_id", "'shipment'"),
            java.util.Map.entry("seller_id", "'listing'"), java.util.Map.entry("shipment_id", "'tracking'"),
            java.util.Map.entry("kind", "'participant'"), java.util.Map.entry("country", "'participant'"),
            java.util.Map.entry("legal_name", "'participant'"));

    /** Stored records whose filter columns differ from the fields of their body they copy. */
    static final String FILTER_COLUMNS_OFF = " from record r where "
            + String.join(" or ", FILTERED.entrySet().stream().map(e -> "r." + e.getKey() + " is distinct from (case when r.type in ("
            + e.getValue() + ") then r.body::jsonb ->> '" + e.getKey() + "' end)").toList());

    @Test
    void assessmentsAfterARestartFromTheSnapshotEqualThoseOfAnUninterruptedRun(CapturedOutput output) {
        Org restarted = runHalfThenRestart("restarted", null);
        assertThat(output.getOut()).contains("Rebuilt the engine of tenant " + tenant(restarted) + " from its snapshot after record");
    }

    @Test
    void aSnapshotFromAnotherBuildIsNotUsedAndNothingChanges(CapturedOutput output) {
        Org restarted = runHalfThenRestart("other-build", "update engine_snapshot set fingerprint = 'another build' where tenant_id = ?");
        assertThat(output.getOut()).contains("The engine snapshot of tenant " + tenant(restarted)
                + " is not used: it was written by another build; replaying every record");
    }

    @Test
    void anUnreadableSnapshotIsNotUsedAndNothingChanges(CapturedOutput output) {
        Org restarted = runHalfThenRestart("unreadable", "update engine_snapshot set body = '\\x00010203'::bytea where tenant_id = ?");
        assertThat(output.getOut()).contains("The engine snapshot of tenant " + tenant(restarted) + " is not used: it could not be read");
    }

    /**
     * Sends half a world to a server, stops it (a snapshot is written), optionally spoils the snapshot, starts
     * again and sends the whole world: the assessments must equal those of one uninterrupted run.
     */
    private static Org runHalfThenRestart(String name, String spoil) {
        List<String> world = Worlds.lines(300);
        Org uninterrupted = Org.create("steady-" + name);
        assertThat(uninterrupted.as(Org.Role.INGEST).postNdjson("/api/v1/records", Worlds.ndjson(world)).json()
                .get("accepted").intValue()).isEqualTo(world.size());

        int half = world.size() / 2;
        ConfigurableApplicationContext first = TestServer.start(TestServer.get().database(), TestServer.temp("restart"));
        Org restarted = Org.create(name, url(first));
        assertThat(restarted.as(Org.Role.INGEST).postNdjson("/api/v1/records", Worlds.ndjson(world.subList(0, half))).json()
                .get("accepted").intValue()).isEqualTo(half);
        first.close();
        long tenant = tenant(restarted);
        assertThat(JDBC.queryForObject("select seq from engine_snapshot where tenant_id = ?", Long.class, tenant)).isEqualTo(half);
        if (spoil != null) {
            JDBC.update(spoil, tenant);
        }

        ConfigurableApplicationContext second = TestServer.start(TestServer.get().database(), TestServer.temp("restart"),
                java.util.Map.of("logging.level.io.caravan.server.ingest.TenantLane", "INFO"));
        try {
            Org again = Org.reconnect(restarted, url(second));
            Client.Response rest = again.as(Org.Role.INGEST).postNdjson("/api/v1/records", Worlds.ndjson(world));
            assertThat(rest.json().get("duplicates").intValue()).isEqualTo(half);
            assertThat(rest.json().get("accepted").intValue()).isEqualTo(world.size() - half);
            String expected = uninterrupted.as(Org.Role.VIEWER).get("/api/v1/assessments/export").body();
            String actual = again.as(Org.Role.VIEWER).get("/api/v1/assessments/export").body();
            assertThat(actual.lines().count()).isGreaterThan(world.size() / 3);
            assertThat(actual).isEqualTo(expected);
            assertThat(JDBC.queryForObject(UNREFERENCED, Long.class)).as("stored rows whose organisation or versions are missing")
                    .isZero();
            assertThat(JDBC.queryForObject("select count(*) from record where merchant_id is not null", Long.class)).isPositive();
            assertThat(JDBC.queryForObject("select count(*)" + FILTER_COLUMNS_OFF, Long.class))
                    .as(() -> "records whose filter columns differ from their body, e.g. " + JDBC.queryForList("select r.*"
                            + FILTER_COLUMNS_OFF + " limit 3"))
                    .isZero();
        } finally {
            second.close();
        }
        return restarted;
    }

    private static long tenant(Org org) {
        return JDBC.queryForObject("select id from tenant where slug = ?", Long.class, org.slug);
    }

    static String url(ConfigurableApplicationContext c) {
        return "http://localhost:" + ((WebServerApplicationContext) c).getWebServer().getPort();
    }
}
