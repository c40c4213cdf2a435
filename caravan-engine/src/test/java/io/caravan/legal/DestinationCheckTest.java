package io.caravan.legal;

import io.caravan.domain.CountryCode;
import io.caravan.domain.Money;
import io.caravan.domain.Order;
import io.caravan.domain.OrderItem;
import io.caravan.domain.Qualification;
import io.caravan.reference.ReferenceData;
import io.caravan.risk.Estimate;
import io.caravan.risk.Reason;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Shipped rule pack: prohibited p 0.95, missing certificate 0.6, de minimis 0.03. */
class DestinationCheckTest {

    private final ReferenceData ref = ReferenceData.bundled();
    private final DestinationCheck check = new DestinationCheck(ref.destinationRules(), ref.hs(), ref.fx(), ref.settings());

    private static Order order(String to, String day, OrderItem... items) {
        Instant at = Instant.parse(day + "T10:00:00Z");
        return new Order("O-1", at, "M-1", "", "", CountryCode.of(to), CountryCode.of("CN"), CountryCode.of(to),
                List.of(items), at.plusSeconds(86400 * 20), "");
    }

    private static OrderItem item(String sku, String hs, String amount) {
        return new OrderItem(sku, "", hs, "", 1, Money.of(amount, "USD"));
    }

    @Test
    void fireworksAreProhibitedEverywhere() {
        Estimate e = check.check(order("DE", "2025-04-01", item("F", "360410", "20")), List.of());
        assertThat(e.probability()).isCloseTo(0.95, within(1e-12));
        assertThat(e.reasons().get(0).code()).isEqualTo("PROHIBITED_GOODS");
        assertThat(e.reasons().get(0).evidence()).anyMatch(s -> s.startsWith("legal-rules.csv line"));
    }

    @Test
    void aToyNeedsItsCertificateInTheUnitedStates() {
        Order o = order("US", "2025-04-01", item("T", "950300", "20"));
        Estimate without = check.check(o, List.of());
        assertThat(without.probability()).isCloseTo(0.6, within(1e-12));
        assertThat(without.reasons().get(0).text()).contains("CPSC_CHILDRENS_PRODUCT_CERTIFICATE");
        Qualification cpc = new Qualification("CPSC_CHILDRENS_PRODUCT_CERTIFICATE", "C-1", "Lab",
                LocalDate.of(2024, 1, 1), LocalDate.of(2026, 1, 1));
        assertThat(check.check(o, List.of(cpc)).probability()).isZero();
        // An expired certificate does not count.
        Qualification old = new Qualification("CPSC_CHILDRENS_PRODUCT_CERTIFICATE", "C-0", "Lab",
                LocalDate.of(2020, 1, 1), LocalDate.of(2024, 1, 1));
        assertThat(check.check(o, List.of(old)).probability()).isCloseTo(0.6, within(1e-12));
    }

    @Test
    void theUnitedStatesDeMinimisDependsOnTheDate() {
        // USD 100 of T-shirts: under USD 800 before 29 August 2025, above the suspended de minimis (0) after.
        Estimate before = check.check(order("US", "2025-08-01", item("S", "610910", "100")), List.of());
        assertThat(before.probability()).isZero();
        Estimate after = check.check(order("US", "2025-09-01", item("S", "610910", "100")), List.of());
        assertThat(after.probability()).isCloseTo(0.03, within(1e-12));
        assertThat(after.reasons()).extracting(Reason::code).containsExactly("ABOVE_DE_MINIMIS");
        assertThat(after.reasons().get(0).text()).contains("no de minimis").contains("2025-09-01");
    }

    @Test
    void findingsComposeAsAlternatives() {
        // Fireworks (0.95) and an unknown heading (0.3): 1 − 0.05 · 0.7 = 0.965
        Estimate e = check.check(order("DE", "2025-04-01", item("F", "360410", "20"), item("Q", "770000", "5")), List.of());
        assertThat(e.probability()).isCloseTo(0.965, within(1e-12));
    }
}
