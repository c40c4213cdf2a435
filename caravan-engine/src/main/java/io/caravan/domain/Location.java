package io.caravan.domain;

/**
 * A place on a route: a UN/LOCODE (five characters, e.g. {@code CNSHA}) when the place is known, or a
 * country code (two letters) when only the country is. Either way its first two letters are the country.
 */
public record Location(String code) implements java.io.Serializable {

    public Location {
        if (code == null || (code.length() != 5 && code.length() != 2)) {
            throw new IllegalArgumentException("'" + code
                    + "' is neither a UN/LOCODE (5 characters, e.g. CNSHA) nor a country code (2 letters, e.g. CN)");
        }
        for (int i = 0; i < code.length(); i++) {
            char c = code.charAt(i);
            boolean ok = i < 2 ? (c >= 'A' && c <= 'Z') : ((c >= 'A' && c <= 'Z') || (c >= '2' && c <= '9'));
            if (!ok) {
                throw new IllegalArgumentException("'" + code
                        + "' is not a UN/LOCODE: two capital letters of the country, then three of A-Z or 2-9");
            }
        }
    }

    public static Location of(String code) {
        return new Location(code);
    }

    public CountryCode country() {
        return new CountryCode(code.substring(0, 2));
    }

    /** True when this names a specific place (a UN/LOCODE), false when it names a whole country. */
    public boolean isSpecific() {
        return code.length() == 5;
    }

    @Override
    public String toString() {
        return code;
    }
}
