package io.caravan.server.ingest;

import io.caravan.domain.Event;
import io.caravan.domain.RecordType;
import io.caravan.json.EventReader;
import io.caravan.json.EventWriter;
import io.caravan.json.RecordError;
import io.caravan.reference.ReferenceData;
import io.caravan.server.web.ApiException;
import org.springframework.http.HttpStatus;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * Reads newline-delimited JSON from a request body into records, line by line: every line is accepted
 * or reported with its line number, field and reason. The body is read whole first (up to the byte
 * limit) and its lines counted, so a body over either limit is refused before anything is stored; then the
 * records are handed on in chunks as they are decoded, so storing overlaps decoding.
 */
public final class RecordParser {

    /**
     * What a body gave: the records (none when they were handed on in chunks: a large body's records are not held
     * until the answer), the rejected lines, and the line count.
     */
    public record Parsed(List<ParsedRecord> records, List<RecordError> errors, long lines) {
    }

    private final EventReader reader;
    private final long maxBytes;
    private final int maxRecords;
    private final Duration maxAhead;
    private final Clock clock;

    public RecordParser(ReferenceData reference, long maxBytes, int maxRecords, Duration maxAhead, Clock clock) {
        this.reader = new EventReader(reference);
        this.maxBytes = maxBytes;
        this.maxRecords = maxRecords;
        this.maxAhead = maxAhead;
        this.clock = clock;
    }

    /**
     * Refuses a record dated further ahead of this server's clock than {@code caravan.ingest.max-ahead} allows, adding
     * the error and answering null. A record's time says when something happened. One dated years ahead (a wrong year, a time zone read as
     * an offset) would also move its organisation's clock there, and the qualification sweep, which examines licences
     * as of the newest record, would then find every licence lapsed.
     */
    private Event checked(Event e, String source, long line, List<RecordError> errors) {
        Instant now = clock.instant();
        if (e == null || !e.at().isAfter(now.plus(maxAhead))) {
            return e;
        }
        errors.add(new RecordError(source, line, "at", "'" + e.at() + "' is more than " + maxAhead.toString().substring(2).toLowerCase(Locale.ROOT)
                + " ahead of this server's clock (" + now.truncatedTo(ChronoUnit.SECONDS) + "; caravan.ingest.max-ahead);"
                + " a record's time is when it happened: check its year and time zone"));
        return null;
    }

    /** Decodes one record given as a JSON object (a CSV row built), as a line of a body is: null with an error when refused. */
    public Event decode(String source, long line, JsonNode node, RecordType type, List<RecordError> errors) {
        return checked(reader.decode(source, line, node, type, errors), source, line, errors);
    }

    /**
     * Parses NDJSON; {@code type} null means each line names its schema. {@code length} is the body's declared length
     * (a request's {@code Content-Length}), or -1 when it is not known.
     */
    public Parsed parse(InputStream body, long length, RecordType type, String source) throws IOException {
        List<ParsedRecord> all = new ArrayList<>();
        Parsed p = parse(body, length, type, source, Integer.MAX_VALUE, all::addAll);
        return new Parsed(all, p.errors(), p.lines());
    }

    /**
     * Parses NDJSON, handing each {@code chunkSize} accepted records to {@code onChunk} (a list of its own) as soon
     * as they are decoded; the answer's records are empty.
     */
    public Parsed parse(InputStream body, long length, RecordType type, String source, int chunkSize,
                        Consumer<List<ParsedRecord>> onChunk) throws IOException {
        byte[] bytes = read(body, length);
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
        List<ParsedRecord> chunk = new ArrayList<>();
        List<RecordError> errors = new ArrayList<>();
        MessageDigest sha = sha256();
        Lines lines = new Lines(io.caravan.json.ByteLines.of(bytes), type, source);
        for (Line l = lines.next(); l != null; l = lines.next()) {
            if (l.error() != null) {
                errors.add(l.error());
                continue;
            }
            chunk.add(of(l.number(), l.event(), sha));
            if (chunk.size() == chunkSize) {
                onChunk.accept(chunk);
                chunk = new ArrayList<>();
            }
        }
        if (!chunk.isEmpty()) {
            onChunk.accept(chunk);
        }
        return new Parsed(List.of(), errors, lines.read());
    }

    /** Declared lengths up to this are trusted for the array's size; a longer body's memory grows as its bytes arrive. */
    private static final long PRESIZED_LIMIT = 1 << 20;

