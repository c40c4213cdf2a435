package io.caravan.json;

import io.caravan.domain.CountryCode;
import io.caravan.domain.Location;
import io.caravan.domain.Money;
import io.caravan.reference.ReferenceData;
import tools.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * Typed, checked access to the fields of one JSON object. Every failure names the field by its path
 * ({@code legs[1].to}) and says what was expected, with an example.
 */
final class Fields {

    private final JsonNode node;
    private final String path;
    private final ReferenceData reference;
    /** The names asked for, present or not: a field of the object not among them is one nothing would read. */
    private final List<String> asked = new ArrayList<>(16);
    /** The objects within this one that were read, each checked the same way. */
    private final List<Fields> inner = new ArrayList<>(4);
    /** How many of the names asked for the object has: fewer than its size means a field nothing read. */
    private int found;

    Fields(JsonNode node, String path, ReferenceData reference) {
        this.node = node;
        this.path = path;
        this.reference = reference;
    }

    /** Counts {@code name} as read although no method of this class reads it (a record's {@code schema}). */
    Fields known(String name) {
        ask(name);
        return this;
    }

    private JsonNode ask(String name) {
        boolean seen = false;
        for (int i = 0; i < asked.size() && !seen; i++) {
            String a = asked.get(i);
            seen = a == name || a.equals(name);
        }
        JsonNode v = node.get(name);
        if (!seen) {
            asked.add(name);
            found += v == null ? 0 : 1;
        }
        return v;
    }

    /**
     * Refuses a field that nothing read, in this object or any object read within it: it would otherwise be dropped
     * without a word (a misspelt optional field, or one this version of the format does not have).
     */
    void onlyKnown() {
        if (node.size() > found) {
            for (String name : node.propertyNames()) {
                if (!asked.contains(name)) {
                    throw new FieldException(at(name), "is not a field Caravan reads here; the fields here are "
                            + String.join(", ", new java.util.TreeSet<>(asked)) + " (docs/data-formats.md)");
                }
            }
        }
        for (Fields f : inner) {
            f.onlyKnown();
        }
    }

    private Fields within(JsonNode v, String p) {
        Fields f = new Fields(v, p, reference);
        inner.add(f);
        return f;
    }

    private String at(String name) {
        return path.isEmpty() ? name : path + "." + name;
    }

    private JsonNode present(String name) {
        JsonNode v = ask(name);
        if (v == null || v.isNull()) {
            throw new FieldException(at(name), "is required but missing");
        }
        return v;
    }

    boolean has(String name) {
        JsonNode v = ask(name);
        return v != null && !v.isNull();
    }

    String text(String name) {
        JsonNode v = present(name);
        if (!v.isString()) {
            throw new FieldException(at(name), "must be a string, got " + v.getNodeType().name().toLowerCase(Locale.ROOT));
        }
        String s = v.stringValue().trim();
        if (s.isEmpty()) {
            throw new FieldException(at(name), "must not be empty");
        }
        return s;
    }

    /** An optional string: empty when absent or null. */
    String optText(String name) {
        return has(name) ? text(name) : "";
    }

    Instant instant(String name) {
        String s = text(name);
        try {
            return IsoInstant.parse(s);
        } catch (DateTimeParseException e) {
            throw new FieldException(at(name), "'" + s + "' is not an ISO-8601 UTC time such as 2025-03-01T09:30:00Z");
        }
    }

    /** An optional instant: {@link Instant#MAX} when absent. */
    Instant optInstant(String name) {
        return has(name) ? instant(name) : Instant.MAX;
    }

    LocalDate date(String name) {
        String s = text(name);
        try {
            return LocalDate.parse(s);
        } catch (DateTimeParseException e) {
            throw new FieldException(at(name), "'" + s + "' is not a date such as 2025-03-01");
        }
    }

    CountryCode country(String name) {
        String s = text(name);
        CountryCode c;
        try {
            c = CountryCode.of(s);
        } catch (IllegalArgumentException e) {
            throw new FieldException(at(name), e.getMessage());
        }
        if (!reference.countries().contains(c)) {
            throw new FieldException(at(name), "'" + s + "' is not an ISO 3166-1 country code (see countries.csv)");
        }
        return c;
    }

