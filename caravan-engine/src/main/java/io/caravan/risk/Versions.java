package io.caravan.risk;

import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The versions of the rules, models and reference data an assessment used, by component name
 * (e.g. {@code sanctions -> ofac-sdn-2021-07-01-1a2b3c4d}); enough to replay and audit it.
 */
public record Versions(SortedMap<String, String> components) {

    public Versions {
        components = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(components));
    }

    public static Versions of(Map<String, String> components) {
        return new Versions(new TreeMap<>(components));
    }
}
