package io.caravan.server.ingest;

import io.caravan.domain.Event;
import io.caravan.domain.RecordType;
import io.caravan.json.CsvRecords;
import io.caravan.json.Json;
import io.caravan.json.RecordError;
import io.caravan.server.access.Caller;
import io.caravan.server.audit.AuditLog;
import io.caravan.server.web.ApiException;
import io.caravan.server.web.BadRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.InputStream;
import java.time.OffsetDateTime;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Files imported by people: JSON Lines or CSV, read as they are uploaded. Each batch of records is stored
 * (with its assessments and alerts, as the API stores them) while the rest of the file is still arriving, and
 * the run's counts are updated with it; a file that breaks off mid-way keeps every record stored before the
 * break, the unfinished last line is never taken, and sending the file again adds only what is missing
 * (stored records are recognised as duplicates). Every rejected line is kept with its line, field and reason.
 */
@Component
public class Imports {

    private static final Logger LOG = LoggerFactory.getLogger(Imports.class);

    /** Errors kept per run; the count says how many there were. */
    static final int MAX_KEPT_ERRORS = 1000;
    /** Batches stored concurrently with reading the next. */
    private static final int IN_FLIGHT = 2;

    public enum Format {
        JSONL, CSV;

        /** The format chosen, or by the file's extension; null if neither says. */
        public static Format of(String chosen, String fileName) {
            if (chosen != null && !chosen.isBlank() && !chosen.equalsIgnoreCase("auto")) {
                try {
                    return valueOf(chosen.trim().toUpperCase(Locale.ROOT));
                } catch (IllegalArgumentException e) {
                    throw new BadRequest("format", "'" + chosen + "' is not a format; use jsonl or csv");
                }
            }
            String n = withoutGz(fileName.toLowerCase(Locale.ROOT));
            if (n.endsWith(".csv")) {
                return CSV;
            }
            if (n.endsWith(".jsonl") || n.endsWith(".ndjson") || n.endsWith(".json")) {
                return JSONL;
            }
            throw new BadRequest("format", "the file name '" + fileName + "' does not end in .jsonl, .ndjson or .csv (or one of"
                    + " them and .gz); choose the format");
        }
    }

    /** One import: what was sent, how far it got, what was wrong. */
    public record Run(long id, String fileName, String format, String recordType, String byUser, String status,
                      OffsetDateTime startedAt, OffsetDateTime finishedAt, long bytes, long lines, long lastLine, long accepted,
                      long duplicates, long rejected, List<Map<String, Object>> errors, String problem) {
    }

    private final Ingestion ingestion;
    private final JdbcTemplate jdbc;
    private final AuditLog audit;

    public Imports(Ingestion ingestion, JdbcTemplate jdbc, AuditLog audit) {
        this.ingestion = ingestion;
        this.jdbc = jdbc;
        this.audit = audit;
    }

    /**
     * The record type chosen ({@code orders}, …), or by the file name's start ({@code orders-march.csv}); for
     * JSON Lines none is needed (each line names its schema), for CSV one is.
     */
    public static RecordType type(String chosen, String fileName, Format format) {
        if (chosen != null && !chosen.isBlank() && !chosen.equalsIgnoreCase("auto")) {
            try {
                return IngestController.stem(chosen.trim());
            } catch (ApiException e) {
                throw new BadRequest("type", e.getMessage());
            }
        }
        String n = withoutGz(fileName.toLowerCase(Locale.ROOT));
        for (RecordType t : RecordType.values()) {
            String stem = t.fileStem();
            if (n.startsWith(stem) && (n.length() == stem.length() || ".-_ ".indexOf(n.charAt(stem.length())) >= 0)) {
                return t;
            }
        }
        if (format == Format.CSV) {
            throw new BadRequest("type", "choose the record type: a CSV file holds one type, and the name '" + fileName
                    + "' does not start with one (orders.csv, participants-2025.csv, …)");
        }
        return null;
    }

    /** A file name without the .gz of a compressed file: orders.csv.gz names a CSV file of orders. */
    static String withoutGz(String name) {
        return name.endsWith(".gz") ? name.substring(0, name.length() - 3) : name;
    }

    /**
     * The upload's text: a gzip-compressed file (orders.jsonl.gz), known by its first two bytes whatever its name, is
     * decompressed as it arrives. A compressed file cut off or corrupt ends the reading as an upload that breaks off does.
     */
    static InputStream text(InputStream upload) {
        return new InputStream() {
            private InputStream in;

            private InputStream in() throws IOException {
                if (in == null) {
                    java.io.BufferedInputStream b = new java.io.BufferedInputStream(upload, 1 << 16);
                    b.mark(2);
                    int first = b.read();
                    int second = b.read();
                    b.reset();
                    in = first == 0x1f && second == 0x8b ? new java.util.zip.GZIPInputStream(b, 1 << 16) : b;
                }
                return in;
            }

            @Override
            public int read() throws IOException {
                return in().read();
            }

            @Override
            public int read(byte[] buf, int off, int len) throws IOException {
                return in().read(buf, off, len);
            }

            @Override
            public void close() throws IOException {
                upload.close();
            }
        };
    }

