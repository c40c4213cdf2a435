package io.caravan.risk;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class BetaRateTest {

    @Test
    void shrinkageIsTheWeightedMeanOfPriorAndEvidence() {
        // Prior mean 0.04 worth 10 orders: Beta(0.4, 9.6). After 3 bad of 40: Beta(3.4, 46.6), mean 3.4/50 = 0.068.
        BetaRate prior = BetaRate.prior(0.04, 10);
        assertThat(prior.alpha()).isCloseTo(0.4, within(1e-12));
        assertThat(prior.beta()).isCloseTo(9.6, within(1e-12));
        BetaRate post = prior.observe(3, 40);
        assertThat(post.mean()).isCloseTo(0.068, within(1e-12));
        // = w·μ + (1 − w)·k/n with w = 10/50: 0.2 · 0.04 + 0.8 · 0.075 = 0.008 + 0.06
        assertThat(0.2 * 0.04 + 0.8 * 3 / 40.0).isCloseTo(post.mean(), within(1e-12));
    }

    @Test
    void cdfMatchesClosedForms() {
        // Beta(1,1) is uniform: F(x) = x. Beta(2,1): F(x) = x². Beta(1,3): F(x) = 1 − (1 − x)³.
        assertThat(new BetaRate(1, 1).cdf(0.3)).isCloseTo(0.3, within(1e-10));
        assertThat(new BetaRate(2, 1).cdf(0.5)).isCloseTo(0.25, within(1e-10));
        assertThat(new BetaRate(1, 3).cdf(0.5)).isCloseTo(0.875, within(1e-10));
        // Beta(2,2): F(x) = 3x² − 2x³; at 0.25: 0.1875 − 0.03125 = 0.15625
        assertThat(new BetaRate(2, 2).cdf(0.25)).isCloseTo(0.15625, within(1e-10));
    }

    @Test
    void quantilesInvertTheCdf() {
        assertThat(new BetaRate(1, 1).quantile(0.05)).isCloseTo(0.05, within(1e-8));
        assertThat(new BetaRate(2, 1).quantile(0.25)).isCloseTo(0.5, within(1e-8));
        assertThat(new BetaRate(1, 3).quantile(0.875)).isCloseTo(0.5, within(1e-8));
    }

    @Test
    void intervalOfTheUniformIsFiveToNinetyFivePercent() {
        Interval i = new BetaRate(1, 1).interval90();
        assertThat(i.low()).isCloseTo(0.05, within(1e-8));
        assertThat(i.high()).isCloseTo(0.95, within(1e-8));
    }

    @Test
    void intervalNarrowsWithEvidence() {
        Interval few = BetaRate.prior(0.04, 10).observe(1, 10).interval90();
        Interval many = BetaRate.prior(0.04, 10).observe(100, 1000).interval90();
        assertThat(many.high() - many.low()).isLessThan((few.high() - few.low()) / 3);
        assertThat(many.low()).isLessThan(0.1).isGreaterThan(0.08);
    }

    @Test
    void logGammaOfWholeNumbersIsLogFactorial() {
        assertThat(BetaRate.logGamma(5)).isCloseTo(Math.log(24), within(1e-12));
        assertThat(BetaRate.logGamma(0.5)).isCloseTo(Math.log(Math.sqrt(Math.PI)), within(1e-12));
    }

    @Test
    void theMemoGridKeepsThreeSignificantDigits() {
        assertThat(BetaRate.grid(0.41)).isCloseTo(0.40, within(1e-12));
        assertThat(BetaRate.grid(12.3)).isEqualTo(12.5);
        assertThat(BetaRate.grid(150.2)).isEqualTo(150.0);
        assertThat(BetaRate.grid(1234)).isEqualTo(1235.0);
        assertThat(BetaRate.grid(98765)).isEqualTo(98750.0);
    }

    @Test
    void rejectsImpossibleCounts() {
        assertThatThrownBy(() -> BetaRate.prior(0.04, 10).observe(5, 3)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> BetaRate.prior(0, 10)).isInstanceOf(IllegalArgumentException.class);
    }
}
