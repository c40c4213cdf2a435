package io.caravan.json;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Records in CSV (RFC 4180: comma-separated, fields with commas, quotes or line breaks in double quotes),
 * one per row. The header names each column by its field's path in the record's JSON — {@code id},
 * {@code payer.name}, {@code items[0].hs_code}, {@code aliases[1]} — and each row becomes that JSON object,
 * to be checked exactly as a JSON line is. An empty cell leaves its field out; lists fill from {@code [0]}
 * without gaps. Cells of the number fields ({@link #NUMBER_FIELDS}) that read as numbers become numbers;
 * every other cell stays text (an HS code or an id of digits keeps its leading zeros). Lines starting with
 * {@code #} before the header are comments. A row's number is the line it starts on.
 */
public final class CsvRecords {

    /** Fields whose values are JSON numbers in the record schemas; all other fields are text. */
    public static final Set<String> NUMBER_FIELDS = Set.of("quantity", "share", "severity", "delay_days", "radius_km", "lat",
            "lon", "leg", "sequence");

    /** One row: its JSON object, or what is wrong with the row as CSV. */
    public record Row(long line, JsonNode node, RecordError error) {
    }

    private static final Pattern SEGMENT = Pattern.compile("([a-z_][a-z0-9_]*)(?:\\[(\\d{1,4})])?");
    private static final Pattern NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?([eE][+-]?\\d+)?");

    private final ByteLines lines;
    private final String file;
    private final CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    private List<String[]> columns;
    private List<String> header;

    public CsvRecords(InputStream in, String file) {
        this.lines = new ByteLines(in);
        this.file = file;
    }

    /** Bytes read so far. */
    public long bytesRead() {
        return lines.bytesRead();
    }

    /**
     * The next row, or null at the end. The header's problems come back as an error row on line 1 (or the
     * header's line), after which there are no more rows: nothing can be read against a wrong header.
     */
    public Row next() throws IOException {
        while (true) {
            if (!lines.next()) {
                if (columns == null && header == null) {
                    header = List.of();
                    return new Row(1, null, new RecordError(file, 1, "", "the file is empty; the first line must be a header"
                            + " naming the fields, e.g. id,at,merchant_id,ship_from,ship_to,items[0].sku,…"));
                }
                return null;
            }
            long start = lines.number();
            if (lines.tooLong()) {
                return error(start, "", ByteLines.tooLongMessage());
            }
            boolean badText = false;
            StringBuilder text = new StringBuilder();
            int quotes = 0;
            while (true) {
                quotes += countQuotes(lines.line(), lines.length());
                try {
                    text.append(utf8.decode(ByteBuffer.wrap(lines.line(), 0, lines.length())));
                } catch (CharacterCodingException e) {
                    badText = true;
                }
                if (quotes % 2 == 0 || !lines.next()) {
                    break;
                }
                text.append('\n');
            }
            if (start == 1 && text.length() > 0 && text.charAt(0) == '\uFEFF') {
                text.deleteCharAt(0);
            }
            if (header == null && text.length() > 0 && text.charAt(0) == '#') {
                continue;
            }
            if (text.toString().isBlank() && !badText) {
                continue;
            }
            if (badText) {
                return error(start, "", "the row is not UTF-8 text; save the file as UTF-8");
            }
            if (quotes % 2 != 0) {
                return error(start, "", "a quoted field opened on this line is never closed; close it with \"");
            }
            List<String> cells = new ArrayList<>();
            String problem = split(text, cells);
            if (header == null) {
                Row wrong = readHeader(start, problem, cells);
                if (wrong != null) {
                    return wrong;
                }
                continue;
            }
            if (columns == null) {
                return null;
            }
            if (problem != null) {
                return error(start, "", problem);
            }
            if (cells.size() > header.size()) {
                return error(start, "", "the row has " + cells.size() + " cells but the header names " + header.size()
                        + " columns; quote cells that contain commas");
            }
            return build(start, cells);
        }
    }

    /** Reads the header's field paths; a wrong header comes back as an error row. */
    private Row readHeader(long line, String problem, List<String> cells) {
        header = cells;
        if (problem != null) {
            return error(line, "", "header: " + problem);
        }
        List<String[]> paths = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < cells.size(); i++) {
            String name = cells.get(i).trim();
            String[] segments = name.split("\\.", -1);
            for (String s : segments) {
                if (!SEGMENT.matcher(s).matches()) {
                    return error(line, name, "column " + (i + 1) + " of the header, '" + name + "', is not a field path; name columns"
                            + " like id, payer.name or items[0].hs_code (lower case, as in docs/data-formats.md)");
                }
            }
            if (!seen.add(name)) {
                return error(line, name, "the header names column '" + name + "' twice");
            }
            paths.add(segments);
        }
        for (String a : seen) {
            for (String b : seen) {
                if (b.startsWith(a + ".") || b.startsWith(a + "[")) {
                    return error(line, a, "the header names both '" + a + "' and '" + b + "'; a field is either a value or holds others");
                }
            }
        }
        columns = paths;
        return null;
    }

    /** A row's cells as nested maps (objects), sorted maps (lists) and leaves, then as JSON. */
    private Row build(long line, List<String> cells) {
        Map<String, Object> root = new LinkedHashMap<>();
        for (int i = 0; i < cells.size(); i++) {
            String value = cells.get(i).trim();
            if (value.isEmpty()) {
                continue;
            }
            String[] path = columns.get(i);
            Object container = root;
            for (int s = 0; s < path.length; s++) {
                var m = SEGMENT.matcher(path[s]);
                m.matches();
                String name = m.group(1);
                boolean last = s == path.length - 1;
                Object leaf = last ? leaf(name, value) : null;
                @SuppressWarnings("unchecked")
                Map<String, Object> object = (Map<String, Object>) container;
                if (m.group(2) == null) {
                    container = last ? object.put(name, leaf) : object.computeIfAbsent(name, k -> new LinkedHashMap<String, Object>());
                } else {
                    @SuppressWarnings("unchecked")
                    TreeMap<Integer, Object> list = (TreeMap<Integer, Object>) object.computeIfAbsent(name, k -> new TreeMap<Integer, Object>());
                    int index = Integer.parseInt(m.group(2));
                    container = last ? list.put(index, leaf) : list.computeIfAbsent(index, k -> new LinkedHashMap<String, Object>());
                }
            }
        }
        try {
            return new Row(line, json(root, ""), null);
        } catch (GapException e) {
            return error(line, e.field, "is empty but a later element of the list is filled; fill the list from [0] without gaps");
        }
    }

    private static Object leaf(String name, String value) {
        if (NUMBER_FIELDS.contains(name) && NUMBER.matcher(value).matches()) {
            return new BigDecimal(value);
        }
        return value;
    }

    private static final class GapException extends RuntimeException {
        final String field;

        GapException(String field) {
            super(field, null, false, false);
            this.field = field;
        }
    }

    @SuppressWarnings("unchecked")
    private static JsonNode json(Object o, String path) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        if (o instanceof TreeMap<?, ?> list) {
            ArrayNode node = f.arrayNode();
            int expected = 0;
            for (Map.Entry<Integer, Object> e : ((TreeMap<Integer, Object>) list).entrySet()) {
                if (e.getKey() != expected) {
                    throw new GapException(path + "[" + expected + "]");
                }
                node.add(json(e.getValue(), path + "[" + expected + "]"));
                expected++;
            }
            return node;
        }
        if (o instanceof Map<?, ?> map) {
            ObjectNode node = f.objectNode();
            ((Map<String, Object>) map).forEach((k, v) -> node.set(k, json(v, path.isEmpty() ? k : path + "." + k)));
            return node;
        }
        if (o instanceof BigDecimal d) {
            return d.scale() <= 0 && d.abs().compareTo(BigDecimal.valueOf(Integer.MAX_VALUE)) <= 0
                    ? f.numberNode(d.intValueExact()) : f.numberNode(d.doubleValue());
        }
        return f.stringNode((String) o);
    }

    private Row error(long line, String field, String message) {
        return new Row(line, null, new RecordError(file, line, field, message));
    }

    private static int countQuotes(byte[] b, int n) {
        int q = 0;
        for (int i = 0; i < n; i++) {
            if (b[i] == '"') {
                q++;
            }
        }
        return q;
    }

    /** Splits one row into cells; returns what is wrong with it, or null. */
    static String split(CharSequence row, List<String> cells) {
        StringBuilder cell = new StringBuilder();
        int i = 0;
        int n = row.length();
        while (true) {
            cell.setLength(0);
            if (i < n && row.charAt(i) == '"') {
                i++;
                while (true) {
                    if (i >= n) {
                        return "a quoted field is never closed";
                    }
                    char c = row.charAt(i++);
                    if (c == '"') {
                        if (i < n && row.charAt(i) == '"') {
                            cell.append('"');
                            i++;
                        } else {
                            break;
                        }
                    } else {
                        cell.append(c);
                    }
                }
                if (i < n && row.charAt(i) != ',') {
                    return "cell " + (cells.size() + 1) + " has text after its closing quote; double a quote inside a quoted cell (\"\")";
                }
            } else {
                while (i < n && row.charAt(i) != ',') {
                    char c = row.charAt(i++);
                    if (c == '"') {
                        return "cell " + (cells.size() + 1) + " has a quote inside an unquoted cell; quote the whole cell and double the quote (\"\")";
                    }
                    cell.append(c);
                }
            }
            cells.add(cell.toString());
            if (i >= n) {
                return null;
            }
            i++; // the comma
        }
    }
}