    /**
     * The body, whole, or its first {@code maxBytes + 1} bytes when it is longer. With a declared length of at most
     * {@link #PRESIZED_LIMIT} the bytes are read into an array of that size; otherwise {@link InputStream#readNBytes(int)}
     * reads them in 8 KiB pieces and copies them into one array, which for a single record of half a kilobyte allocated
     * 8 KiB more than the record. The limit keeps a client that declares a large body and sends nothing from holding that
     * much memory.
     */
    private byte[] read(InputStream body, long length) throws IOException {
        if (length < 0 || length > Math.min(maxBytes, PRESIZED_LIMIT)) {
            return body.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
        }
        byte[] bytes = new byte[(int) length];
        int n = body.readNBytes(bytes, 0, bytes.length);
        if (n < bytes.length) {
            return java.util.Arrays.copyOf(bytes, n); // the body broke off: its lines are read as far as they go
        }
        int extra = body.read();
        if (extra < 0) {
            return bytes;
        }
        // More than declared, which a server's request stream does not give: the rest is read as far as the limit.
        byte[] rest = body.readNBytes((int) (maxBytes - bytes.length));
        byte[] all = java.util.Arrays.copyOf(bytes, bytes.length + 1 + rest.length);
        all[bytes.length] = (byte) extra;
        System.arraycopy(rest, 0, all, bytes.length + 1, rest.length);
        return all;
    }

    /** One non-blank line read: its record, or why it was refused. */
    public record Line(long number, Event event, RecordError error) {
    }

    /** Non-blank lines of JSON Lines as they arrive, each decoded into a record or refused with its line and field. */
    public final class Lines {
        private final io.caravan.json.ByteLines in;
        private final RecordType type;
        private final String source;
        private final CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);

        Lines(io.caravan.json.ByteLines in, RecordType type, String source) {
            this.in = in;
            this.type = type;
            this.source = source;
        }

        /** The next non-blank line, or null at the end; throws when the stream breaks off. */
        public Line next() throws IOException {
            while (in.next()) {
                long n = in.number();
                if (in.tooLong()) {
                    return new Line(n, null, new RecordError(source, n, "", io.caravan.json.ByteLines.tooLongMessage()));
                }
                int ascii = ascii(in.line(), in.length());
                if (ascii == BLANK) {
                    continue;
                }
                if (ascii == CONTENT) {
                    List<RecordError> errors = new ArrayList<>(1);
                    return line(n, reader.decodeAsciiLine(source, n, in.line(), in.length(), type, errors), errors);
                }
                String line;
                try {
                    line = utf8.decode(ByteBuffer.wrap(in.line(), 0, in.length())).toString();
                } catch (CharacterCodingException e) {
                    return new Line(n, null, new RecordError(source, n, "", "the line is not UTF-8 text; save or send it as UTF-8"));
                }
                if (n == 1 && line.startsWith("\uFEFF")) {
                    line = line.substring(1);
                }
                if (!line.isBlank()) {
                    List<RecordError> errors = new ArrayList<>(1);
                    return line(n, reader.decodeLine(source, n, line, type, errors), errors);
                }
            }
            return null;
        }

        /** Line {@code n} as decoded: its record, checked against the clock, or the error that refused it. */
        private Line line(long n, Event decoded, List<RecordError> errors) {
            Event e = checked(decoded, source, n, errors);
            return e != null ? new Line(n, e, null) : new Line(n, null, errors.get(0));
        }

        /** Lines read so far, blank ones too. */
        public long read() {
            return in.number();
        }

        /** Bytes read so far. */
        public long bytesRead() {
            return in.bytesRead();
        }
    }

    private static final int BLANK = 0;
    private static final int CONTENT = 1;
    private static final int NOT_ASCII = 2;

    /**
     * Whether a line is all ASCII and then whether it is blank (only characters {@link String#isBlank} skips), so
     * that most lines are parsed from their bytes; a line with any other byte is decoded as UTF-8 first.
     */
    private static int ascii(byte[] line, int length) {
        int kind = BLANK;
        for (int i = 0; i < length; i++) {
            byte b = line[i];
            if (b < 0) {
                return NOT_ASCII;
            }
            if (kind == BLANK && !Character.isWhitespace(b)) {
                kind = CONTENT;
            }
        }
        return kind;
    }

    /** Reads JSON Lines from a stream, line by line, as they arrive. */
    public Lines lines(InputStream in, RecordType type, String source) {
        return new Lines(new io.caravan.json.ByteLines(in), type, source);
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
