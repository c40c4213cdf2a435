package io.caravan.server.ingest;

import io.caravan.domain.RecordType;
import io.caravan.json.RecordError;
import io.caravan.server.access.Caller;
import io.caravan.server.web.ApiException;
import io.caravan.server.web.BadRequest;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Ingestion. A JSON body is one record; an NDJSON body ({@code application/x-ndjson}) is many, one per line.
 * Records are idempotent by identity: a replayed record is recognised and not stored twice.
 */
@RestController
@RequestMapping("/api/v1/records")
@Tag(name = "Records", description = "Send participants, orders, payments, shipments, tracking events, listings, outcomes,"
        + " hazards and political events (schemas in docs/data-formats.md).")
public class IngestController {

    /** Errors listed in a bulk answer at most; the count says how many there were. */
    static final int MAX_LISTED_ERRORS = 1000;

    private final Ingestion ingestion;

    public IngestController(Ingestion ingestion) {
        this.ingestion = ingestion;
    }

    @Operation(summary = "Send records of any type",
            description = "Each record names its type in 'schema' (e.g. caravan.order.v1). A JSON body is one record and is"
                    + " answered with its assessment; an NDJSON body is a bulk, answered line by line. Either may come"
                    + " gzip-compressed (Content-Encoding: gzip).",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content = {
                @Content(mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(type = "object")),
                @Content(mediaType = "application/x-ndjson", schema = @Schema(type = "string"))}))
    @PostMapping(consumes = {MediaType.APPLICATION_JSON_VALUE, "application/x-ndjson"})
    public ResponseEntity<?> mixed(HttpServletRequest request, HttpServletResponse response) throws IOException {
        return receive(request, response, null);
    }

    @Operation(summary = "Send records of one type",
            description = "type is the file stem of docs/data-formats.md: participants, orders, payments, shipments, tracking,"
                    + " listings, outcomes, hazards, political-events. 'schema' may then be left out.",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content = {
                @Content(mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(type = "object")),
                @Content(mediaType = "application/x-ndjson", schema = @Schema(type = "string"))}))
    @PostMapping(path = "/{type}", consumes = {MediaType.APPLICATION_JSON_VALUE, "application/x-ndjson"})
    public ResponseEntity<?> typed(@PathVariable String type, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        return receive(request, response, stem(type));
    }

    /** The bulk's answer, or null when a single record's answer is already written to {@code response}. */
    private ResponseEntity<?> receive(HttpServletRequest request, HttpServletResponse response, RecordType type)
            throws IOException {
        Caller caller = Caller.current();
        boolean bulk = request.getContentType() != null && request.getContentType().startsWith("application/x-ndjson");
        boolean gzip = gzipped(request);
        java.io.InputStream body = gzip ? new GzipBody(request.getInputStream()) : request.getInputStream();
        long length = gzip ? -1 : request.getContentLengthLong(); // a declared length is the compressed one
        if (!bulk) {
            single(caller, ingestion.parser().parse(body, length, type, "record"), response);
            return null;
        }
        // Chunks go to storage as soon as they are decoded; each is stored in its own transaction, in order. The answer
        // counts assessments but does not carry them, so each chunk's are let go as soon as it is stored.
        List<java.util.concurrent.CompletableFuture<List<RecordOutcome>>> parts = new ArrayList<>();
        RecordParser.Parsed parsed = ingestion.parser().parse(body, length, type, "body",
                ingestion.batchRecords(), chunk -> {
                    ingestion.admit(caller.tenantId(), chunk.size());
                    parts.add(ingestion.submitAsync(caller.tenantId(), chunk));
                });
        if (parts.isEmpty() && parsed.errors().isEmpty()) {
            throw new BadRequest("", "the body is empty; send records as application/x-ndjson, one JSON object per line");
        }
        List<RecordOutcome> outcomes = new ArrayList<>();
        for (var p : parts) {
            outcomes.addAll(Ingestion.await(p));
        }
        return ResponseEntity.ok(bulkAnswer(parsed, outcomes));
    }

    /**
     * Whether the body comes gzip-compressed ({@code Content-Encoding: gzip}), as a bulk of JSON Lines often does: its text
     * is about a tenth of its size so. The limits on size and lines apply to the text once decompressed. Any other coding
     * is refused, where its bytes would otherwise have been read as lines of text.
     */
    static boolean gzipped(HttpServletRequest request) {
        String coding = request.getHeader("Content-Encoding");
        if (coding == null || coding.isBlank() || coding.trim().equalsIgnoreCase("identity")) {
            return false;
        }
        if (coding.trim().equalsIgnoreCase("gzip") || coding.trim().equalsIgnoreCase("x-gzip")) {
            return true;
        }
        throw new ApiException(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "invalid-request", "Content-Encoding", "Content-Encoding '"
                + coding.trim() + "' is not taken; send the body as it is, or compressed with gzip (Content-Encoding: gzip)");
    }

    /** A gzip-compressed body, decompressed as it is read; a body that is not gzip, or is cut off, is refused whole. */
    static final class GzipBody extends java.io.InputStream {

        private final java.io.InputStream compressed;
        private java.util.zip.GZIPInputStream text;

        GzipBody(java.io.InputStream compressed) {
            this.compressed = compressed;
        }

        @Override
        public int read() throws IOException {
            try {
                return text().read();
            } catch (java.util.zip.ZipException | java.io.EOFException e) {
                throw notWhole(e);
            }
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            try {
                return text().read(b, off, len);
            } catch (java.util.zip.ZipException | java.io.EOFException e) {
                throw notWhole(e);
            }
        }

        /** Opened at the first read, which reads the gzip header: a body that is not gzip is refused from there too. */
        private java.io.InputStream text() throws IOException {
            if (text == null) {
                text = new java.util.zip.GZIPInputStream(compressed, 1 << 16);
            }
            return text;
        }

        private static BadRequest notWhole(IOException e) {
            return new BadRequest("Content-Encoding", "the body is sent as gzip (Content-Encoding: gzip) but is not whole"
                    + " gzip data (" + e.getMessage() + "); nothing was stored. Compress it again, e.g. with"
                    + " 'gzip -c orders.jsonl', or send it uncompressed without that header");
        }

        @Override
        public void close() throws IOException {
            compressed.close();
        }
    }

    /**
     * Stores one record and writes its answer straight to the response. Returned as a {@code ResponseEntity<byte[]>},
     * the answer went through Spring MVC's return-value handling, content negotiation and message converters, which
     * took a tenth of the HTTP threads' CPU at 1 000 records a second (docs/benchmarks.md, 2026-11-27, late morning).
     * Errors are still thrown, and answered as problem details like any other.
     */
    private void single(Caller caller, RecordParser.Parsed parsed, HttpServletResponse response) throws IOException {
        if (!parsed.errors().isEmpty()) {
            RecordError e = parsed.errors().get(0);
            throw new BadRequest(e.field(), e.message());
        }
        if (parsed.records().size() != 1) {
            throw new BadRequest("", parsed.records().isEmpty() ? "the body is empty; send one JSON record"
                    : "a JSON body holds one record; send several as application/x-ndjson, one per line");
        }
        ingestion.admit(caller.tenantId(), 1);
        ParsedRecord r = parsed.records().get(0);
        RecordOutcome o = ingestion.submit(caller.tenantId(), parsed.records()).get(0);
        if (o.status() == RecordOutcome.Status.CONFLICT) {
            throw ApiException.conflict("id", o.message());
        }
        byte[] answer = singleAnswer(o, r);
        response.setStatus(o.status() == RecordOutcome.Status.ACCEPTED ? HttpStatus.CREATED.value() : HttpStatus.OK.value());
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setContentLength(answer.length);
        response.getOutputStream().write(answer);
    }

    /**
     * The answer to one record, written here whole so that it goes out with its length in one write. Through Spring's
     * JSON converter it went chunked: the body was flushed, then the last chunk written on its own, two system calls
     * per answer where the socket writes took a sixth of the HTTP threads' CPU at 1 000 records a second. The
     * assessment's JSON (some 4.6 kB for an order) is copied in as the bytes it was encoded to, not decoded to text and
     * written again.
     */
    static byte[] singleAnswer(RecordOutcome o, ParsedRecord r) {
        var head = new java.io.ByteArrayOutputStream(128);
        try (var g = io.caravan.json.Json.mapper().createGenerator(head)) {
            g.writeStartObject();
            g.writeStringProperty("status", o.status().name().toLowerCase(java.util.Locale.ROOT));
            g.writeStringProperty("type", r.type());
            g.writeStringProperty("id", r.event().id());
            g.writeNumberProperty("seq", o.seq());
            g.writeEndObject();
        }
        byte[] assessment = o.assessmentJson();
        if (assessment == null) {
            return head.toByteArray();
        }
        byte[] h = head.toByteArray();
        byte[] answer = new byte[h.length - 1 + ASSESSMENT_NAME.length + assessment.length + 1];
        System.arraycopy(h, 0, answer, 0, h.length - 1); // all but the closing brace
        System.arraycopy(ASSESSMENT_NAME, 0, answer, h.length - 1, ASSESSMENT_NAME.length);
        System.arraycopy(assessment, 0, answer, h.length - 1 + ASSESSMENT_NAME.length, assessment.length);
        answer[answer.length - 1] = '}';
        return answer;
    }

    private static final byte[] ASSESSMENT_NAME = ",\"assessment\":".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    static Map<String, Object> bulkAnswer(RecordParser.Parsed parsed, List<RecordOutcome> outcomes) {
        List<Long> accepted = new ArrayList<>();
        List<Long> duplicates = new ArrayList<>();
        List<Map<String, Object>> errors = new ArrayList<>();
        int errorCount = parsed.errors().size();
        for (RecordError e : parsed.errors()) {
            if (errors.size() < MAX_LISTED_ERRORS) {
                errors.add(error(e.line(), e.field(), e.message()));
            }
        }
        int assessments = 0;
        for (RecordOutcome o : outcomes) {
            switch (o.status()) {
                case ACCEPTED -> {
                    accepted.add(o.line());
                    if (o.assessed()) {
                        assessments++;
                    }
                }
                case DUPLICATE -> duplicates.add(o.line());
                case CONFLICT -> {
                    errorCount++;
                    if (errors.size() < MAX_LISTED_ERRORS) {
                        errors.add(error(o.line(), "id", o.message()));
                    }
                }
            }
        }
        errors.sort(java.util.Comparator.comparingLong(m -> (Long) m.get("line")));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("lines", parsed.lines());
        body.put("accepted", accepted.size());
        body.put("duplicates", duplicates.size());
        body.put("rejected", errorCount);
        body.put("assessments", assessments);
        body.put("accepted_lines", LineRanges.of(accepted));
        body.put("duplicate_lines", LineRanges.of(duplicates));
        body.put("errors", errors);
        if (errorCount > errors.size()) {
            body.put("errors_not_listed", errorCount - errors.size());
        }
        return body;
    }

    private static Map<String, Object> error(long line, String field, String reason) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("line", line);
        m.put("field", field == null ? "" : field);
        m.put("reason", reason);
        return m;
    }

    /** The record type of a file stem such as {@code orders}, or 404 listing the stems. */
    public static RecordType stem(String s) {
        for (RecordType t : RecordType.values()) {
            if (t.fileStem().equals(s)) {
                return t;
            }
        }
        List<String> stems = new ArrayList<>();
        for (RecordType t : RecordType.values()) {
            stems.add(t.fileStem());
        }
        throw new ApiException(HttpStatus.NOT_FOUND, "unknown-record-type", "type",
                "'" + s + "' is not a record type; use one of " + String.join(", ", stems));
    }
}
