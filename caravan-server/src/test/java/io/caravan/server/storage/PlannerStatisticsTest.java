package io.caravan.server.storage;

import io.caravan.server.TestServer;
import io.caravan.server.ingest.RecordStore;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class PlannerStatisticsTest {

    private static final JdbcTemplate JDBC = TestServer.get().context().getBean(JdbcTemplate.class);

    /** The plan PostgreSQL would cache for the identity lookup once the driver prepares it on the server. */
    private static String genericPlanOfTheIdentityLookup() {
        return JDBC.execute((ConnectionCallback<String>) con -> {
            try (var st = con.createStatement()) {
                st.execute("set plan_cache_mode = force_generic_plan");
                st.execute("prepare caravan_known_plan(text[], text[], bigint) as "
                        + RecordStore.KNOWN.replaceFirst("\\?", "\\$1").replaceFirst("\\?", "\\$2").replaceFirst("\\?", "\\$3"));
                StringBuilder plan = new StringBuilder();
                try (var rs = st.executeQuery("explain execute caravan_known_plan(array['order'], array['O-1'], 1)")) {
                    while (rs.next()) {
                        plan.append(rs.getString(1)).append('\n');
                    }
                }
                st.execute("deallocate caravan_known_plan");
                st.execute("reset plan_cache_mode");
                return plan.toString();
            }
        });
    }

    @Test
    void tablesWithoutStatisticsGetThemAndTheIdentityLookupThenProbesItsIndex() {
        PlannerStatistics statistics = TestServer.get().context().getBean(PlannerStatistics.class);
        // records of an organisation of this test's own, enough for the statistics to tell the indexes apart
        // A backend hands its table counters to the shared statistics up to a second after it goes idle; had that
        // happened after the ANALYZE below, the 5 000 rows would count as changed since it. Forcing the hand-over makes
        // it happen before the statement's answer comes back.
        JDBC.execute((ConnectionCallback<Void>) con -> {
            try (var st = con.createStatement()) {
                st.executeUpdate("insert into record (tenant_id, seq, type, record_id, record_key, at, digest, body)"
                        + " select -7, g, case when g % 3 = 0 then 'shipment' else 'order' end, 'X-' || g, 'X-' || g,"
                        + " timestamptz '2026-01-01' + g * interval '1 minute', sha256(g::text::bytea), '{}'"
                        + " from generate_series(1, 5000) g on conflict do nothing");
                st.execute("select pg_stat_force_next_flush()");
            }
            return null;
        });
        statistics.refresh();
        assertThat(statistics.refresh()).as("up to date after a refresh").isEmpty();

        // as a new database, a restored dump or a crash leaves it: no statistics, no size estimate, no analyze on record
        JDBC.execute("delete from pg_statistic where starelid = 'record'::regclass");
        JDBC.execute("update pg_class set reltuples = -1, relpages = 0 where oid = 'record'::regclass");
        JDBC.execute("select pg_stat_reset_single_table_counters('record'::regclass)");
        List<String> analyzed = statistics.refresh();

        assertThat(analyzed).contains("record");
        assertThat(JDBC.queryForObject("select count(*) from pg_stats where tablename = 'record'", Long.class)).isPositive();
        assertThat(genericPlanOfTheIdentityLookup()).as("the lookup's plan")
                .contains("record_identity").doesNotContain("_by_time");
        JDBC.update("delete from record where tenant_id = -7");
    }
}
