package io.caravan.reference;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A CSV table as Caravan's reference files write it (RFC 4180 quoting; lines starting with {@code #}
 * before the header are comments, and {@code # version: X} names the table's version), or as OFAC writes
 * its legacy lists (no header). Every row remembers its line number so errors can point at it.
 */
public final class CsvTable {

    /** One data row. Lookups by column name report the file, line and field when a value is bad. */
    public static final class Row {
        private final CsvTable table;
        private final int line;
        private final String[] values;

        Row(CsvTable table, int line, String[] values) {
            this.table = table;
            this.line = line;
            this.values = values;
        }

        public int line() {
            return line;
        }

        public int size() {
            return values.length;
        }

        public String at(int index) {
            return index < values.length ? values[index] : "";
        }

        /** The value of a column, trimmed; empty when blank. */
        public String get(String column) {
            Integer i = table.columns.get(column);
            if (i == null) {
                throw new ReferenceDataException(table.file, 0, column,
                        "the header has no column '" + column + "'; expected columns: " + table.header);
            }
            return at(i).trim();
        }

        public String require(String column) {
            String v = get(column);
            if (v.isEmpty()) {
                throw error(column, "value is missing");
            }
            return v;
        }

        public double requireDouble(String column) {
            String v = require(column);
            try {
                return Double.parseDouble(v);
            } catch (NumberFormatException e) {
                throw error(column, "'" + v + "' is not a number");
            }
        }

        public ReferenceDataException error(String column, String problem) {
            return new ReferenceDataException(table.file, line, column, problem);
        }
    }

    private final String file;
    private final String version;
    private final List<String> header;
    private String notes = "";
    private final Map<String, Integer> columns = new HashMap<>();
    private final List<Row> rows = new ArrayList<>();

    private CsvTable(String file, String version, List<String> header) {
        this.file = file;
        this.version = version;
        this.header = header;
        for (int i = 0; i < header.size(); i++) {
            columns.put(header.get(i).trim(), i);
        }
    }

    /** Reads a table whose first non-comment line is the header; requires a {@code # version:} comment. */
    public static CsvTable withHeader(String file, Reader in, String... requiredColumns) {
        Parser p = new Parser(file, in);
        String version = "";
        StringBuilder notes = new StringBuilder();
        String[] first;
        while (true) {
            first = p.next();
            if (first == null) {
                throw new ReferenceDataException(file, p.line, "", "the file is empty; it needs a header line and rows");
            }
            if (first.length > 0 && first[0].startsWith("#")) {
                String comment = String.join(",", first).substring(1).trim();
                if (comment.startsWith("version:")) {
                    version = comment.substring("version:".length()).trim();
                } else if (!comment.isEmpty()) {
                    notes.append(notes.length() == 0 ? "" : "\n").append(comment);
                }
                continue;
            }
            break;
        }
        if (version.isEmpty()) {
            throw new ReferenceDataException(file, 1, "", "no '# version: …' comment before the header; "
                    + "add one naming the table's version and date so assessments can record it");
        }
        List<String> header = new ArrayList<>();
        for (String h : first) {
            header.add(h.trim().replace("\uFEFF", ""));
        }
        CsvTable t = new CsvTable(file, version, header);
        t.notes = notes.toString();
        for (String c : requiredColumns) {
            if (!t.columns.containsKey(c)) {
                throw new ReferenceDataException(file, p.headerLine(), c,
                        "required column is missing from the header " + header);
            }
        }
        t.readRows(p);
        return t;
    }

    /** Reads a headerless table (OFAC's legacy CSV); the version is given by the caller. */
    public static CsvTable headerless(String file, String version, Reader in) {
        CsvTable t = new CsvTable(file, version, List.of());
        t.readRows(new Parser(file, in));
        return t;
    }

    private void readRows(Parser p) {
        String[] r;
        while ((r = p.next()) != null) {
            if (r.length == 1 && r[0].isBlank()) {
                continue;
            }
            rows.add(new Row(this, p.recordLine, r));
        }
    }

    public String file() {
        return file;
    }

    public String version() {
        return version;
    }

    /** The comment lines before the header other than the version: where the table comes from, what it means. */
    public String notes() {
        return notes;
    }

    public List<String> header() {
        return header;
    }

    public List<Row> rows() {
        return rows;
    }

    /** RFC 4180: fields separated by commas, quoted with '"', quotes doubled inside; quoted fields may span lines. */
    private static final class Parser {
        private final String file;
        private final BufferedReader in;
        private int line;
        private int recordLine;
        private int headerLine;

        Parser(String file, Reader in) {
            this.file = file;
            this.in = in instanceof BufferedReader b ? b : new BufferedReader(in);
        }

        int headerLine() {
            return headerLine;
        }

        String[] next() {
            try {
                String text = in.readLine();
                if (text == null) {
                    return null;
                }
                line++;
                recordLine = line;
                headerLine = line;
                // OFAC's files end with the DOS end-of-file character.
                text = text.replace("\u001A", "");
                List<String> fields = new ArrayList<>();
                StringBuilder field = new StringBuilder();
                boolean quoted = false;
                int i = 0;
                while (true) {
                    if (i >= text.length()) {
                        if (quoted) {
                            String more = in.readLine();
                            if (more == null) {
                                throw new ReferenceDataException(file, recordLine, "column " + (fields.size() + 1),
                                        "a quoted value is never closed; add the closing '\"'");
                            }
                            line++;
                            field.append('\n');
                            text = more;
                            i = 0;
                            continue;
                        }
                        break;
                    }
                    char c = text.charAt(i);
                    if (quoted) {
                        if (c == '"') {
                            if (i + 1 < text.length() && text.charAt(i + 1) == '"') {
                                field.append('"');
                                i++;
                            } else {
                                quoted = false;
                            }
                        } else {
                            field.append(c);
                        }
                    } else if (c == '"' && field.toString().isBlank()) {
                        field.setLength(0);
                        quoted = true;
                    } else if (c == ',') {
                        fields.add(field.toString());
                        field.setLength(0);
                    } else {
                        field.append(c);
                    }
                    i++;
                }
                fields.add(field.toString());
                return fields.toArray(new String[0]);
            } catch (IOException e) {
                throw new UncheckedIOException(file + ": " + e.getMessage(), e);
            }
        }
    }
}
