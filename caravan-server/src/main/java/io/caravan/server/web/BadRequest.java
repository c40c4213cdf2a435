package io.caravan.server.web;

import org.springframework.http.HttpStatus;

/** A request the client must fix: names the field and says how. */
public final class BadRequest extends ApiException {

    public BadRequest(String field, String detail) {
        super(HttpStatus.BAD_REQUEST, "invalid-request", field, detail);
    }

    /** The constant of {@code type} {@code value} names, in any case; refused on {@code field}, naming them all, otherwise. */
    public static <E extends Enum<E>> E oneOf(String value, String field, Class<E> type) {
        return Enum.valueOf(type, oneOf(value, field, names(type)));
    }

    /** The names of an enum's constants, in their order. */
    public static java.util.List<String> names(Class<?> enumType) {
        return java.util.Arrays.stream(enumType.getEnumConstants()).map(c -> ((Enum<?>) c).name()).toList();
    }

    /** {@code value} in upper case when it is one of {@code allowed} (upper case names); refused on {@code field} otherwise. */
    public static String oneOf(String value, String field, java.util.List<String> allowed) {
        String v = value.trim().toUpperCase(java.util.Locale.ROOT);
        if (!allowed.contains(v)) {
            throw new BadRequest(field, "'" + value + "' is not one of " + String.join(", ", allowed));
        }
        return v;
    }
}
