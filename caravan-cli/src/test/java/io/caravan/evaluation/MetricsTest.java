package io.caravan.evaluation;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class MetricsTest {

    @Test
    void aucCountsCorrectlyOrderedPairsWithTiesAsHalf() {
        // Positives 0.8, 0.4; negatives 0.4, 0.1. Pairs: (0.8 > 0.4) 1, (0.8 > 0.1) 1, (0.4 = 0.4) ½, (0.4 > 0.1) 1 → 3.5/4.
        assertThat(Metrics.auc(new double[] {0.8, 0.4, 0.4, 0.1}, new int[] {1, 1, 0, 0})).isCloseTo(0.875, within(1e-12));
        assertThat(Metrics.auc(new double[] {0.9, 0.1}, new int[] {0, 1})).isEqualTo(0.0);
    }

    @Test
    void brierAndLogLossByHand() {
        double[] p = {0.8, 0.3};
        int[] y = {1, 0};
        // ((0.2)² + (0.3)²)/2 = 0.065
        assertThat(Metrics.brier(p, y)).isCloseTo(0.065, within(1e-12));
        // −(ln 0.8 + ln 0.7)/2 = (0.2231436 + 0.3566749)/2 = 0.2899092
        assertThat(Metrics.logLoss(p, y)).isCloseTo(0.2899092, within(1e-6));
    }

    @Test
    void reliabilityGroupsPredictionsByDecile() {
        var bins = Metrics.reliability(new double[] {0.05, 0.07, 0.95}, new int[] {0, 1, 1});
        assertThat(bins).hasSize(2);
        assertThat(bins.get(0).meanPredicted()).isCloseTo(0.06, within(1e-12));
        assertThat(bins.get(0).observed()).isCloseTo(0.5, within(1e-12));
        assertThat(bins.get(1).count()).isEqualTo(1);
    }

    @Test
    void precisionRecallAndF1() {
        Metrics.Confusion c = Metrics.confusion(new boolean[] {true, true, false, false}, new int[] {1, 0, 1, 0});
        assertThat(c.precision()).isEqualTo(0.5);
        assertThat(c.recall()).isEqualTo(0.5);
        assertThat(c.f1()).isEqualTo(0.5);
    }
}
