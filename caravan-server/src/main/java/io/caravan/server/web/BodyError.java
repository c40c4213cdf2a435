package io.caravan.server.web;

import org.springframework.http.converter.HttpMessageNotReadableException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

import java.util.Collection;
import java.util.Map;
import java.util.stream.Collectors;

/** Why a JSON request body could not be read, told as a person fixes it: the field, the place, the form it needs. */
record BodyError(String field, String detail) {

    static BodyError of(HttpMessageNotReadableException e) {
        JacksonException j = null;
        for (Throwable t = e.getCause(); t != null && j == null; t = t.getCause()) {
            if (t instanceof JacksonException found) {
                j = found;
            }
        }
        if (j == null) {
            return new BodyError(null, e.getMessage() != null && e.getMessage().startsWith("Required request body is missing")
                    ? "the body is empty; send a JSON object" : "the body could not be read as JSON");
        }
        String field = path(j);
        String at = at(j.getLocation());
        if (j instanceof UnrecognizedPropertyException u) {
            return new BodyError(field, "'" + u.getPropertyName() + "' is not a field of this body" + at
                    + known(u.getKnownPropertyIds()));
        }
        if (j instanceof InvalidFormatException f) {
            return new BodyError(field, "'" + f.getValue() + "' is not " + expected(f.getTargetType()) + at);
        }
        if (j instanceof MismatchedInputException m) {
            return new BodyError(field, (field == null ? "the body" : "'" + field + "'") + " must be "
                    + expected(m.getTargetType()) + at);
        }
        String message = j.getOriginalMessage() == null ? "" : j.getOriginalMessage().lines().findFirst().orElse("");
        int marker = message.indexOf(" (start marker at ");
        message = marker < 0 ? message : message.substring(0, marker);
        return new BodyError(field, "the body is not valid JSON" + at + (message.isEmpty() ? "" : ": " + message));
    }

    /** {@code alert_ids[2]}, {@code items[0].quantity}; null at the top. */
    private static String path(JacksonException j) {
        StringBuilder sb = new StringBuilder();
        for (JacksonException.Reference r : j.getPath()) {
            if (r.getPropertyName() != null) {
                sb.append(sb.length() == 0 ? "" : ".").append(r.getPropertyName());
            } else if (r.getIndex() >= 0) {
                sb.append('[').append(r.getIndex()).append(']');
            }
        }
        return sb.length() == 0 ? null : sb.toString();
    }

    private static String at(TokenStreamLocation l) {
        return l == null || l.getLineNr() < 1 ? "" : " (line " + l.getLineNr() + ", column " + l.getColumnNr() + ")";
    }

    private static String known(Collection<Object> ids) {
        return ids == null || ids.isEmpty() ? "" : "; it takes " + ids.stream().map(Object::toString).sorted()
                .collect(Collectors.joining(", "));
    }

    private static final Map<Class<?>, String> WORDS = Map.ofEntries(
            Map.entry(Long.class, "a whole number"), Map.entry(long.class, "a whole number"),
            Map.entry(Integer.class, "a whole number"), Map.entry(int.class, "a whole number"),
            Map.entry(Double.class, "a number such as 0.25"), Map.entry(double.class, "a number such as 0.25"),
            Map.entry(Boolean.class, "true or false"), Map.entry(boolean.class, "true or false"),
            Map.entry(String.class, "a string"));

    /** What a value of {@code type} is, in words, as a body field's or a query parameter's error says it. */
    static String expected(Class<?> type) {
        if (type == null) {
            return "a valid value";
        }
        if (WORDS.containsKey(type)) {
            return WORDS.get(type);
        }
        if (type.isEnum()) {
            return "one of " + String.join(", ", BadRequest.names(type));
        }
        if (type.isArray() || Collection.class.isAssignableFrom(type)) {
            return "a list";
        }
        if (type.getName().startsWith("java.time.")) {
            return "an ISO 8601 " + (type.getSimpleName().equals("LocalDate") ? "date such as 2025-06-01"
                    : "date and time such as 2025-06-01T08:00:00Z");
        }
        return "an object";
    }
}
