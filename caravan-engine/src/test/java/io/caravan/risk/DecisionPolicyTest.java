package io.caravan.risk;

import org.junit.jupiter.api.Test;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class DecisionPolicyTest {

    private final DecisionPolicy policy = policy();

    private static DecisionPolicy policy() {
        Map<RiskCategory, DecisionPolicy.Thresholds> t = new EnumMap<>(RiskCategory.class);
        Map<RiskCategory, Double> lge = new EnumMap<>(RiskCategory.class);
        for (RiskCategory c : RiskCategory.values()) {
            t.put(c, new DecisionPolicy.Thresholds(0.2, 0.5, 0.9));
            lge.put(c, 1.0);
        }
        lge.put(RiskCategory.LOGISTICS, 0.15);
        return new DecisionPolicy(t, lge, 150, 1000);
    }

    private static Estimate estimate(RiskCategory c, double p) {
        return new Estimate(c, "x", "h", p, Interval.exactly(p), 1, List.of());
    }

    @Test
    void expectedLossComposesShareOfExposureLost() {
        // EL = 1000 × (1 − (1 − 0.1 · 1.0)(1 − 0.4 · 0.15)) = 1000 × (1 − 0.9 · 0.94) = 154
        List<Estimate> es = List.of(estimate(RiskCategory.CREDIT, 0.1), estimate(RiskCategory.LOGISTICS, 0.4));
        double el = policy.expectedLoss(es, 1000);
        assertThat(el).isCloseTo(154, within(1e-9));
        Decision d = policy.decide(es, el);
        assertThat(d.action()).isEqualTo(Action.REVIEW);
        assertThat(d.drivers()).hasSize(2);
        assertThat(d.drivers().get(0)).contains("LOGISTICS").contains("40.0%").contains("review threshold 20.0%");
        assertThat(d.drivers().get(1)).contains("expected loss USD 154.00");
    }

    @Test
    void theMostSevereThresholdWins() {
        List<Estimate> es = List.of(estimate(RiskCategory.CREDIT, 0.3), estimate(RiskCategory.LEGAL, 0.95));
        assertThat(policy.decide(es, 0).action()).isEqualTo(Action.BLOCK);
        assertThat(policy.decide(List.of(estimate(RiskCategory.NATURAL, 0.6)), 0).action()).isEqualTo(Action.HOLD);
        assertThat(policy.decide(List.of(estimate(RiskCategory.NATURAL, 0.1)), 0).action()).isEqualTo(Action.APPROVE);
        assertThat(policy.decide(List.of(), 1200).action()).isEqualTo(Action.HOLD);
    }

    @Test
    void oddsFormOfBayes() {
        // prior 0.005: odds 0.00502513; × 40 = 0.2010050; p = 0.201005/1.201005 = 0.1673640
        assertThat(Odds.update(0.005, 40)).isCloseTo(0.1673640, within(1e-6));
        assertThat(Odds.update(0.2)).isCloseTo(0.2, within(1e-12));
    }

    @Test
    void percentagesReadNaturally() {
        assertThat(Percent.of(0.1234)).isEqualTo("12.3%");
        assertThat(Percent.of(0.0004)).isEqualTo("0.04%");
        assertThat(Percent.of(0)).isEqualTo("0.0%");
        assertThat(Percent.money(1234.5)).isEqualTo("1234.50");
    }

    @Test
    void wilsonIntervalAroundAProportion() {
        // p = 0.5, n = 100, z = 1.6449: centre 0.5, half-width 1.6449·√(0.0025 + 0.0000676)/1.02706 = 0.08113
        Interval i = Interval.wilson90(0.5, 100);
        assertThat(i.low()).isCloseTo(0.4189, within(1e-3));
        assertThat(i.high()).isCloseTo(0.5811, within(1e-3));
    }
}
