package io.caravan.risk;

import java.util.Collections;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The probability of a named adverse {@code outcome} over a named {@code horizon}, e.g. outcome
 * {@code late_delivery}, horizon {@code "delivered more than 3 days after the promised date"}.
 * {@code evidence} counts the observations the estimate rests on; {@code reasons} are ranked by
 * contribution, largest first, and their contributions add up to the probability. {@code measures}
 * carries named figures behind the estimate, e.g. {@code expected_delay_days}; it is often empty.
 */
public record Estimate(
        RiskCategory category,
        String outcome,
        String horizon,
        double probability,
        Interval interval,
        long evidence,
        List<Reason> reasons,
        SortedMap<String, Double> measures) implements java.io.Serializable {

    public Estimate {
        if (!(probability >= 0 && probability <= 1)) {
            throw new IllegalArgumentException("probability out of [0, 1]: " + probability);
        }
        reasons = List.copyOf(reasons);
        measures = measures.isEmpty() ? NO_MEASURES : Collections.unmodifiableSortedMap(new TreeMap<>(measures));
    }

    private static final SortedMap<String, Double> NO_MEASURES = Collections.unmodifiableSortedMap(new TreeMap<>());

    public Estimate(RiskCategory category, String outcome, String horizon, double probability, Interval interval,
                    long evidence, List<Reason> reasons) {
        this(category, outcome, horizon, probability, interval, evidence, reasons, NO_MEASURES);
    }

    public boolean hasReason(String code) {
        for (Reason r : reasons) {
            if (r.code().equals(code)) {
                return true;
            }
        }
        return false;
    }
}
