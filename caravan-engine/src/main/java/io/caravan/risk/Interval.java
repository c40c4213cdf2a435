package io.caravan.risk;

/** A probability interval [low, high]; for shrunk rates it is the central 90% credible interval. */
public record Interval(double low, double high) implements java.io.Serializable {

    public Interval {
        if (!(low >= 0 && high <= 1 && low <= high)) {
            throw new IllegalArgumentException("not a probability interval: [" + low + ", " + high + "]");
        }
    }

    /**
     * The 90% Wilson score interval of a proportion p observed over an effective n trials — a closed form
     * for estimates whose uncertainty comes from n observations without a conjugate posterior at hand.
     */
    public static Interval wilson90(double p, double n) {
        if (n <= 0) {
            return new Interval(0, 1);
        }
        double z = 1.6448536269514722;
        double z2n = z * z / n;
        double centre = (p + z2n / 2) / (1 + z2n);
        double half = z * Math.sqrt(p * (1 - p) / n + z2n / (4 * n)) / (1 + z2n);
        return new Interval(Math.max(0, Math.min(p, centre - half)), Math.min(1, Math.max(p, centre + half)));
    }

    /** The degenerate interval of a probability known exactly (a rule, not an estimate). */
    public static Interval exactly(double p) {
        return new Interval(p, p);
    }
}
