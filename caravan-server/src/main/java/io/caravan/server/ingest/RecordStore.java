package io.caravan.server.ingest;

import io.caravan.json.BinaryAssessment;
import io.caravan.risk.Assessment;
import io.caravan.risk.RiskCategory;
import io.caravan.server.alerts.AlertDraft;
import io.caravan.server.storage.BodyCodec;
import org.postgresql.PGConnection;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Repository;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * The records and the assessments they produced. A small batch is written in one statement; a larger one through
 * COPY inside the caller's transaction. Reads of the whole history stream with a cursor.
 */
@Repository
public class RecordStore {

    /** A stored record's identity and digest, to tell replays from conflicts. */
    public record Known(long seq, byte[] digest) {
    }

    /** A record as stored, for rebuilding the engine. */
    public record Stored(long seq, String type, String key, String json) {
    }

    /**
     * An assessment to store with the sequence number of the record that produced it. Its stored form, and its JSON
     * when an answer shows it, are written by {@link #encode}, away from the engine's thread, before the batch is
     * stored.
     */
    public static final class Produced {
        private final long seq;
        private Assessment assessment;
        private final String versionsId;
        private boolean answered;
        private byte[] json;
        private byte[] stored;

        public Produced(long seq, Assessment assessment, String versionsId) {
            this.seq = seq;
            this.assessment = assessment;
            this.versionsId = versionsId;
        }

        long seq() {
            return seq;
        }

        Assessment assessment() {
            return assessment;
        }

        String versionsId() {
            return versionsId;
        }

        /** The answer to the record shows this assessment: {@link #encode} writes its JSON too. */
        void answered() {
            answered = true;
        }

        /** The caravan.assessment.v1 JSON, for an answer that shows it; null otherwise and until encoded. */
        public byte[] json() {
            return json;
        }

        /**
         * Lets go of what only storing needed (the assessment's objects, its compressed form) once it is stored: a
         * bulk's answer waits for all its chunks, and holding every chunk's assessments until then kept hundreds
         * of megabytes alive through the collector's young pauses.
         */
        void stored() {
            assessment = null;
            stored = null;
        }
    }

    private final JdbcTemplate jdbc;
    private final DataSource dataSource;
    private final BodyCodec bodies;
    private final Set<String> knownVersions = ConcurrentHashMap.newKeySet();

