package io.caravan.server.storage;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * Brings PostgreSQL's statistics of the ingest tables up to date before the server takes traffic. Without them the
 * planner cannot tell one index from another: the lookup of a bulk's identities among the stored records then probed
 * {@code record_by_time} for each key and filtered the organisation's records of that type one by one, 1 450 times
 * slower than through {@code record_identity} (11.5 s against 7.9 ms for 2 000 keys among 41 323 records). Re-sending a
 * bulk right after a restart, as one does after a broken connection, took over a minute instead of seconds, until
 * autovacuum got round to the table. Tables get their statistics here when they have none (a new database, one
 * restored from a dump, one whose statistics a crash discarded) or when more rows changed since the last ANALYZE than
 * autovacuum's own threshold allows (50 and a tenth of the table).
 */
@Component
public class PlannerStatistics {

    private static final Logger log = LoggerFactory.getLogger(PlannerStatistics.class);

    /** The tables ingestion and the lists read with lookups whose plans depend on statistics. */
    static final List<String> TABLES = List.of("record", "assessment", "alert", "order_risk_daily");

    private final JdbcTemplate jdbc;

    public PlannerStatistics(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Analyzes the tables whose statistics are missing or stale; returns their names. */
    public List<String> refresh() {
        List<String> stale = jdbc.queryForList("select s.relname::text from pg_stat_user_tables s"
                + " where s.relid = any (select to_regclass(t)::oid from unnest(?::text[]) t)"
                + " and ((s.last_analyze is null and s.last_autoanalyze is null) or s.n_mod_since_analyze > 50 + 0.1 * s.n_live_tup)"
                + " order by 1", String.class, (Object) TABLES.toArray(new String[0]));
        for (String table : stale) {
            long t0 = System.nanoTime();
            jdbc.execute("analyze " + table);
            log.info("Statistics of table {} brought up to date in {} ms", table, (System.nanoTime() - t0) / 1_000_000);
        }
        return stale;
    }
}
