package io.caravan.risk;

/**
 * Bayes' rule in odds form: posterior odds = prior odds × Π likelihood ratios, for signals treated as
 * conditionally independent given the outcome.
 */
public final class Odds {

    private Odds() {
    }

    public static double update(double prior, double... likelihoodRatios) {
        if (!(prior > 0 && prior < 1)) {
            throw new IllegalArgumentException("prior must be in (0, 1), got " + prior);
        }
        double odds = prior / (1 - prior);
        for (double lr : likelihoodRatios) {
            odds *= lr;
        }
        return odds / (1 + odds);
    }
}
