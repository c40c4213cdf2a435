package io.caravan.risk;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class DelayDistributionTest {

    @Test
    void delaysAddUpByConvolution() {
        // Each leg: on time or one day late, half and half. Sum: 0 (1/4), 1 (1/2), 2 (1/4).
        DelayDistribution leg = DelayDistribution.of(0.5, 0.5);
        DelayDistribution route = leg.convolve(leg);
        assertThat(route.probability(0)).isCloseTo(0.25, within(1e-12));
        assertThat(route.probability(1)).isCloseTo(0.5, within(1e-12));
        assertThat(route.probability(2)).isCloseTo(0.25, within(1e-12));
        assertThat(route.mean()).isCloseTo(1.0, within(1e-12));
        assertThat(route.probabilityOver(0)).isCloseTo(0.75, within(1e-12));
        assertThat(route.quantile(0.5)).isEqualTo(1);
    }

    @Test
    void theTailBinHoldsEverythingBeyondTheLastDay() {
        double[] p = new double[DelayDistribution.MAX_DAYS + 1];
        p[20] = 1;
        DelayDistribution d = DelayDistribution.of(p);
        DelayDistribution sum = d.convolve(d);
        assertThat(sum.probability(DelayDistribution.MAX_DAYS)).isCloseTo(1.0, within(1e-12));
    }

    @Test
    void aSharedShockShiftsTheWholeRouteOnce() {
        // On time for sure; a shock of q = 0.2 adds 3 days: P(0) = 0.8, P(3) = 0.2.
        DelayDistribution d = DelayDistribution.onTime().withShock(0.2, 3);
        assertThat(d.probability(0)).isCloseTo(0.8, within(1e-12));
        assertThat(d.probability(3)).isCloseTo(0.2, within(1e-12));
        assertThat(d.mean()).isCloseTo(0.6, within(1e-12));
    }

    @Test
    void countsAreShrunkTowardThePrior() {
        // Counts 3 on time, 1 a day late; prior always on time, worth 4: P(0) = (3 + 4)/8, P(1) = 1/8.
        DelayDistribution d = DelayDistribution.fromCounts(new long[] {3, 1}, DelayDistribution.onTime(), 4);
        assertThat(d.probability(0)).isCloseTo(0.875, within(1e-12));
        assertThat(d.probability(1)).isCloseTo(0.125, within(1e-12));
    }

    @Test
    void rejectsProbabilitiesThatDoNotAddUp() {
        assertThatThrownBy(() -> DelayDistribution.of(0.5, 0.4)).hasMessageContaining("add up to 1");
    }
}
