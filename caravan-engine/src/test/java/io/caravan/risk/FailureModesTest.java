package io.caravan.risk;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class FailureModesTest {

    @Test
    void independentModesCombineAsOneMinusProductOfComplements() {
        // 1 − (1 − 0.1)(1 − 0.2) = 1 − 0.72 = 0.28
        assertThat(FailureModes.anyOf(0.1, 0.2)).isCloseTo(0.28, within(1e-12));
        // 1 − 0.9 · 0.8 · 0.5 = 0.64
        assertThat(FailureModes.anyOf(0.1, 0.2, 0.5)).isCloseTo(0.64, within(1e-12));
        assertThat(FailureModes.anyOf()).isZero();
    }

    @Test
    void contributionsShareTheProbabilityByHazard() {
        // h1 = −ln 0.9 = 0.1053605, h2 = −ln 0.8 = 0.2231436, Σh = 0.3285041
        // contributions 0.28 · 0.1053605 / 0.3285041 = 0.0898040 and 0.28 · 0.2231436 / 0.3285041 = 0.1901960
        double[] c = FailureModes.attribute(0.1, 0.2);
        assertThat(c[0]).isCloseTo(0.0898040, within(1e-6));
        assertThat(c[1]).isCloseTo(0.1901960, within(1e-6));
        assertThat(c[0] + c[1]).isCloseTo(0.28, within(1e-12));
    }

    @Test
    void aCertainModeTakesAllTheProbability() {
        double[] c = FailureModes.attribute(1.0, 0.3);
        assertThat(c).containsExactly(1.0, 0.0);
    }

    @Test
    void combineRanksReasonsAndBoundsTheInterval() {
        Estimate e = new FailureModes(RiskCategory.LEGAL, "customs_refusal", "at import")
                .add("SMALL", "small", 0.1, new Interval(0.05, 0.2), List.of("a"))
                .add("BIG", "big", 0.2, new Interval(0.1, 0.3), List.of("b"))
                .evidence(7)
                .combine();
        assertThat(e.probability()).isCloseTo(0.28, within(1e-12));
        assertThat(e.reasons()).extracting(Reason::code).containsExactly("BIG", "SMALL");
        // low: 1 − 0.95 · 0.9 = 0.145; high: 1 − 0.8 · 0.7 = 0.44
        assertThat(e.interval().low()).isCloseTo(0.145, within(1e-12));
        assertThat(e.interval().high()).isCloseTo(0.44, within(1e-12));
        assertThat(e.evidence()).isEqualTo(7);
    }

    @Test
    void draftedTextIsWrittenOnceWhenRead() {
        int[] calls = {0};
        Estimate e = new FailureModes(RiskCategory.CREDIT, "x", "y")
                .add("A", () -> "drafted " + (++calls[0]), 0.5, List.of()).combine();
        assertThat(calls[0]).isZero();
        assertThat(e.reasons().get(0).text()).isEqualTo("drafted 1");
        assertThat(e.reasons().get(0).text()).isEqualTo("drafted 1");
        assertThat(calls[0]).isEqualTo(1);
    }
}
