package io.caravan.risk;

import java.util.concurrent.ConcurrentHashMap;

/**
 * A rate known through a Beta(α, β) distribution: the conjugate model of "k events in n trials".
 *
 * <p>Shrinkage: a segment prior with mean μ and strength m (worth m trials) is Beta(mμ, m(1 − μ)).
 * After k events in n trials the posterior is Beta(mμ + k, m(1 − μ) + n − k), whose mean
 * (k + mμ)/(n + m) pulls a participant with little evidence toward its segment and lets the evidence win
 * as n grows. Three orders without a dispute do not make a perfect seller.
 *
 * <p>The 90% interval is the 5% and 95% quantiles of the Beta, found by bisection on the regularised
 * incomplete beta function (continued fraction, Lentz's method). Intervals are memoised on (α, β) rounded
 * to a grid — steps of 0.05 up to 10, of 0.5 up to 100, then of 0.5% — so that the many assessments of a
 * participant whose evidence barely moved cost a map lookup; the rounding moves an interval's ends by far
 * less than the interval's width.
 */
public record BetaRate(double alpha, double beta) {

    private static final int CACHE_LIMIT = 200_000;
    private static final ConcurrentHashMap<BetaRate, Interval> INTERVALS = new ConcurrentHashMap<>();

    public BetaRate {
        if (!(alpha > 0 && beta > 0)) {
            throw new IllegalArgumentException("Beta parameters must be positive, got (" + alpha + ", " + beta + ")");
        }
    }

    /** The prior worth {@code strength} trials with mean {@code mean}. */
    public static BetaRate prior(double mean, double strength) {
        if (!(mean > 0 && mean < 1) || !(strength > 0)) {
            throw new IllegalArgumentException("prior needs a mean in (0, 1) and a positive strength, got "
                    + mean + " and " + strength);
        }
        return new BetaRate(mean * strength, (1 - mean) * strength);
    }

    public BetaRate observe(double events, double trials) {
        if (events < 0 || trials < events) {
            throw new IllegalArgumentException("need 0 <= events <= trials, got " + events + " of " + trials);
        }
        return new BetaRate(alpha + events, beta + (trials - events));
    }

    public double mean() {
        return alpha / (alpha + beta);
    }

    /** The central 90% credible interval (of the parameters rounded to the memo grid; see the class comment). */
    public Interval interval90() {
        BetaRate key = new BetaRate(grid(alpha), grid(beta));
        Interval known = INTERVALS.get(key);
        if (known != null) {
            return known;
        }
        if (INTERVALS.size() >= CACHE_LIMIT) {
            INTERVALS.clear();
        }
        Interval fresh = new Interval(key.quantile(0.05), key.quantile(0.95));
        INTERVALS.put(key, fresh);
        return fresh;
    }

    static double grid(double x) {
        if (x < 10) {
            return Math.max(0.05, Math.round(x * 20) / 20.0);
        }
        if (x < 100) {
            return Math.round(x * 2) / 2.0;
        }
        // Half a unit of the third significant digit, without logarithms: this runs on every assessment.
        double step = 0.5;
        while (x >= step * 2000) {
            step *= 10;
        }
        return Math.round(x / step) * step;
    }

    /** The q-quantile, to within 1e-9. */
    public double quantile(double q) {
        double lo = 0;
        double hi = 1;
        for (int i = 0; i < 60 && hi - lo > 1e-9; i++) {
            double mid = (lo + hi) / 2;
            if (cdf(mid) < q) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return (lo + hi) / 2;
    }

    /** P(X ≤ x): the regularised incomplete beta function I_x(α, β). */
    public double cdf(double x) {
        if (x <= 0) {
            return 0;
        }
        if (x >= 1) {
            return 1;
        }
        double logFront = alpha * Math.log(x) + beta * Math.log1p(-x)
                - (logGamma(alpha) + logGamma(beta) - logGamma(alpha + beta));
        double front = Math.exp(logFront);
        // The continued fraction converges fast for x below the mean; use the symmetry I_x(a,b) = 1 − I_{1−x}(b,a) above it.
        if (x < (alpha + 1) / (alpha + beta + 2)) {
            return front * continuedFraction(x, alpha, beta) / alpha;
        }
        return 1 - front * continuedFraction(1 - x, beta, alpha) / beta;
    }

    private static double continuedFraction(double x, double a, double b) {
        final double tiny = 1e-300;
        double c = 1;
        double d = 1 - (a + b) * x / (a + 1);
        d = Math.abs(d) < tiny ? tiny : d;
        d = 1 / d;
        double f = d;
        for (int m = 1; m <= 500; m++) {
            int m2 = 2 * m;
            double even = m * (b - m) * x / ((a + m2 - 1) * (a + m2));
            d = 1 + even * d;
            d = Math.abs(d) < tiny ? tiny : d;
            c = 1 + even / c;
            c = Math.abs(c) < tiny ? tiny : c;
            d = 1 / d;
            f *= d * c;
            double odd = -(a + m) * (a + b + m) * x / ((a + m2) * (a + m2 + 1));
            d = 1 + odd * d;
            d = Math.abs(d) < tiny ? tiny : d;
            c = 1 + odd / c;
            c = Math.abs(c) < tiny ? tiny : c;
            d = 1 / d;
            double step = d * c;
            f *= step;
            if (Math.abs(step - 1) < 1e-14) {
                break;
            }
        }
        return f;
    }

    /** ln Γ(x) for x > 0, by the Lanczos approximation (g = 7, 9 terms; relative error below 1e-13). */
    static double logGamma(double x) {
        if (x < 0.5) {
            // Reflection: Γ(x)Γ(1 − x) = π / sin(πx).
            return Math.log(Math.PI / Math.abs(Math.sin(Math.PI * x))) - logGamma(1 - x);
        }
        double[] g = LANCZOS;
        double z = x - 1;
        double sum = g[0];
        for (int i = 1; i < g.length; i++) {
            sum += g[i] / (z + i);
        }
        double t = z + 7.5;
        return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(sum);
    }

    private static final double[] LANCZOS = {
        0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313,
        -176.61502916214059, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6,
        1.5056327351493116e-7
    };
}
