package io.caravan.logistics;

import io.caravan.domain.Leg;
import io.caravan.domain.Location;
import io.caravan.domain.Shipment;
import io.caravan.domain.TrackingEvent;
import io.caravan.domain.TrackingStatus;
import io.caravan.domain.TransportMode;
import io.caravan.reference.ReferenceData;
import io.caravan.risk.Estimate;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Shipped priors: SEA 0.78, 0.07, 0.04, 0.03, 0.02 … and COURIER 0.90, 0.06, 0.025, 0.01, 0.005 for 0, 1, 2 …
 * days; grace 3 days; prior strength 10 arrivals.
 */
class RouteRiskTest {

    private static final Instant T = Instant.parse("2025-03-01T00:00:00Z");
    private final LaneBook lanes = new LaneBook(ReferenceData.bundled().settings());
    private final RouteRisk risk = new RouteRisk(lanes, ReferenceData.bundled().settings());

    private static Shipment seaThenCourier(String id) {
        Instant dep = T;
        Instant port = T.plus(Duration.ofDays(20));
        Instant home = port.plus(Duration.ofDays(3));
        return new Shipment(id, T, "O-1", "", List.of(
                new Leg(1, TransportMode.SEA, "C-SEA", Location.of("CNSGH"), Location.of("USLAX"), dep, port),
                new Leg(2, TransportMode.COURIER, "C-LAST", Location.of("USLAX"), Location.of("US"), port, home)));
    }

    @Test
    void lateWhenTheSummedDelayExceedsSlackPlusGrace() {
        // Promised on the planned arrival: late if D > 3. P(D ≤ 3) = Σ_{i+j≤3} s_i c_j
        //   = .78·(.90+.06+.025+.01) + .07·(.90+.06+.025) + .04·(.90+.06) + .03·.90
        //   = .7761 + .06895 + .0384 + .027 = .91045  →  P(late) = .08955
        Shipment s = seaThenCourier("S-1");
        Estimate e = risk.assess(s, s.plannedArrival(), List.of(), Function.identity());
        assertThat(e.probability()).isCloseTo(0.08955, within(1e-9));
        assertThat(e.measures().get("slack_days")).isEqualTo(0.0);
        // All legs on time: .78 · .90 = .702
        assertThat(e.measures().get("all_legs_on_time_probability")).isCloseTo(0.702, within(1e-9));
        assertThat(e.reasons().get(0).code()).isEqualTo("LEG_MODE_PRIOR");
    }

    @Test
    void aSharedShockIsAppliedOnceToTheRoute() {
        // With q = 0.5 of 6 more days the route is late for sure: P = 0.5·0.08955 + 0.5·1 = 0.544775.
        Shipment s = seaThenCourier("S-1");
        Estimate e = risk.assess(s, s.plannedArrival(), List.of(new Shock("H-1", "Typhoon at CNSGH", 0.5, 6)),
                Function.identity());
        assertThat(e.probability()).isCloseTo(0.544775, within(1e-9));
        assertThat(e.reasons().get(0).code()).isEqualTo("DISRUPTION_SHOCK");
        assertThat(e.reasons().get(0).text()).contains("counted once for the route");
    }

    @Test
    void slackMovesTheThreshold() {
        // Two days of slack: late if D > 5.
        Shipment s = seaThenCourier("S-1");
        Estimate e = risk.assess(s, s.plannedArrival().plus(Duration.ofDays(2)), List.of(), Function.identity());
        assertThat(e.probability()).isLessThan(0.08955);
        assertThat(e.measures().get("slack_days")).isEqualTo(2.0);
    }

    @Test
    void arrivalsTeachTheLaneItsOwnExcessTransitTime() {
        Shipment s = seaThenCourier("S-1");
        lanes.shipmentBooked(s);
        // Departs 2 days late and arrives 2 days late: its own transit was on plan, so the lane learns 0 days.
        lanes.scanned(new TrackingEvent("T1", T.plus(Duration.ofDays(2)), "S-1", 1, TrackingStatus.DEPARTED, Location.of("CNSGH")));
        lanes.scanned(new TrackingEvent("T2", T.plus(Duration.ofDays(22)), "S-1", 1, TrackingStatus.ARRIVED, Location.of("USLAX")));
        // A second arrival scan of the same leg is not counted again.
        lanes.scanned(new TrackingEvent("T3", T.plus(Duration.ofDays(30)), "S-1", 1, TrackingStatus.ARRIVED, Location.of("USLAX")));
        Leg sea = s.legs().get(0);
        assertThat(lanes.arrivals(sea)).isEqualTo(1);
        // (1 + 10·0.78)/11 = 0.8
        assertThat(lanes.distribution(sea).probability(0)).isCloseTo(0.8, within(1e-12));
        // The courier leg arrives 4 days (and 5 hours) late without a departure scan: 4 days against plan.
        lanes.scanned(new TrackingEvent("T4", s.plannedArrival().plus(Duration.ofHours(101)), "S-1", 2,
                TrackingStatus.DELIVERED, Location.of("US")));
        Leg courier = s.legs().get(1);
        // P(4) = (1 + 10·0.005)/11
        assertThat(lanes.distribution(courier).probability(4)).isCloseTo(1.05 / 11, within(1e-12));
        assertThat(lanes.inFlight()).isZero();
    }
}
