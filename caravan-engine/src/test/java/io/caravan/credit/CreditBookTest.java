package io.caravan.credit;

import io.caravan.domain.OutcomeKind;
import io.caravan.reference.ReferenceData;
import io.caravan.risk.Estimate;
import io.caravan.risk.Reason;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Shipped settings: merchant prior mean 0.04 worth 10 orders; orders mature after 40 days. */
class CreditBookTest {

    private static final Instant T0 = Instant.parse("2025-01-01T00:00:00Z");
    private final CreditBook book = new CreditBook(ReferenceData.bundled().settings());

    private static Instant day(double d) {
        return T0.plus(Duration.ofMinutes((long) (d * 1440)));
    }

    @Test
    void aNewMerchantIsItsSegmentPrior() {
        book.enrol("M-1", "MERCHANT/Asia", "MERCHANT");
        Estimate e = book.assess("M-1", day(0));
        assertThat(e.probability()).isCloseTo(0.04, within(1e-12));
        assertThat(e.reasons()).extracting(Reason::code).containsExactly("NO_HISTORY");
    }

    @Test
    void logisticsProvidersHaveTheirOwnPrior() {
        book.enrol("C-1", "CARRIER/Europe", "CARRIER");
        assertThat(book.assess("C-1", day(0)).probability()).isCloseTo(0.01, within(1e-12));
    }

    @Test
    void maturedOrdersAndBadOutcomesShrinkTowardTheSegment() {
        book.enrol("M-1", "MERCHANT/Asia", "MERCHANT");
        for (int i = 0; i < 10; i++) {
            book.orderBooked("O-" + i, day(i));
            book.orderPlaced("M-1", day(i));
        }
        book.badOutcome("M-1", "O-1", OutcomeKind.DISPUTE, day(60));
        book.badOutcome("M-1", "O-2", OutcomeKind.CHARGEBACK, day(61));
        // A second bad outcome of the same order does not count again.
        book.badOutcome("M-1", "O-2", OutcomeKind.DISPUTE, day(62));
        // Day 100: all 10 orders matured (placed before day 60). p = (2 + 0.4)/(10 + 10) = 0.12.
        Estimate e = book.assess("M-1", day(100));
        assertThat(e.probability()).isCloseTo(0.12, within(1e-12));
        assertThat(e.evidence()).isEqualTo(10);
        // w = 10/20: own history 0.5 · 2/10 = 0.10, segment prior 0.5 · 0.04 = 0.02.
        assertThat(e.reasons()).extracting(Reason::code).containsExactly("BAD_OUTCOME_HISTORY", "SEGMENT_PRIOR");
        assertThat(e.reasons().get(0).contribution()).isCloseTo(0.10, within(1e-12));
        assertThat(e.reasons().get(1).contribution()).isCloseTo(0.02, within(1e-12));
        assertThat(e.reasons().get(0).text()).contains("1 dispute").contains("1 chargeback");
        assertThat(e.interval().low()).isLessThan(0.12);
        assertThat(e.interval().high()).isGreaterThan(0.12);
    }

    @Test
    void youngOrdersEarnExposureInProportionToTheirAge() {
        book.enrol("M-1", "MERCHANT/Asia", "MERCHANT");
        book.orderPlaced("M-1", day(0));
        // At day 20 the order has lived half of its 40-day maturity: 0.5 trials. p = 0.4 / 10.5 = 0.0380952.
        assertThat(book.assess("M-1", day(20)).probability()).isCloseTo(0.4 / 10.5, within(1e-9));
        // At day 50 it has matured: p = 0.4 / 11.
        assertThat(book.assess("M-1", day(50)).probability()).isCloseTo(0.4 / 11, within(1e-9));
    }

    @Test
    void anEarlyBadOutcomeCountsItsOrderAsATrialAtOnce() {
        book.enrol("M-1", "MERCHANT/Asia", "MERCHANT");
        book.orderBooked("O-1", day(0));
        book.orderPlaced("M-1", day(0));
        book.badOutcome("M-1", "O-1", OutcomeKind.NON_DELIVERY, day(10));
        // The order matured early on its bad outcome: 1 bad in 1 trial, p = 1.4 / 11.
        assertThat(book.assess("M-1", day(10)).probability()).isCloseTo(1.4 / 11, within(1e-9));
    }
}