    public RecordStore(JdbcTemplate jdbc, DataSource dataSource, BodyCodec bodies) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
        this.bodies = bodies;
    }

    /**
     * The lookup of {@link #known}: the stored record, if any, of each (type, key), by one probe of
     * {@code record_identity} per key (a lateral join: a plain join may scan the tenant's records for a handful of
     * keys). Parameters: the types, the keys, the tenant.
     */
    public static final String KNOWN = "select k.type, k.key, r.seq, r.digest from unnest(?::text[], ?::text[]) as k(type, key)"
            + " cross join lateral (select seq, digest from record x where x.tenant_id = ? and x.type = k.type"
            + " and x.record_key = k.key) r";

    /** The stored records among {@code keys} ("type\u0000key"), by that composite. */
    public Map<String, Known> known(long tenantId, List<String> types, List<String> keys) {
        Map<String, Known> found = new HashMap<>();
        if (keys.isEmpty()) {
            return found;
        }
        jdbc.query(con -> {
            var ps = con.prepareStatement(KNOWN);
            ps.setObject(1, types.toArray(new String[0])); // binary arrays, as in bindColumns
            ps.setObject(2, keys.toArray(new String[0]));
            ps.setLong(3, tenantId);
            return ps;
        }, rs -> {
            found.put(rs.getString(1) + '\u0000' + rs.getString(2), new Known(rs.getLong(3), rs.getBytes(4)));
        });
        return found;
    }

    /** An engine's state as written down after record {@code seq}. */
    public record Snapshot(long seq, java.time.Instant newest, String versionsId, List<String> classes, String fingerprint,
                           byte[] body) {
    }

    /** The organisation's engine snapshot, if one was written. */
    public java.util.Optional<Snapshot> snapshot(long tenantId) {
        return jdbc.query("select seq, newest, versions_id, classes, fingerprint, body from engine_snapshot where tenant_id = ?",
                (rs, n) -> new Snapshot(rs.getLong(1), rs.getTimestamp(2).toInstant(), rs.getString(3),
                        List.of(rs.getString(4).split("\n")), rs.getString(5), rs.getBytes(6)), tenantId).stream().findFirst();
    }

    /** Replaces the organisation's engine snapshot. */
    public void saveSnapshot(long tenantId, Snapshot s) {
        jdbc.update("insert into engine_snapshot (tenant_id, seq, newest, versions_id, classes, fingerprint, body)"
                + " values (?, ?, ?, ?, ?, ?, ?) on conflict (tenant_id) do update set seq = excluded.seq, newest = excluded.newest,"
                + " versions_id = excluded.versions_id, classes = excluded.classes, fingerprint = excluded.fingerprint,"
                + " taken_at = now(), body = excluded.body", tenantId, s.seq(), Timestamp.from(s.newest()), s.versionsId(),
                String.join("\n", s.classes()), s.fingerprint(), s.body());
    }

    /** The identities ({@code type NUL key}) of a tenant's records up to {@code toSeq}. Must run in a transaction. */
    public void keys(long tenantId, long toSeq, Consumer<String> sink) {
        jdbc.query(con -> {
            var ps = con.prepareStatement("select type, record_key from record where tenant_id = ? and seq <= ?");
            ps.setFetchSize(20000);
            ps.setLong(1, tenantId);
            ps.setLong(2, toSeq);
            return ps;
        }, rs -> {
            sink.accept(rs.getString(1) + '\u0000' + rs.getString(2));
        });
    }

    /** How many records a tenant has. */
    public long count(long tenantId) {
        Long n = jdbc.queryForObject("select count(*) from record where tenant_id = ?", Long.class, tenantId);
        return n == null ? 0 : n;
    }

    /** The next free sequence number of a tenant. */
    public long nextSeq(long tenantId) {
        Long max = jdbc.queryForObject("select max(seq) from record where tenant_id = ?", Long.class, tenantId);
        return max == null ? 1 : max + 1;
    }

    /** Streams a tenant's records from {@code fromSeq} on, in acceptance order. Must run in a transaction. */
    public void replay(long tenantId, long fromSeq, Consumer<Stored> sink) {
        jdbc.query(con -> {
            var ps = con.prepareStatement("select seq, type, record_key, body from record where tenant_id = ? and seq >= ?"
                    + " order by seq");
            ps.setFetchSize(5000);
            ps.setLong(1, tenantId);
            ps.setLong(2, fromSeq);
            return ps;
        }, rs -> {
            sink.accept(new Stored(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4)));
        });
    }

    /**
     * Writes each assessment's stored form (binary, compressed; {@link BinaryAssessment}) and, for an answer that shows
     * it, its JSON, and stores the versions they cite that are new (committed at once, outside any batch: two batches
     * being written side by side must never wait for each other's row).
     */
    public void encode(List<Produced> assessments) {
        for (Produced p : assessments) {
            if (p.answered) {
                p.json = io.caravan.json.AssessmentCodec.toJsonBytes(p.assessment, p.versionsId);
            }
            p.stored = BinaryAssessment.encode(p.assessment, p.versionsId, bodies::compress);
            if (!knownVersions.contains(p.versionsId)) {
                recordVersions(p.versionsId, p.assessment.versions().components());
            }
        }
    }

    /**
     * Writes accepted records and their encoded assessments with COPY: rows no other batch writes, so batches can do
     * this side by side. Must run in a transaction; {@link #writeShared} completes it. For batches above
     * {@link #SMALL_BATCH} records; smaller ones are cheaper in one statement ({@link #writeSmall}).
     */
    void writeRows(long tenantId, List<ParsedRecord> records, long[] seqs, List<Produced> assessments) throws SQLException {
        Connection con = DataSourceUtils.getConnection(dataSource);
        try {
            PGConnection pg = con.unwrap(PGConnection.class);
            BinaryCopy rows = new BinaryCopy(records.size() * 700);
            for (int i = 0; i < records.size(); i++) {
                ParsedRecord r = records.get(i);
                rows.row(RECORD_ARRAY_TYPES.length).int8(tenantId).int8(seqs[i]).text(r.type()).text(r.event().id())
                        .text(r.key()).timestamptz(r.event().at()).bytea(r.digest()).utf8(r.json());
                for (String v : r.filterValues()) {
                    rows.text(v);
                }
            }
            copy(pg, COPY_RECORDS, rows);
            if (!assessments.isEmpty()) {
                BinaryCopy arows = new BinaryCopy(assessments.size() * 900);
                for (Produced p : assessments) {
                    Assessment a = p.assessment();
                    arows.row(ASSESSMENT_ARRAY_TYPES.length).int8(tenantId).text(a.id()).text(a.subject().prefix())
                            .text(a.subjectId()).timestamptz(a.asOf()).int8(p.seq()).text(a.decision().action().name())
                            .float8(highest(a));
                    for (RiskCategory c : RiskCategory.values()) {
                        arows.float8(a.probability(c));
                    }
                    arows.float8(a.exposureUsd()).float8(a.expectedLossUsd()).text(p.versionsId()).bytea(p.stored);
                }
                copy(pg, "copy assessment (" + ASSESSMENT_COLUMNS + ") from stdin (format binary)", arows);
            }
        } finally {
            DataSourceUtils.releaseConnection(con, dataSource);
        }
    }

    /**
     * Raises a batch's alerts and adds its orders to the sums: rows that consecutive batches share, so only one
     * batch at a time may do this. Must run in the transaction of {@link #writeRows}.
     */
    void writeShared(long tenantId, List<AlertDraft> alerts, OrderRiskRollup rollup) {
        if (!alerts.isEmpty()) {
            raise(tenantId, alerts);
        }
        if (!rollup.isEmpty()) {
            jdbc.batchUpdate(OrderRiskRollup.UPSERT, rollup.parameters(tenantId));
        }
    }

    /** The highest probability among an assessment's estimates (the {@code p_max} column). */
    static double highest(Assessment a) {
        double max = 0;
        for (var e : a.estimates()) {
            max = Math.max(max, e.probability());
        }
        return max;
    }

    /** The record table's columns as ingestion writes them: identity, body, then the filter fields. */
    private static final String RECORD_COLUMNS = "tenant_id, seq, type, record_id, record_key, at, digest, body, "
            + String.join(", ", ParsedRecord.FILTER_COLUMNS);

    private static final String COPY_RECORDS = "copy record (" + RECORD_COLUMNS + ") from stdin (format binary)";

    /**
     * Up to this many records a batch is written by {@link #writeSmall}, in one statement and one round trip to
     * PostgreSQL; larger batches (a bulk's chunks) keep COPY. The bound was set for the multi-row inserts that came
     * before the one statement and has not been measured again for it.
     */
    static final int SMALL_BATCH = 64;

    /**
     * Writes a small batch whole — its records, their assessments, its alerts and its sums by day and lane — in one
     * statement, which commits on its own: one round trip where a transaction of separate statements needs four or
     * five (each insert, the sums, the commit). Every table's rows go as arrays, one per column, that the statement
     * unnests; a table the batch has no rows for is left out of it ({@link #writeSmallStatement}). Must not run in a
     * transaction, and only once the batch before has committed, since alerts and sums are rows that consecutive
     * batches share.
     */
    void writeSmall(long tenantId, List<ParsedRecord> records, long[] seqs, List<Produced> assessments,
                    List<AlertDraft> alerts, OrderRiskRollup rollup) {
        List<Object[]> recordRows = recordRows(tenantId, records, seqs);
        List<Object[]> assessmentRows = assessmentRows(tenantId, assessments);
        List<Object[]> alertRows = alertRows(tenantId, alerts);
        List<Object[]> sumRows = rollup.parameters(tenantId);
        String sql = writeSmallStatement(!assessmentRows.isEmpty(), !alertRows.isEmpty(), !sumRows.isEmpty());
        jdbc.execute((org.springframework.jdbc.core.ConnectionCallback<Void>) con -> {
            try (var ps = con.prepareStatement(sql)) {
                int i = 1;
                i = bindColumns(ps, i, recordRows, RECORD_ARRAY_TYPES);
                if (!assessmentRows.isEmpty()) {
                    i = bindColumns(ps, i, assessmentRows, ASSESSMENT_ARRAY_TYPES);
                }
                if (!alertRows.isEmpty()) {
                    i = bindColumns(ps, i, alertRows, ALERT_ARRAY_TYPES);
                }
                if (!sumRows.isEmpty()) {
                    bindColumns(ps, i, sumRows, SUM_ARRAY_TYPES);
                }
                ps.execute();
            }
            return null;
        });
    }

    /** The array types of a record row's columns, in {@link #RECORD_COLUMNS} order. */
    private static final String[] RECORD_ARRAY_TYPES = java.util.stream.Stream.concat(
            java.util.stream.Stream.of("int8", "int8", "text", "text", "text", "timestamptz", "bytea", "text"),
            ParsedRecord.FILTER_COLUMNS.stream().map(c -> "text")).toArray(String[]::new);

    private static final String ASSESSMENT_COLUMNS = "tenant_id, assessment_id, subject_type, subject_id, as_of, record_seq,"
            + " action, p_max, p_credit, p_logistics, p_information, p_legal, p_political, p_natural, exposure_usd,"
            + " expected_loss_usd, versions_id, body";
    private static final String[] ASSESSMENT_ARRAY_TYPES = {"int8", "text", "text", "text", "timestamptz", "int8", "text",
        "float8", "float8", "float8", "float8", "float8", "float8", "float8", "float8", "float8", "text", "bytea"};

    private static final String ALERT_COLUMNS = "tenant_id, kind, severity, subject_type, subject_id, dedup_key, title, detail,"
            + " assessment_id, occurrences, first_raised, last_raised";
    private static final String[] ALERT_ARRAY_TYPES = {"int8", "text", "text", "text", "text", "text", "text", "text", "text",
        "int4", "timestamptz", "timestamptz"};
    /**
     * A raised alert that is already open adds its occurrences, takes the title, detail and assessment of the draft
     * raised last, widens its first and last times to cover the new ones (records may arrive out of time order), and
     * may raise the severity, never lower it. {@link #alertRows} merges the drafts of one batch the same way, so that how records
     * fall into batches changes nothing.
     */
    private static final String ALERT_ON_CONFLICT = " on conflict (tenant_id, dedup_key) where status <> 'CLOSED' do update set"
            + " occurrences = alert.occurrences + excluded.occurrences,"
            + " first_raised = least(alert.first_raised, excluded.first_raised),"
            + " last_raised = greatest(alert.last_raised, excluded.last_raised),"
            + " assessment_id = excluded.assessment_id, title = excluded.title, detail = excluded.detail,"
            + " severity = case when array_position(array['LOW','MEDIUM','HIGH','CRITICAL'], excluded.severity)"
            + " > array_position(array['LOW','MEDIUM','HIGH','CRITICAL'], alert.severity) then excluded.severity"
            + " else alert.severity end";

    private static final String[] SUM_ARRAY_TYPES = {"int8", "date", "text", "text", "int8", "float8", "float8", "float8",
        "float8", "float8", "float8", "float8", "float8", "float8", "int8", "int8", "int8", "int8"};

    /**
     * {@link #writeSmall}'s statement for a batch with assessments, alerts and sums or without, by those three bits. An
     * insert of no rows still costs PostgreSQL its setup (the table and each of its indexes opened and locked, the
     * upsert's arbiter prepared): with pgbench, a statement of two order records and their assessments and sums took
     * 0.47–0.54 ms with no alert part, and 0.61 ms with an alert part that inserted nothing.
     */
    private static final String[] WRITE_SMALL = new String[8];

    static {
        for (int parts = 0; parts < WRITE_SMALL.length; parts++) {
            StringBuilder sql = new StringBuilder("with r as (").append(unnestInto("record (" + RECORD_COLUMNS + ")", RECORD_ARRAY_TYPES));
            if ((parts & 1) != 0) {
                sql.append("), a as (").append(unnestInto("assessment (" + ASSESSMENT_COLUMNS + ")", ASSESSMENT_ARRAY_TYPES));
            }
            if ((parts & 2) != 0) {
                sql.append("), al as (").append(unnestInto("alert (" + ALERT_COLUMNS + ")", ALERT_ARRAY_TYPES)).append(ALERT_ON_CONFLICT);
            }
            if ((parts & 4) != 0) {
                sql.append("), s as (").append(unnestInto(OrderRiskRollup.INTO, SUM_ARRAY_TYPES)).append(OrderRiskRollup.ON_CONFLICT);
            }
            WRITE_SMALL[parts] = sql.append(") select 1").toString();
        }
    }

    private static String writeSmallStatement(boolean assessments, boolean alerts, boolean sums) {
        return WRITE_SMALL[(assessments ? 1 : 0) | (alerts ? 2 : 0) | (sums ? 4 : 0)];
    }

    /** {@code insert into TABLE (COLUMNS) select * from unnest(?::T1[], ?::T2[], …)}: one row per array element. */
    private static String unnestInto(String table, String[] types) {
        return "insert into " + table + " select * from unnest(" + String.join(", ",
                java.util.Arrays.stream(types).map(t -> "?::" + t + "[]").toList()) + ")";
    }

    /**
     * Binds rows as one array per column from parameter {@code first} on; returns the next parameter's index. Each
     * column goes as a Java array ({@code long[]}, {@code int[]}, {@code double[]}, {@code String[]}, {@code byte[][]}),
     * which the driver sends in PostgreSQL's binary array format: element by element with its length, so a record's
     * JSON and a compressed body go as their bytes. An array made by {@code createArrayOf} goes as an array literal
     * instead, with every quote and backslash in the JSON escaped and every body byte as two hex digits, which
     * PostgreSQL then parses back. Times and dates go as their ISO-8601 text, which the statement casts: a
     * {@link Timestamp}'s own text would be in the JVM's time zone.
     */
    private static int bindColumns(java.sql.PreparedStatement ps, int first, List<Object[]> rows, String[] types)
            throws SQLException {
        for (int c = 0; c < types.length; c++) {
            int col = c;
            Object column = switch (types[c]) {
                case "int8" -> rows.stream().mapToLong(r -> ((Number) r[col]).longValue()).toArray();
                case "int4" -> rows.stream().mapToInt(r -> ((Number) r[col]).intValue()).toArray();
                case "float8" -> rows.stream().mapToDouble(r -> ((Number) r[col]).doubleValue()).toArray();
                case "bytea" -> rows.stream().map(r -> (byte[]) r[col]).toArray(byte[][]::new);
                default -> rows.stream().map(r -> r[col] == null ? null
                        : r[col] instanceof Timestamp t ? t.toInstant().toString() : r[col].toString()).toArray(String[]::new);
            };
            ps.setObject(first + c, column);
        }
        return first + types.length;
    }

    private static List<Object[]> recordRows(long tenantId, List<ParsedRecord> records, long[] seqs) {
        List<Object[]> rows = new ArrayList<>(records.size());
        for (int i = 0; i < records.size(); i++) {
            ParsedRecord r = records.get(i);
            Object[] row = new Object[RECORD_ARRAY_TYPES.length];
            row[0] = tenantId;
            row[1] = seqs[i];
            row[2] = r.type();
            row[3] = r.event().id();
            row[4] = r.key();
            row[5] = Timestamp.from(r.event().at());
            row[6] = r.digest();
            row[7] = new String(r.json(), java.nio.charset.StandardCharsets.UTF_8);
            System.arraycopy(r.filterValues(), 0, row, 8, ParsedRecord.FILTER_COLUMNS.size());
            rows.add(row);
        }
        return rows;
    }

    private static List<Object[]> assessmentRows(long tenantId, List<Produced> assessments) {
        List<Object[]> rows = new ArrayList<>(assessments.size());
        for (Produced p : assessments) {
            Assessment a = p.assessment();
            Object[] row = new Object[ASSESSMENT_ARRAY_TYPES.length];
            int k = 0;
            row[k++] = tenantId;
            row[k++] = a.id();
            row[k++] = a.subject().prefix();
            row[k++] = a.subjectId();
            row[k++] = Timestamp.from(a.asOf());
            row[k++] = p.seq();
            row[k++] = a.decision().action().name();
            row[k++] = highest(a);
            for (RiskCategory c : RiskCategory.values()) {
                row[k++] = a.probability(c);
            }
            row[k++] = a.exposureUsd();
            row[k++] = a.expectedLossUsd();
            row[k++] = p.versionsId();
            row[k] = p.stored;
            rows.add(row);
        }
        return rows;
    }

    private static void copy(PGConnection pg, String sql, BinaryCopy rows) throws SQLException {
        try {
            pg.getCopyAPI().copyIn(sql, rows.finish(), 1 << 16);
        } catch (java.io.IOException e) {
            throw new SQLException("COPY failed: " + e.getMessage(), e);
        }
    }

    /** Records a versions map under its id; true when it was not known before. */
    public boolean recordVersions(String id, java.util.Map<String, String> entries) {
        int added = jdbc.update("insert into versions (id, entries) values (?, ?::jsonb) on conflict do nothing", id,
                io.caravan.json.Json.mapper().writeValueAsString(new java.util.TreeMap<>(entries)));
        knownVersions.add(id);
        return added == 1;
    }

    /**
     * Raises alerts: a new row, or more occurrences (and the higher severity) of the open alert with the same
     * key.
     */
    public void raise(long tenantId, List<AlertDraft> alerts) {
        // A JDBC batch: the driver (reWriteBatchedInserts, DatabaseConfig) sends it as multi-row inserts. One statement
        // unnesting arrays, as writeSmall's, cost PostgreSQL the same (40 against 42 µs an alert; docs/benchmarks.md).
        jdbc.batchUpdate("insert into alert (" + ALERT_COLUMNS + ") values (?" + ", ?".repeat(ALERT_ARRAY_TYPES.length - 1) + ")"
                + ALERT_ON_CONFLICT, alertRows(tenantId, alerts));
    }

    /**
     * Alert rows in {@link #ALERT_COLUMNS} order. Drafts that share a key are merged first, as {@link #ALERT_ON_CONFLICT}
     * merges a draft into an open alert: one statement may touch a row once.
     */
    private static List<Object[]> alertRows(long tenantId, List<AlertDraft> alerts) {
        Map<String, MergedDraft> byKey = new java.util.LinkedHashMap<>();
        for (AlertDraft d : alerts) {
            MergedDraft m = byKey.get(d.dedupKey());
            if (m == null) {
                byKey.put(d.dedupKey(), new MergedDraft(d));
            } else {
                m.add(d);
            }
        }
        List<Object[]> rows = new ArrayList<>(byKey.size());
        for (MergedDraft m : byKey.values()) {
            AlertDraft d = m.last;
            rows.add(new Object[]{tenantId, d.kind(), m.severity.name(), d.subjectType(), d.subjectId(), d.dedupKey(),
                d.title(), d.detail(), d.assessmentId(), m.occurrences, Timestamp.from(m.first), Timestamp.from(m.latest)});
        }
        return rows;
    }

    /** The drafts of one key in a batch: the last one's words, the highest severity, how many, the earliest and latest times. */
    private static final class MergedDraft {
        AlertDraft last;
        io.caravan.server.alerts.Severity severity;
        int occurrences = 1;
        java.time.Instant first;
        java.time.Instant latest;

        MergedDraft(AlertDraft d) {
            last = d;
            severity = d.severity();
            first = d.at();
            latest = d.at();
        }

        void add(AlertDraft d) {
            last = d;
            if (d.severity().compareTo(severity) > 0) {
                severity = d.severity();
            }
            occurrences++;
            if (d.at().isBefore(first)) {
                first = d.at();
            }
            if (d.at().isAfter(latest)) {
                latest = d.at();
            }
        }
    }
}
