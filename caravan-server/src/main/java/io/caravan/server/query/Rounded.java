package io.caravan.server.query;

/**
 * Numbers read from an assessment's columns, rounded as its {@code caravan.assessment.v1} body writes them:
 * probabilities to 6 decimals, money to cents. The columns keep the engine's full doubles (for sorting and
 * sums); a list shows 0.3 where the column holds 0.30210000000000026, the same figure as the body beside it.
 */
final class Rounded {

    private Rounded() {
    }

    static double probability(double p) {
        return Math.round(p * 1e6) / 1e6;
    }

    static double usd(double amount) {
        return Math.round(amount * 100) / 100.0;
    }
}