    /** Reads, checks and stores a file as it arrives; returns the finished run (DONE, or BROKEN with why). */
    public Run run(Caller caller, String fileName, Format format, RecordType type, InputStream in) {
        String name = fileName.replaceAll("[\\\\/\r\n]", "_");
        long id = jdbc.queryForObject("insert into import_run (tenant_id, file_name, format, record_type, by_user)"
                + " values (?, ?, ?, ?, ?) returning id", Long.class, caller.tenantId(), name, format.name(),
                type == null ? null : type.fileStem(), caller.name());
        audit.record(caller.tenantId(), caller.name(), "import.started", "import:" + id, name);
        Tally tally = new Tally();
        ArrayDeque<CompletableFuture<List<RecordOutcome>>> pending = new ArrayDeque<>();
        InputStream text = text(in);
        Source source = format == Format.CSV ? csv(text, name, type) : jsonl(text, name, type);
        List<ParsedRecord> batch = new ArrayList<>();
        String problem = null;
        try {
            for (Item item = source.next(); item != null; item = source.next()) {
                tally.lines = item.line();
                tally.bytes = source.bytes();
                if (item.error() != null) {
                    tally.error(item.error().line(), item.error().field(), item.error().message());
                    continue;
                }
                batch.add(RecordParser.of(item.line(), item.event()));
                if (batch.size() == ingestion.batchRecords()) {
                    List<ParsedRecord> full = batch;
                    batch = new ArrayList<>();
                    store(caller, id, full, pending, tally);
                }
            }
            tally.bytes = source.bytes();
            if (tally.lines == 0) {
                tally.lines = 1;
                tally.error(1, "", "the file is empty: it holds no record; choose the file again, or another one");
            }
        } catch (IOException e) {
            problem = "The upload broke off after line " + tally.lines + " (" + source.bytes() + " bytes received): "
                    + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()) + ". Every record read before"
                    + " the break is stored and nothing after it; send the whole file again — stored records are recognised"
                    + " as duplicates and only the rest are added.";
        } catch (ApiException e) {
            problem = "Stopped after line " + tally.lines + ": " + e.getMessage() + ". Records read before it are stored;"
                    + " send the file again to add the rest.";
        } catch (RuntimeException e) {
            LOG.error("import {} failed", id, e);
            problem = "Stopped after line " + tally.lines + " by a server error (logged as import " + id + "). Records read"
                    + " before it are stored; send the file again to add the rest.";
        } finally {
            // the lines read whole before the end (or the break) are records like any other
            if (!batch.isEmpty()) {
                try {
                    store(caller, id, batch, pending, tally);
                } catch (RuntimeException e) {
                    LOG.error("import {}: the last batch was not stored", id, e);
                    problem = problem != null ? problem : "The last batch was not stored: " + e.getMessage()
                            + ". Send the file again; stored records are recognised as duplicates.";
                }
            }
            problem = drain(id, pending, tally, problem);
            tally.errors.sort(Comparator.comparingLong(m -> (Long) m.get("line")));
            jdbc.update("update import_run set status = ?, finished_at = now(), problem = ? where id = ?",
                    problem == null ? "DONE" : "BROKEN", problem, id);
            progress(id, tally);
            audit.record(caller.tenantId(), caller.name(), "import.finished", "import:" + id, name + ": " + tally.accepted
                    + " accepted, " + tally.duplicates + " duplicates, " + tally.rejected + " rejected"
                    + (problem == null ? "" : "; broke off after line " + tally.lines));
        }
        return get(caller.tenantId(), id);
    }

    /** Queues a batch for storage; when too many are in flight, waits for the oldest and counts it. */
    private void store(Caller caller, long id, List<ParsedRecord> batch, ArrayDeque<CompletableFuture<List<RecordOutcome>>> pending,
                       Tally tally) {
        ingestion.admitWaiting(caller.tenantId(), batch.size());
        pending.add(ingestion.submitAsync(caller.tenantId(), batch));
        while (pending.size() > IN_FLIGHT) {
            tally.count(Ingestion.await(pending.poll()));
            progress(id, tally);
        }
    }

    /** Waits for every queued batch: they were read whole, so they are stored even when the upload broke off. */
    private String drain(long id, ArrayDeque<CompletableFuture<List<RecordOutcome>>> pending, Tally tally, String problem) {
        while (!pending.isEmpty()) {
            try {
                tally.count(Ingestion.await(pending.poll()));
            } catch (RuntimeException e) {
                LOG.error("import {}: a batch was not stored", id, e);
                if (problem == null) {
                    problem = "A batch was not stored: " + e.getMessage() + ". Send the file again; stored records are"
                            + " recognised as duplicates.";
                }
            }
        }
        return problem;
    }

    private void progress(long id, Tally t) {
        jdbc.update("update import_run set bytes = ?, lines = ?, last_line = ?, accepted = ?, duplicates = ?, rejected = ?,"
                + " errors = ?::jsonb where id = ?", t.bytes, t.lines, t.lastLine, t.accepted, t.duplicates, t.rejected,
                Json.mapper().writeValueAsString(t.errors), id);
    }

    public List<Run> recent(long tenantId, int n) {
        return jdbc.query("select * from import_run where tenant_id = ? order by id desc limit ?", (rs, i) -> run(rs), tenantId, n);
    }

    public Run get(long tenantId, long id) {
        List<Run> l = jdbc.query("select * from import_run where tenant_id = ? and id = ?", (rs, i) -> run(rs), tenantId, id);
        if (l.isEmpty()) {
            throw ApiException.notFound("import", Long.toString(id));
        }
        return l.get(0);
    }

    @SuppressWarnings("unchecked")
    private static Run run(java.sql.ResultSet rs) throws java.sql.SQLException {
        List<Map<String, Object>> errors = Json.mapper().readValue(rs.getString("errors"), List.class);
        return new Run(rs.getLong("id"), rs.getString("file_name"), rs.getString("format"), rs.getString("record_type"),
                rs.getString("by_user"), rs.getString("status"), rs.getObject("started_at", OffsetDateTime.class),
                rs.getObject("finished_at", OffsetDateTime.class), rs.getLong("bytes"), rs.getLong("lines"), rs.getLong("last_line"),
                rs.getLong("accepted"), rs.getLong("duplicates"), rs.getLong("rejected"), errors, rs.getString("problem"));
    }

    /** What a run has done so far. */
    private static final class Tally {
        long bytes;
        long lines;
        long lastLine;
        long accepted;
        long duplicates;
        long rejected;
        final List<Map<String, Object>> errors = new ArrayList<>();

        void error(long line, String field, String reason) {
            rejected++;
            lastLine = Math.max(lastLine, line);
            if (errors.size() < MAX_KEPT_ERRORS) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("line", line);
                m.put("field", field == null ? "" : field);
                m.put("reason", reason);
                errors.add(m);
            }
        }

        void count(List<RecordOutcome> outcomes) {
            for (RecordOutcome o : outcomes) {
                lastLine = Math.max(lastLine, o.line());
                switch (o.status()) {
                    case ACCEPTED -> accepted++;
                    case DUPLICATE -> duplicates++;
                    case CONFLICT -> error(o.line(), "id", o.message());
                }
            }
        }
    }

    /** A line read: its record, or why it was refused. */
    private record Item(long line, Event event, RecordError error) {
    }

    private interface Source {
        /** The next non-blank line, or null at the end; throws when the upload breaks off. */
        Item next() throws IOException;

        long bytes();
    }

    private Source jsonl(InputStream in, String file, RecordType type) {
        RecordParser.Lines lines = ingestion.parser().lines(in, type, file);
        return new Source() {
            @Override
            public Item next() throws IOException {
                RecordParser.Line l = lines.next();
                return l == null ? null : new Item(l.number(), l.event(), l.error());
            }

            @Override
            public long bytes() {
                return lines.bytesRead();
            }
        };
    }

    private Source csv(InputStream in, String file, RecordType type) {
        CsvRecords rows = new CsvRecords(in, file);
        RecordParser parser = ingestion.parser();
        return new Source() {
            @Override
            public Item next() throws IOException {
                CsvRecords.Row row = rows.next();
                if (row == null) {
                    return null;
                }
                if (row.error() != null) {
                    return new Item(row.line(), null, row.error());
                }
                return decoded(row.line(), errors -> parser.decode(file, row.line(), row.node(), type, errors));
            }

            @Override
            public long bytes() {
                return rows.bytesRead();
            }
        };
    }

    private static Item decoded(long line, java.util.function.Function<List<RecordError>, Event> decode) {
        List<RecordError> errors = new ArrayList<>(1);
        Event e = decode.apply(errors);
        return e != null ? new Item(line, e, null) : new Item(line, null, errors.get(0));
    }
}
