package io.caravan.risk;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.function.Supplier;

/**
 * Composes independent failure modes into one estimate: the outcome happens if any mode happens, so
 * P = 1 − Π(1 − pᵢ). This is the one place where Caravan combines probabilities of alternatives.
 *
 * <p>Attribution: with hᵢ = −ln(1 − pᵢ) the modes' hazards add up, −ln(1 − P) = Σ hᵢ, so each mode is
 * credited P·hᵢ / Σ hⱼ. The contributions are non-negative, add up to P exactly, and rank the modes by
 * how much each moves the probability. A mode with pᵢ = 1 takes all of P (shared equally if several).
 *
 * <p>The interval is [1 − Π(1 − lowᵢ), 1 − Π(1 − highᵢ)]: P is increasing in every pᵢ, so it bounds P
 * whenever each mode lies in its own interval. Not thread-safe; use one per estimate.
 */
public final class FailureModes {

    private final RiskCategory category;
    private final String outcome;
    private final String horizon;
    private final List<Mode> modes = new ArrayList<>(4);
    private long evidence;
    private final java.util.SortedMap<String, Double> measures = new java.util.TreeMap<>();

    private record Mode(String code, Supplier<String> text, double p, double low, double high, List<String> evidence) {
    }

    public FailureModes(RiskCategory category, String outcome, String horizon) {
        this.category = category;
        this.outcome = outcome;
        this.horizon = horizon;
    }

    /** Adds a mode whose probability is known exactly (a rule). */
    public FailureModes add(String code, String text, double p, List<String> evidence) {
        return add(code, () -> text, p, Interval.exactly(p), evidence);
    }

    /** Adds a mode with an uncertainty interval. */
    public FailureModes add(String code, String text, double p, Interval interval, List<String> evidence) {
        return add(code, () -> text, p, interval, evidence);
    }

    /** Adds a mode whose sentence is drafted when first read (see {@link Reason#drafted}). */
    public FailureModes add(String code, Supplier<String> text, double p, List<String> evidence) {
        return add(code, text, p, Interval.exactly(p), evidence);
    }

    /** Adds a mode with an uncertainty interval, its sentence drafted when first read. */
    public FailureModes add(String code, Supplier<String> text, double p, Interval interval, List<String> evidence) {
        if (!(p >= 0 && p <= 1)) {
            throw new IllegalArgumentException(code + ": probability out of [0, 1]: " + p);
        }
        modes.add(new Mode(code, text, p, interval.low(), interval.high(), evidence));
        return this;
    }

    /** Adds to the count of observations the estimate rests on. */
    public FailureModes evidence(long count) {
        evidence += count;
        return this;
    }

    /** Attaches a named figure to the estimate, e.g. {@code expected_delay_days}. */
    public FailureModes measure(String name, double value) {
        measures.put(name, value);
        return this;
    }

    public boolean isEmpty() {
        return modes.isEmpty();
    }

    /** 1 − Π(1 − pᵢ). */
    public static double anyOf(double... p) {
        double none = 1;
        for (double x : p) {
            none *= 1 - x;
        }
        return 1 - none;
    }

    /** Contributions P·hᵢ/Σh with hᵢ = −ln(1 − pᵢ); see the class comment. */
    public static double[] attribute(double... p) {
        double[] out = new double[p.length];
        double total = anyOf(p);
        int certain = 0;
        for (double x : p) {
            if (x >= 1) {
                certain++;
            }
        }
        if (certain > 0) {
            for (int i = 0; i < p.length; i++) {
                out[i] = p[i] >= 1 ? total / certain : 0;
            }
            return out;
        }
        double[] h = new double[p.length];
        double sum = 0;
        for (int i = 0; i < p.length; i++) {
            h[i] = -Math.log1p(-p[i]);
            sum += h[i];
        }
        for (int i = 0; i < p.length; i++) {
            out[i] = sum == 0 ? 0 : total * h[i] / sum;
        }
        return out;
    }

    public Estimate combine() {
        int n = modes.size();
        double[] p = new double[n];
        double noneLow = 1;
        double noneHigh = 1;
        for (int i = 0; i < n; i++) {
            Mode m = modes.get(i);
            p[i] = m.p;
            noneLow *= 1 - m.low;
            noneHigh *= 1 - m.high;
        }
        double total = anyOf(p);
        double[] share = attribute(p);
        Reason[] reasons = new Reason[n];
        for (int i = 0; i < n; i++) {
            Mode m = modes.get(i);
            reasons[i] = Reason.drafted(m.code, m.text, share[i], m.evidence);
        }
        Arrays.sort(reasons, BY_CONTRIBUTION);
        double low = Math.min(1 - noneLow, total);
        double high = Math.max(1 - noneHigh, total);
        return new Estimate(category, outcome, horizon, total, new Interval(low, high), evidence, Arrays.asList(reasons),
                measures);
    }

    private static final Comparator<Reason> BY_CONTRIBUTION =
            Comparator.comparingDouble(Reason::contribution).reversed().thenComparing(Reason::code);
}
