package io.caravan.reference;

import io.caravan.domain.CountryCode;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Countries named on embargo and FATF lists, with the list that names them. */
public final class Jurisdictions {

    public enum Level {
        /** Comprehensive sanctions programme. */
        EMBARGO,
        /** FATF high-risk jurisdiction subject to a call for action. */
        CALL_FOR_ACTION,
        /** FATF jurisdiction under increased monitoring. */
        INCREASED_MONITORING
    }

    /** One listing of a country. */
    public record Listing(CountryCode country, Level level, String list, String asOf) {
    }

    private final String version;
    private final Map<String, List<Listing>> byCountry = new HashMap<>();

    Jurisdictions(CsvTable table, Countries countries) {
        this.version = table.version();
        for (CsvTable.Row r : table.rows()) {
            String a2 = r.require("alpha2");
            if (countries.find(a2).isEmpty()) {
                throw r.error("alpha2", "'" + a2 + "' is not an ISO 3166-1 alpha-2 code");
            }
            Level level;
            try {
                level = Level.valueOf(r.require("level"));
            } catch (IllegalArgumentException e) {
                throw r.error("level", "'" + r.get("level") + "' is not one of EMBARGO, CALL_FOR_ACTION, INCREASED_MONITORING");
            }
            byCountry.computeIfAbsent(a2, k -> new ArrayList<>())
                    .add(new Listing(CountryCode.of(a2), level, r.require("list"), r.require("as_of")));
        }
        byCountry.replaceAll((k, l) -> {
            List<Listing> sorted = new ArrayList<>(l);
            sorted.sort((a, b) -> a.level().compareTo(b.level()));
            return List.copyOf(sorted);
        });
    }

    public String version() {
        return version;
    }

    /** The listings of a country, most severe first; empty when it is on no list. */
    public List<Listing> of(CountryCode country) {
        return byCountry.getOrDefault(country.value(), List.of());
    }
}
