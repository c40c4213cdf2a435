package io.caravan.server;

import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A batch the database refuses takes the batches after it down too, even those already written beside it on
 * the other connection: what is stored stays a gapless prefix of what was accepted, and the same body sent again
 * stores the rest, each record once.
 */
class WriteFailureTest {

    private static final JdbcTemplate JDBC = TestServer.get().context().getBean(JdbcTemplate.class);

    @Test
    void aRefusedBatchIsNotOvertakenByTheBatchesAfterIt() throws InterruptedException {
        List<String> world = Worlds.lines(300);
        String body = Worlds.ndjson(world);
        // small batches, so that one body becomes many batches in flight at once
        ConfigurableApplicationContext server = TestServer.start(TestServer.get().database(), TestServer.temp("write-failure"),
                Map.of("caravan.ingest.batch-records", "50"));
        String trigger = "refuse_" + Long.toHexString(System.nanoTime());
        try {
            Org org = Org.create("write-failure", RestartTest.url(server));
            long tenant = JDBC.queryForObject("select id from tenant where slug = ?", Long.class, org.slug);
            String refused = Client.MAPPER.readTree(world.get(world.size() / 2)).get("id").stringValue();
            // The database refuses one record, slowly: the batches after it are written meanwhile on the other connection.
            JDBC.execute("create function " + trigger + "() returns trigger language plpgsql as $$ begin perform pg_sleep(1);"
                    + " raise exception 'refused for the test: %', new.record_id; end $$");
            JDBC.execute("create trigger " + trigger + " before insert on record for each row when (new.tenant_id = " + tenant
                    + " and new.record_id = '" + refused + "') execute function " + trigger + "()");

            Client.Response failed = org.as(Org.Role.INGEST).postNdjson("/api/v1/records", body);
            assertThat(failed.status()).as(failed.body()).isGreaterThanOrEqualTo(500);
            // The request failed with its refused part; the parts after it are still being stored (or refused) meanwhile.
            long stored = settled(tenant);
            assertThat(stored).as("records stored").isPositive().isLessThan(world.size());
            assertThat(count("select count(*) from record where tenant_id = ? and record_id = ?", tenant, refused)).isZero();
            assertThat(count("select coalesce(max(seq), 0) - count(*) from record where tenant_id = ?", tenant))
                    .as("sequence numbers missing: a batch after the refused one committed without it").isZero();

            JDBC.execute("drop trigger " + trigger + " on record");
            Client.Response again = org.as(Org.Role.INGEST).postNdjson("/api/v1/records", body);
            assertThat(again.status()).as(again.body()).isEqualTo(200);
            assertThat(again.json().get("duplicates").longValue()).isEqualTo(stored);
            assertThat(again.json().get("accepted").longValue()).isEqualTo(world.size() - stored);
            assertThat(count("select count(*) from record where tenant_id = ?", tenant)).isEqualTo(world.size());
            assertThat(count("select max(seq) from record where tenant_id = ?", tenant)).isEqualTo(world.size());
            assertThat(count("select count(*) from (select record_seq from assessment where tenant_id = ? and subject_type = 'order'"
                    + " group by record_seq having count(*) > 1) d", tenant)).as("orders assessed twice").isZero();
            assertThat(count("select count(*) from assessment a where tenant_id = ? and not exists (select 1 from record r"
                    + " where r.tenant_id = a.tenant_id and r.seq = a.record_seq)", tenant)).as("assessments without their record")
                    .isZero();
        } finally {
            JDBC.execute("drop trigger if exists " + trigger + " on record");
            JDBC.execute("drop function if exists " + trigger + "()");
            server.close();
        }
    }

    /** The organisation's record count once it has stopped changing: the lane has finished with what was sent. */
    private static long settled(long tenant) throws InterruptedException {
        long before = -1;
        for (int i = 0; i < 60; i++) {
            long now = count("select count(*) from record where tenant_id = ?", tenant);
            if (now == before) {
                return now;
            }
            before = now;
            Thread.sleep(1_000);
        }
        throw new AssertionError("the records stored kept changing for a minute");
    }

    private static long count(String sql, Object... args) {
        Long n = JDBC.queryForObject(sql, Long.class, args);
        return n == null ? 0 : n;
    }
}
