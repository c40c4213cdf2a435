package io.caravan.server.ingest;

import io.caravan.domain.Event;
import io.caravan.domain.RecordType;
import io.caravan.json.EventReader;
import io.caravan.json.EventWriter;
import io.caravan.json.RecordError;
import io.caravan.reference.ReferenceData;
import io.caravan.server.web.ApiException;
import org.springframework.http.HttpStatus;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Reads newline-delimited JSON from a request body into records, line by line: every line is accepted
 * or reported with its line number, field and reason. The body is read whole first (up to the byte
 * limit) and its lines counted, so a body over either limit is refused before anything is stored; then the
 * records are handed on in chunks as they are decoded, so storing overlaps decoding.
 */
public final class RecordParser {

    /** What a body gave: the records (also handed on in chunks), the rejected lines, and the line count. */
    public record Parsed(List<ParsedRecord> records, List<RecordError> errors, long lines) {
    }

    private final EventReader reader;
    private final long maxBytes;
    private final int maxRecords;

    public RecordParser(ReferenceData reference, long maxBytes, int maxRecords) {
        this.reader = new EventReader(reference);
        this.maxBytes = maxBytes;
        this.maxRecords = maxRecords;
    }

    /** Parses NDJSON; {@code type} null means each line names its schema. */
    public Parsed parse(InputStream body, RecordType type, String source) throws IOException {
        return parse(body, type, source, Integer.MAX_VALUE, chunk -> { });
    }

    /** Parses NDJSON, handing each {@code chunkSize} accepted records to {@code onChunk} as soon as they are decoded. */
    public Parsed parse(InputStream body, RecordType type, String source, int chunkSize, Consumer<List<ParsedRecord>> onChunk)
            throws IOException {
        byte[] bytes = body.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
        if (bytes.length > maxBytes) {
            throw new ApiException(HttpStatus.CONTENT_TOO_LARGE, "body-too-large", null, "the body is larger than "
                    + maxBytes + " bytes (caravan.ingest.max-body-bytes); split it into several requests");
        }
        long nonBlank = countLines(bytes);
        if (nonBlank > maxRecords) {
            throw new ApiException(HttpStatus.CONTENT_TOO_LARGE, "too-many-records", null, "the body has " + nonBlank
                    + " lines, more than " + maxRecords + " records per request (caravan.ingest.max-records);"
                    + " split it into several requests");
        }
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        List<ParsedRecord> records = new ArrayList<>();
        List<RecordError> errors = new ArrayList<>();
        MessageDigest sha = sha256();
        long lineNo = 0;
        int start = 0;
        int chunkStart = 0;
        while (start < bytes.length) {
            int end = start;
            while (end < bytes.length && bytes[end] != '\n') {
                end++;
            }
            lineNo++;
            int stop = end > start && bytes[end - 1] == '\r' ? end - 1 : end;
            String line;
            try {
                line = decoder.decode(ByteBuffer.wrap(bytes, start, stop - start)).toString();
            } catch (CharacterCodingException e) {
                errors.add(new RecordError(source, lineNo, "", "the line is not UTF-8 text; send the body as UTF-8"));
                start = end + 1;
                continue;
            }
            start = end + 1;
            if (lineNo == 1 && line.startsWith("\uFEFF")) {
                line = line.substring(1);
            }
            if (line.isBlank()) {
                continue;
            }
            Event e = reader.decodeLine(source, lineNo, line, type, errors);
            if (e != null) {
                records.add(of(lineNo, e, sha));
                if (records.size() - chunkStart == chunkSize) {
                    onChunk.accept(records.subList(chunkStart, records.size()));
                    chunkStart = records.size();
                }
            }
        }
        if (records.size() > chunkStart) {
            onChunk.accept(records.subList(chunkStart, records.size()));
        }
        return new Parsed(records, errors, lineNo);
    }

    private static long countLines(byte[] bytes) {
        long n = 0;
        boolean content = false;
        for (byte b : bytes) {
            if (b == '\n') {
                if (content) {
                    n++;
                }
                content = false;
            } else if (b != ' ' && b != '\r' && b != '\t') {
                content = true;
            }
        }
        return content ? n + 1 : n;
    }

    /** A record with its canonical JSON and digest. */
    public static ParsedRecord of(long line, Event e) {
        return of(line, e, sha256());
    }

    private static ParsedRecord of(long line, Event e, MessageDigest sha) {
        byte[] json = EventWriter.toJsonBytes(e);
        byte[] digest = sha.digest(json);
        return new ParsedRecord(line, e, json, digest);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
