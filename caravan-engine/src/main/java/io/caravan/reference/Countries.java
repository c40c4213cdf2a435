package io.caravan.reference;

import io.caravan.domain.CountryCode;

import java.util.Collection;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** ISO 3166-1 countries by alpha-2 code. */
public final class Countries {

    private final String version;
    private final Map<String, Country> byCode;

    Countries(CsvTable table) {
        this.version = table.version();
        Map<String, Country> map = new TreeMap<>();
        for (CsvTable.Row r : table.rows()) {
            String a2 = r.require("alpha2");
            CountryCode code;
            try {
                code = CountryCode.of(a2);
            } catch (IllegalArgumentException e) {
                throw r.error("alpha2", e.getMessage());
            }
            Country c = new Country(code, r.get("alpha3"), r.require("name"), r.get("region"), r.get("subregion"),
                    r.get("currency"));
            map.put(a2, c);
        }
        this.byCode = Collections.unmodifiableMap(new java.util.LinkedHashMap<>(map));
    }

    public String version() {
        return version;
    }

    public Optional<Country> find(String alpha2) {
        return Optional.ofNullable(byCode.get(alpha2));
    }

    public boolean contains(CountryCode code) {
        return byCode.containsKey(code.value());
    }

    /** The country, or an error that says the code is unknown. */
    public Country get(CountryCode code) {
        Country c = byCode.get(code.value());
        if (c == null) {
            throw new IllegalArgumentException("'" + code + "' is not an ISO 3166-1 country code");
        }
        return c;
    }

    /** The name of a country, or the code itself if it is unknown. */
    public String name(CountryCode code) {
        Country c = byCode.get(code.value());
        return c == null ? code.value() : c.name();
    }

    public Collection<Country> all() {
        return byCode.values();
    }
}
