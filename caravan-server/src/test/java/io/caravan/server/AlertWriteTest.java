package io.caravan.server;

import io.caravan.server.alerts.AlertDraft;
import io.caravan.server.alerts.Severity;
import io.caravan.server.ingest.RecordStore;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Raising alerts in numbers, as a bulk's chunk does: new keys become alerts with every field as drafted, and keys
 * already open (or repeated within the call) add occurrences, keep the earliest and latest times and the higher
 * severity.
 */
class AlertWriteTest {

    private static final JdbcTemplate JDBC = TestServer.get().context().getBean(JdbcTemplate.class);
    private static final RecordStore STORE = TestServer.get().context().getBean(RecordStore.class);
    private static final TransactionTemplate TX = TestServer.get().context().getBean(TransactionTemplate.class);
    private static final Instant AT = Instant.parse("2026-03-02T10:00:00Z");

    private static long tenant(String name) {
        return JDBC.queryForObject("insert into tenant (slug, name) values (?, ?) returning id", Long.class,
                TestServer.unique(name), name);
    }

    private static List<AlertDraft> drafts(int from, int to, Severity severity, int minutes) {
        List<AlertDraft> out = new ArrayList<>();
        for (int i = from; i < to; i++) {
            out.add(new AlertDraft("risk_threshold", severity, "order", "O-" + i, "Order O-" + i + " needs review",
                    "detail " + i, i % 2 == 0 ? "order:O-" + i : null, AT.plusSeconds(60L * minutes)));
        }
        return out;
    }

    private static Map<String, Integer> occurrences(long tenant) {
        return JDBC.query("select subject_id, occurrences from alert where tenant_id = ?", rs -> {
            Map<String, Integer> m = new java.util.HashMap<>();
            while (rs.next()) {
                m.put(rs.getString(1), rs.getInt(2));
            }
            return m;
        }, tenant);
    }

    @Test
    void newKeysAreStoredAsDraftedAndOpenOnesMerged() {
        long t = tenant("alert-write");
        int many = 40;
        TX.executeWithoutResult(s -> STORE.raise(t, drafts(0, many, Severity.MEDIUM, 0)));
        assertThat(occurrences(t)).hasSize(many).allSatisfy((k, n) -> assertThat(n).isEqualTo(1));
        Map<String, Object> first = JDBC.queryForMap("select * from alert where tenant_id = ? and subject_id = 'O-0'", t);
        assertThat(first).containsEntry("kind", "risk_threshold").containsEntry("severity", "MEDIUM")
                .containsEntry("subject_type", "order").containsEntry("dedup_key", "risk_threshold:order:O-0")
                .containsEntry("title", "Order O-0 needs review").containsEntry("detail", "detail 0")
                .containsEntry("assessment_id", "order:O-0").containsEntry("status", "OPEN")
                .containsEntry("first_raised", Timestamp.from(AT)).containsEntry("last_raised", Timestamp.from(AT));
        assertThat(JDBC.queryForObject("select assessment_id from alert where tenant_id = ? and subject_id = 'O-1'",
                String.class, t)).isNull();

        // the first half again, later and more severe, twice in the call, with as many new keys
        List<AlertDraft> again = new ArrayList<>(drafts(0, many / 2, Severity.HIGH, 5));
        again.addAll(drafts(0, many / 2, Severity.MEDIUM, 7));
        again.addAll(drafts(many, many + many / 2, Severity.LOW, 7));
        TX.executeWithoutResult(s -> STORE.raise(t, again));

        Map<String, Integer> n = occurrences(t);
        assertThat(n).hasSize(many + many / 2);
        for (int i = 0; i < many + many / 2; i++) {
            assertThat(n.get("O-" + i)).as("O-" + i).isEqualTo(i < many / 2 ? 3 : 1);
        }
        Map<String, Object> merged = JDBC.queryForMap("select * from alert where tenant_id = ? and subject_id = 'O-0'", t);
        assertThat(merged).containsEntry("severity", "HIGH").containsEntry("first_raised", Timestamp.from(AT))
                .containsEntry("last_raised", Timestamp.from(AT.plusSeconds(7 * 60)));
    }
}
