package io.caravan.risk;

import java.util.Arrays;

/**
 * The distribution of a delay in whole days past plan: P(0), P(1), … P(MAX_DAYS), where the last bin
 * holds "MAX_DAYS or more" and 0 means on time (or early).
 *
 * <p>Delays along a route add up, so a route's delay is the convolution of its legs' distributions
 * (assuming the legs are independent once shared shocks are taken out), not the sum of their averages.
 * A shared shock — one typhoon over two legs — is applied once to the route as a mixture: with probability
 * q the whole route is shifted by the shock's delay ({@link #withShock}). Instances are immutable.
 */
public final class DelayDistribution implements java.io.Serializable {

    private static final long serialVersionUID = 1L;

    public static final int MAX_DAYS = 30;

    private static final DelayDistribution ON_TIME;

    static {
        double[] p = new double[MAX_DAYS + 1];
        p[0] = 1;
        ON_TIME = new DelayDistribution(p);
    }

    private final double[] p;
    /** The largest day with non-zero probability: convolution only walks the supports. */
    private final int last;

    private DelayDistribution(double[] p) {
        this.p = p;
        int l = 0;
        for (int d = MAX_DAYS; d > 0; d--) {
            if (p[d] != 0) {
                l = d;
                break;
            }
        }
        this.last = l;
    }

    public static DelayDistribution onTime() {
        return ON_TIME;
    }

    /** A distribution from probabilities of 0, 1, 2 … days; fewer than MAX_DAYS + 1 values pad with zeros. */
    public static DelayDistribution of(double... probabilities) {
        if (probabilities.length > MAX_DAYS + 1) {
            throw new IllegalArgumentException("at most " + (MAX_DAYS + 1) + " bins");
        }
        double sum = 0;
        for (double x : probabilities) {
            if (!(x >= 0)) {
                throw new IllegalArgumentException("negative or missing probability in " + Arrays.toString(probabilities));
            }
            sum += x;
        }
        if (Math.abs(sum - 1) > 1e-9) {
            throw new IllegalArgumentException("probabilities must add up to 1, they add up to " + sum);
        }
        return new DelayDistribution(Arrays.copyOf(probabilities, MAX_DAYS + 1));
    }

    /**
     * Dirichlet–multinomial shrinkage: observed day counts pulled toward a prior worth {@code strength}
     * observations, P(d) = (count(d) + strength·prior(d)) / (n + strength).
     */
    public static DelayDistribution fromCounts(long[] counts, DelayDistribution prior, double strength) {
        double n = 0;
        for (long c : counts) {
            n += c;
        }
        double[] p = new double[MAX_DAYS + 1];
        double denominator = n + strength;
        for (int d = 0; d <= MAX_DAYS; d++) {
            long c = d < counts.length ? counts[d] : 0;
            p[d] = (c + strength * prior.p[d]) / denominator;
        }
        return new DelayDistribution(p);
    }

    /** The bin of a delay of {@code days} (negative = early = bin 0; beyond the last bin = last bin). */
    public static int bin(long days) {
        return (int) Math.max(0, Math.min(MAX_DAYS, days));
    }

    /** The distribution of the sum of two independent delays. Skips empty bins: O(support × support). */
    public DelayDistribution convolve(DelayDistribution other) {
        double[] out = new double[MAX_DAYS + 1];
        double[] a = p;
        double[] b = other.p;
        int lastB = other.last;
        for (int i = 0; i <= last; i++) {
            double ai = a[i];
            if (ai == 0) {
                continue;
            }
            int room = MAX_DAYS - i;
            int upTo = Math.min(lastB, room - 1);
            for (int j = 0; j <= upTo; j++) {
                out[i + j] += ai * b[j];
            }
            if (lastB >= room) {
                double tail = 0;
                for (int j = room; j <= lastB; j++) {
                    tail += b[j];
                }
                out[MAX_DAYS] += ai * tail;
            }
        }
        return new DelayDistribution(out);
    }

    /** With probability {@code q} every outcome is {@code days} later: (1 − q)·D + q·shift(D, days). */
    public DelayDistribution withShock(double q, int days) {
        if (!(q >= 0 && q <= 1) || days < 0) {
            throw new IllegalArgumentException("shock needs q in [0, 1] and days >= 0, got " + q + ", " + days);
        }
        double[] out = new double[MAX_DAYS + 1];
        for (int d = 0; d <= last; d++) {
            out[d] += (1 - q) * p[d];
            out[bin((long) d + days)] += q * p[d];
        }
        return new DelayDistribution(out);
    }

    public double probability(int days) {
        return p[days];
    }

    /** P(delay > days). */
    public double probabilityOver(int days) {
        if (days < 0) {
            return 1;
        }
        double s = 0;
        for (int d = days + 1; d <= MAX_DAYS; d++) {
            s += p[d];
        }
        return s;
    }

    public double mean() {
        double m = 0;
        for (int d = 1; d <= MAX_DAYS; d++) {
            m += d * p[d];
        }
        return m;
    }

    /** The smallest d with P(delay ≤ d) ≥ q. */
    public int quantile(double q) {
        double c = 0;
        for (int d = 0; d <= MAX_DAYS; d++) {
            c += p[d];
            if (c >= q - 1e-12) {
                return d;
            }
        }
        return MAX_DAYS;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DelayDistribution other && Arrays.equals(p, other.p);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(p);
    }

    @Override
    public String toString() {
        return "DelayDistribution(mean=" + mean() + ", P(0)=" + p[0] + ")";
    }
}
