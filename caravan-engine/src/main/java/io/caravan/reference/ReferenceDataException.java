package io.caravan.reference;

/** A reference data file that cannot be used, with where (file, line, field) and how to fix it. */
public final class ReferenceDataException extends RuntimeException {

    private final String file;
    private final int line;
    private final String field;

    public ReferenceDataException(String file, int line, String field, String problem) {
        super(file + (line > 0 ? " line " + line : "") + (field.isEmpty() ? "" : ", field " + field) + ": " + problem);
        this.file = file;
        this.line = line;
        this.field = field;
    }

    public String file() {
        return file;
    }

    public int line() {
        return line;
    }

    public String field() {
        return field;
    }
}
