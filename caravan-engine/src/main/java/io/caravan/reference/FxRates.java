package io.caravan.reference;

import io.caravan.domain.Money;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/** Units of each currency per US dollar, to compare amounts across currencies. */
public final class FxRates {

    private final String version;
    private final Map<String, Double> perUsd = new HashMap<>();

    FxRates(CsvTable table) {
        this.version = table.version();
        for (CsvTable.Row r : table.rows()) {
            double rate = r.requireDouble("per_usd");
            if (!(rate > 0)) {
                throw r.error("per_usd", "a rate must be positive, got " + rate);
            }
            perUsd.put(r.require("currency"), rate);
        }
    }

    public String version() {
        return version;
    }

    public boolean knows(String currency) {
        return perUsd.containsKey(currency);
    }

    public Set<String> currencies() {
        return perUsd.keySet();
    }

    /** The amount in US dollars; the currency must be known ({@link #knows}). */
    public double toUsd(Money money) {
        return toUsd(money.amount().doubleValue(), money.currency());
    }

    public double toUsd(double amount, String currency) {
        Double rate = perUsd.get(currency);
        if (rate == null) {
            throw new IllegalArgumentException("no exchange rate for currency '" + currency + "' in fx-rates.csv ("
                    + version + "); add a row for it");
        }
        return amount / rate;
    }
}
