package io.caravan.reference;

import io.caravan.domain.CountryCode;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The destination rule pack ({@code legal-rules.csv}), indexed by destination. */
public final class DestinationRules {

    private final String version;
    private final List<DestinationRule> all = new ArrayList<>();
    private final Map<String, List<DestinationRule>> byDestination = new HashMap<>();

    DestinationRules(CsvTable table, Countries countries, FxRates fx) {
        this.version = table.version();
        for (CsvTable.Row r : table.rows()) {
            String dest = r.require("destination");
            if (!dest.equals("*") && countries.find(dest).isEmpty()) {
                throw r.error("destination", "'" + dest + "' is neither '*' nor an ISO 3166-1 alpha-2 country code");
            }
            DestinationRule.Kind kind;
            try {
                kind = DestinationRule.Kind.valueOf(r.require("kind"));
            } catch (IllegalArgumentException e) {
                throw r.error("kind", "'" + r.get("kind") + "' is not one of DE_MINIMIS, PROHIBITED, RESTRICTED");
            }
            String prefix = r.get("hs_prefix");
            BigDecimal threshold = BigDecimal.ZERO;
            String currency = r.get("currency");
            if (kind == DestinationRule.Kind.DE_MINIMIS) {
                try {
                    threshold = new BigDecimal(r.require("threshold"));
                } catch (NumberFormatException e) {
                    throw r.error("threshold", "'" + r.get("threshold") + "' is not an amount");
                }
                if (!fx.knows(r.require("currency"))) {
                    throw r.error("currency", "no exchange rate for '" + currency + "' in fx-rates.csv");
                }
            } else if (prefix.length() < 2 || !prefix.chars().allMatch(Character::isDigit)) {
                throw r.error("hs_prefix", "'" + prefix + "' is not an HS code prefix of 2 to 10 digits");
            }
            if (kind == DestinationRule.Kind.RESTRICTED && r.get("certificate").isEmpty()) {
                throw r.error("certificate", "a RESTRICTED rule must name the certificate it requires");
            }
            DestinationRule rule = new DestinationRule(dest, kind, prefix, r.get("certificate"), threshold, currency,
                    date(r, "valid_from", LocalDate.MIN), date(r, "valid_to", LocalDate.MAX), r.require("description"),
                    table.file() + " line " + r.line());
            all.add(rule);
            byDestination.computeIfAbsent(dest, k -> new ArrayList<>()).add(rule);
        }
    }

    private static LocalDate date(CsvTable.Row r, String column, LocalDate blank) {
        String v = r.get(column);
        if (v.isEmpty()) {
            return blank;
        }
        try {
            return LocalDate.parse(v);
        } catch (DateTimeParseException e) {
            throw r.error(column, "'" + v + "' is not a date in the form YYYY-MM-DD");
        }
    }

    public String version() {
        return version;
    }

    public List<DestinationRule> all() {
        return Collections.unmodifiableList(all);
    }

    private final java.util.concurrent.ConcurrentHashMap<String, List<DestinationRule>> combined =
            new java.util.concurrent.ConcurrentHashMap<>();

    /** The rules of a destination followed by the rules for every destination. */
    public List<DestinationRule> forDestination(CountryCode destination) {
        List<DestinationRule> rules = combined.get(destination.value());
        return rules != null ? rules : combined.computeIfAbsent(destination.value(), this::combine);
    }

    private List<DestinationRule> combine(String destination) {
        List<DestinationRule> specific = byDestination.getOrDefault(destination, List.of());
        List<DestinationRule> general = byDestination.getOrDefault("*", List.of());
        List<DestinationRule> out = new ArrayList<>(specific.size() + general.size());
        out.addAll(specific);
        out.addAll(general);
        return List.copyOf(out);
    }
}
