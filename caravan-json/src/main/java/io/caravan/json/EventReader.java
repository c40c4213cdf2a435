package io.caravan.json;

import io.caravan.domain.Event;
import io.caravan.domain.RecordType;
import io.caravan.reference.ReferenceData;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongConsumer;

/**
 * Reads JSON Lines files of one record type. Every line is either accepted or reported: blank lines are
 * allowed, anything else must be one JSON object of the type's schema. A record whose id repeats an earlier
 * line's is reported too. Reading goes on after an error so that one run lists every bad line.
 */
public final class EventReader {

    /** What a file gave: the accepted records in file order with their line numbers, and the rejected lines. */
    public record Result(List<Event> events, long[] lineNumbers, List<RecordError> errors, long lines) {
    }

    private final ReferenceData reference;
    private final ObjectMapper mapper = Json.mapper();

    public EventReader(ReferenceData reference) {
        this.reference = reference;
    }

    /** Reads a file; {@code progress} is told the bytes read so far (roughly, per line). */
    public Result read(Path file, RecordType type, LongConsumer progress) throws IOException {
        List<Event> events = new ArrayList<>();
        long[] numbers = new long[1024];
        List<RecordError> errors = new ArrayList<>();
        Map<String, Long> ids = new HashMap<>();
        String name = file.getFileName().toString();
        long lineNo = 0;
        long bytes = 0;
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            while ((line = in.readLine()) != null) {
                lineNo++;
                bytes += line.length() + 1;
                if (lineNo == 1 && line.startsWith("\uFEFF")) {
                    // A byte-order mark, as some Windows tools write before UTF-8 text: not part of the data.
                    line = line.substring(1);
                }
                if ((lineNo & 1023) == 0) {
                    progress.accept(bytes);
                }
                if (line.isBlank()) {
                    continue;
                }
                Event e = decodeLine(name, lineNo, line, type, errors);
                if (e == null) {
                    continue;
                }
                Long first = ids.putIfAbsent(e.id(), lineNo);
                if (first != null) {
                    errors.add(new RecordError(name, lineNo, "id", "'" + e.id() + "' was already used on line " + first
                            + "; ids must be unique within a file"));
                    continue;
                }
                if (events.size() == numbers.length) {
                    numbers = java.util.Arrays.copyOf(numbers, numbers.length * 2);
                }
                numbers[events.size()] = lineNo;
                events.add(e);
            }
        } catch (java.nio.charset.MalformedInputException e) {
            errors.add(new RecordError(name, lineNo + 1, "", "the file is not UTF-8 text; save it as UTF-8"));
        }
        progress.accept(bytes);
        return new Result(events, java.util.Arrays.copyOf(numbers, events.size()), errors, lineNo);
    }

    /**
     * Decodes one line, or adds an error and returns null. With {@code type} null the line's {@code schema}
     * field says what it is (mixed input); otherwise a schema, when present, must be the type's.
     */
    public Event decodeLine(String file, long lineNo, String line, RecordType type, List<RecordError> errors) {
        return decodeLine(file, lineNo, () -> mapper.readTree(line), type, errors);
    }

    /**
     * As {@link #decodeLine(String, long, String, RecordType, List)}, for a line of ASCII given as its bytes
     * ({@code length} of them): parsed from the bytes, without making a string of them first. The caller checks
     * that every byte is ASCII; a column in an error is then a byte's place and a character's alike.
     */
    public Event decodeAsciiLine(String file, long lineNo, byte[] line, int length, RecordType type, List<RecordError> errors) {
        return decodeLine(file, lineNo, () -> mapper.readTree(line, 0, length), type, errors);
    }

    private Event decodeLine(String file, long lineNo, java.util.function.Supplier<JsonNode> parse, RecordType type,
                             List<RecordError> errors) {
        JsonNode node;
        try {
            node = parse.get();
        } catch (JacksonException ex) {
            long column = ex.getLocation() == null ? -1 : ex.getLocation().getColumnNr();
            // the parser's own words for a cut-off line carry its internal source description; say it plainly
            String why = ex instanceof tools.jackson.core.exc.UnexpectedEndOfInputException
                    ? "the line ends before its JSON is complete (a cut-off line, or a record split over several lines?);"
                    + " put each record whole on one line"
                    : ex.getOriginalMessage();
            errors.add(new RecordError(file, lineNo, "", "not valid JSON" + (column > 0 ? " at column " + column : "") + ": " + why));
            return null;
        }
        if (node == null || !node.isObject()) {
            errors.add(new RecordError(file, lineNo, "", "each line must be one JSON object {…}"));
            return null;
        }
        return decode(file, lineNo, node, type, errors);
    }

    /** Decodes one record given as a JSON object (a JSON line read, or a CSV row built), or adds an error and returns null. */
    public Event decode(String file, long lineNo, JsonNode node, RecordType type, List<RecordError> errors) {
        JsonNode schema = node.get("schema");
        if (type == null) {
            if (schema == null || !schema.isString()) {
                errors.add(new RecordError(file, lineNo, "schema", "is missing; a line of mixed records must name its"
                        + " schema, one of " + Schemas.recordSchemas()));
                return null;
            }
            type = Schemas.typeOf(schema.stringValue()).orElse(null);
            if (type == null) {
                errors.add(new RecordError(file, lineNo, "schema", "'" + schema.stringValue() + "' is not a record schema;"
                        + " use one of " + Schemas.recordSchemas()));
                return null;
            }
        }
        String expected = Schemas.of(type);
        if (schema != null && !(schema.isString() && schema.stringValue().equals(expected))) {
            errors.add(new RecordError(file, lineNo, "schema", "is " + schema + " where " + expected
                    + " records are expected; put the line with its own type's records (their file, or /api/v1/records),"
                    + " or fix its schema"));
            return null;
        }
        try {
            Fields fields = new Fields(node, "", reference).known("schema");
            Event event = EventDecoder.decode(type, fields);
            fields.onlyKnown();
            return event;
        } catch (FieldException ex) {
            errors.add(new RecordError(file, lineNo, ex.field(), ex.getMessage()));
        } catch (IllegalArgumentException ex) {
            errors.add(new RecordError(file, lineNo, "", ex.getMessage()));
        }
        return null;
    }
}