    Location location(String name) {
        String s = text(name);
        Location l;
        try {
            l = Location.of(s);
        } catch (IllegalArgumentException e) {
            throw new FieldException(at(name), e.getMessage());
        }
        if (!reference.countries().contains(l.country())) {
            throw new FieldException(at(name), "'" + s + "' starts with '" + l.country() + "', which is not an ISO 3166-1 country code");
        }
        return l;
    }

    int integer(String name) {
        JsonNode v = present(name);
        if (!v.isIntegralNumber() || !v.canConvertToInt()) {
            throw new FieldException(at(name), "must be a whole number, got " + v);
        }
        return v.intValue();
    }

    double number(String name) {
        JsonNode v = present(name);
        if (!v.isNumber()) {
            throw new FieldException(at(name), "must be a number, got " + v);
        }
        return v.doubleValue();
    }

    /** Money as {"amount": "12.50", "currency": "USD"}; the amount as a string or a number, the currency known. */
    Money money(String name) {
        Fields m = object(name);
        JsonNode a = m.present("amount");
        BigDecimal amount;
        try {
            amount = a.isNumber() ? a.decimalValue() : new BigDecimal(m.text("amount"));
        } catch (NumberFormatException e) {
            throw new FieldException(m.at("amount"), "'" + a.asString() + "' is not a decimal amount such as \"12.50\"");
        }
        if (amount.signum() < 0) {
            throw new FieldException(m.at("amount"), "must not be negative, got " + amount.toPlainString());
        }
        String currency = m.text("currency");
        if (!reference.fx().knows(currency)) {
            throw new FieldException(m.at("currency"), "'" + currency + "' is not a currency Caravan has a rate for; known: "
                    + String.join(", ", new java.util.TreeSet<>(reference.fx().currencies())));
        }
        return new Money(amount, currency);
    }

    <E extends Enum<E>> E enumValue(String name, Class<E> type) {
        String s = text(name);
        try {
            return Enum.valueOf(type, s);
        } catch (IllegalArgumentException e) {
            throw new FieldException(at(name), "'" + s + "' is not one of "
                    + Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(java.util.stream.Collectors.joining(", ")));
        }
    }

    Fields object(String name) {
        JsonNode v = present(name);
        if (!v.isObject()) {
            throw new FieldException(at(name), "must be an object {…}, got " + v.getNodeType().name().toLowerCase(Locale.ROOT));
        }
        return within(v, at(name));
    }

    /** An array of objects; absent means empty unless {@code required}. */
    <T> List<T> objects(String name, boolean required, Function<Fields, T> each) {
        if (!has(name)) {
            if (required) {
                throw new FieldException(at(name), "is required but missing");
            }
            return List.of();
        }
        JsonNode v = node.get(name);
        if (!v.isArray()) {
            throw new FieldException(at(name), "must be an array […]");
        }
        List<T> out = new ArrayList<>(v.size());
        for (int i = 0; i < v.size(); i++) {
            JsonNode e = v.get(i);
            String p = at(name) + "[" + i + "]";
            if (!e.isObject()) {
                throw new FieldException(p, "must be an object {…}");
            }
            out.add(each.apply(within(e, p)));
        }
        if (required && out.isEmpty()) {
            throw new FieldException(at(name), "must have at least one element");
        }
        return out;
    }

    /** An array of strings; absent means empty. */
    List<String> texts(String name) {
        if (!has(name)) {
            return List.of();
        }
        JsonNode v = node.get(name);
        if (!v.isArray()) {
            throw new FieldException(at(name), "must be an array of strings");
        }
        List<String> out = new ArrayList<>(v.size());
        for (int i = 0; i < v.size(); i++) {
            if (!v.get(i).isString()) {
                throw new FieldException(at(name) + "[" + i + "]", "must be a string");
            }
            out.add(v.get(i).stringValue());
        }
        return out;
    }

    <T> List<T> mapTexts(String name, Function<String, T> each) {
        List<String> raw = texts(name);
        List<T> out = new ArrayList<>(raw.size());
        for (int i = 0; i < raw.size(); i++) {
            try {
                out.add(each.apply(raw.get(i)));
            } catch (IllegalArgumentException e) {
                throw new FieldException(at(name) + "[" + i + "]", e.getMessage());
            }
        }
        return out;
    }

    FieldException invalid(String name, String message) {
        return new FieldException(at(name), message);
    }

}
