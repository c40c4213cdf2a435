package io.caravan.json;

/** A rejected input line: where (file, line, field) and what is wrong, with how to fix it where it helps. */
public record RecordError(String file, long line, String field, String message) {

    @Override
    public String toString() {
        return file + " line " + line + (field.isEmpty() ? "" : ", field " + field) + ": " + message;
    }
}
