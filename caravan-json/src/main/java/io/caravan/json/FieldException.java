package io.caravan.json;

/** A bad value at a field path such as {@code items[2].hs_code}. */
final class FieldException extends RuntimeException {

    private final String field;

    FieldException(String field, String message) {
        super(message, null, false, false);
        this.field = field;
    }

    String field() {
        return field;
    }
}
