package io.caravan.reference;

import io.caravan.domain.CountryCode;

import java.util.HashMap;
import java.util.Map;

/**
 * Published country indicators: political stability and rule of law (World Governance Indicators,
 * −2.5 … +2.5), natural hazard and exposure (INFORM, 0 … 10) and logistics performance (LPI, 1 … 5).
 * A value that is not published is {@link Double#NaN}.
 */
public final class CountryIndicators {

    /** The indicators of one country. */
    public record Indicators(double politicalStability, double ruleOfLaw, double naturalHazard, double lpi) {
        static final Indicators UNKNOWN = new Indicators(Double.NaN, Double.NaN, Double.NaN, Double.NaN);
    }

    private final String version;
    private final Map<String, Indicators> byCountry = new HashMap<>();

    CountryIndicators(CsvTable table) {
        this.version = table.version();
        for (CsvTable.Row r : table.rows()) {
            byCountry.put(r.require("alpha2"), new Indicators(number(r, "political_stability"), number(r, "rule_of_law"),
                    number(r, "natural_hazard"), number(r, "lpi")));
        }
    }

    private static double number(CsvTable.Row r, String column) {
        return r.get(column).isEmpty() ? Double.NaN : r.requireDouble(column);
    }

    public String version() {
        return version;
    }

    public Indicators of(CountryCode country) {
        return byCountry.getOrDefault(country.value(), Indicators.UNKNOWN);
    }
}
