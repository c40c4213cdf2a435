package io.caravan.domain;

/**
 * An ISO 3166-1 alpha-2 country code. This type checks the shape only; whether the code names a
 * country is a question for the reference data ({@code Countries}).
 */
public record CountryCode(String value) implements Comparable<CountryCode>, java.io.Serializable {

    public CountryCode {
        if (value == null || value.length() != 2
                || !Character.isUpperCase(value.charAt(0)) || !Character.isUpperCase(value.charAt(1))
                || value.charAt(0) > 'Z' || value.charAt(1) > 'Z') {
            throw new IllegalArgumentException(
                    "'" + value + "' is not an ISO 3166-1 alpha-2 country code (two capital letters, e.g. DE)");
        }
    }

    public static CountryCode of(String value) {
        return new CountryCode(value);
    }

    @Override
    public int compareTo(CountryCode other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
