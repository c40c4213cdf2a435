package io.caravan.screening;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class PaymentVelocityTest {

    @Test
    void countsAndSumsOnlyInsideTheWindow() {
        PaymentVelocity v = new PaymentVelocity(3600);
        v.observe("A", 0, 100);
        v.observe("A", 1800, 50);
        v.observe("A", 3000, 25);
        v.observe("B", 3000, 999);
        // At t = 3600 the window is [0, 3600]: all three of A.
        assertThat(v.window("A", 3600).count()).isEqualTo(3);
        assertThat(v.window("A", 3600).amountUsd()).isCloseTo(175, within(1e-9));
        // At t = 4000 the payment at 0 has left the window.
        assertThat(v.window("A", 4000).count()).isEqualTo(2);
        assertThat(v.window("A", 4000).amountUsd()).isCloseTo(75, within(1e-9));
        // A new payment drops the expired ones from the state.
        v.observe("A", 9000, 10);
        assertThat(v.window("A", 9000).count()).isEqualTo(1);
        assertThat(v.window("nobody", 9000).count()).isZero();
    }

    @Test
    void growsBeyondItsInitialCapacity() {
        PaymentVelocity v = new PaymentVelocity(1_000_000);
        for (int i = 0; i < 100; i++) {
            v.observe("A", i, 1);
        }
        assertThat(v.window("A", 100).count()).isEqualTo(100);
        assertThat(v.window("A", 100).amountUsd()).isCloseTo(100, within(1e-9));
    }
}
