package io.caravan.exposure;

import io.caravan.domain.Area;
import io.caravan.domain.CountryCode;
import io.caravan.domain.GeoPoint;
import io.caravan.domain.HazardEvent;
import io.caravan.domain.HazardKind;
import io.caravan.domain.Location;
import io.caravan.reference.ReferenceData;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class ActiveDisruptionsTest {

    private static final Instant T = Instant.parse("2025-04-01T00:00:00Z");
    private final ReferenceData ref = ReferenceData.bundled();
    // Half-life 4 days, open-ended events last 10 days, a named country weighs 0.3.
    private final ActiveDisruptions<HazardEvent> active = new ActiveDisruptions<>(4, 10, 0.3);

    private static HazardEvent typhoon(Instant until) {
        return new HazardEvent("H-1", T, HazardKind.TROPICAL_CYCLONE, "Typhoon", 0.8, until,
                new Area(List.of(CountryCode.of("JP")), List.of(Location.of("CNSGH")), new GeoPoint(31.2, 121.5), 400), 6);
    }

    @Test
    void fullStrengthUntilTheEndThenHalvingEveryHalfLife() {
        HazardEvent e = typhoon(T.plus(Duration.ofDays(3)));
        assertThat(active.strength(e, T.minusSeconds(1))).isZero();
        assertThat(active.strength(e, T.plus(Duration.ofDays(2)))).isEqualTo(1.0);
        assertThat(active.strength(e, T.plus(Duration.ofDays(7)))).isCloseTo(0.5, within(1e-12));
        assertThat(active.strength(e, T.plus(Duration.ofDays(11)))).isCloseTo(0.25, within(1e-12));
        // Without an end, an event is taken to last 10 days.
        assertThat(active.strength(typhoon(Instant.MAX), T.plus(Duration.ofDays(14)))).isCloseTo(0.5, within(1e-12));
    }

    @Test
    void anEventTouchingTwoLegsIsOneShockAtItsStrongestPoint() {
        active.observe(typhoon(T.plus(Duration.ofDays(3))));
        List<RoutePoint> route = List.of(
                new RoutePoint(Location.of("CN"), T.plus(Duration.ofDays(1)), 1),
                new RoutePoint(Location.of("CNSGH"), T.plus(Duration.ofDays(2)), 1),
                new RoutePoint(Location.of("CNSGH"), T.plus(Duration.ofDays(2)), 2),
                new RoutePoint(Location.of("JPTYO"), T.plus(Duration.ofDays(5)), 2));
        List<Touch> touches = active.touching(route, ref.ports());
        assertThat(touches).hasSize(1);
        Touch t = touches.get(0);
        // At CNSGH, a named place at full strength: 0.8 · 1 · 1.
        assertThat(t.probability()).isCloseTo(0.8, within(1e-12));
        assertThat(t.legs()).containsExactly(1, 2);
        assertThat(t.how()).isEqualTo("at CNSGH");
    }

    @Test
    void aWholeCountryEventTouchesWithTheCountryWeight() {
        active.observe(typhoon(T.plus(Duration.ofDays(3))));
        // JPTYO is in JP (named) and far from the circle: 0.8 · 1 · 0.3 = 0.24.
        List<Touch> touches = active.touching(List.of(new RoutePoint(Location.of("JPTYO"), T.plus(Duration.ofDays(1)), 1)),
                ref.ports());
        assertThat(touches.get(0).probability()).isCloseTo(0.24, within(1e-12));
    }

    @Test
    void insideTheCircleProximityFallsWithDistance() {
        active.observe(typhoon(T.plus(Duration.ofDays(3))));
        // Ningbo area is not in the list; CNQIN (Qingdao) is about 560 km away, outside the 400 km circle.
        assertThat(active.touching(List.of(new RoutePoint(Location.of("CNQIN"), T, 1)), ref.ports())).isEmpty();
    }

    @Test
    void aPortInsideTheCircleTouchesByItsDistanceAndOneAtTheSameLatitudeFarAwayDoesNot() {
        active.observe(typhoon(T.plus(Duration.ofDays(3))));
        // Ningbo (29.8833 N, 121.55 E) is 1.3167 degrees of latitude south of the centre, 146.4 km, and 0.05 degrees
        // of longitude east, 4.8 km at that latitude: 146.5 km. Proximity 1 - 146.5 / 400 = 0.634; 0.8 · 1 · 0.634 = 0.507.
        Touch t = active.touching(List.of(new RoutePoint(Location.of("CNNBO"), T, 1)), ref.ports()).get(0);
        assertThat(t.probability()).isCloseTo(0.507, within(0.001));
        assertThat(t.how()).isEqualTo("within 400 km of its centre (CNNBO)");
        // Port Said lies at the centre's latitude (31.27 N), 8 200 km to the west, in a country the event does not name.
        assertThat(active.touching(List.of(new RoutePoint(Location.of("EGPSD"), T, 1)), ref.ports())).isEmpty();
    }

    @Test
    void oneEventIsCheckedAgainstARouteAsTouchingWouldListIt() {
        active.observe(typhoon(T.plus(Duration.ofDays(3))));
        List<RoutePoint> nearby = List.of(new RoutePoint(Location.of("EGPSD"), T, 1), new RoutePoint(Location.of("CNNBO"), T, 1));
        List<RoutePoint> farAway = List.of(new RoutePoint(Location.of("EGPSD"), T, 1), new RoutePoint(Location.of("CNQIN"), T, 1));
        List<RoutePoint> before = List.of(new RoutePoint(Location.of("CNSGH"), T.minusSeconds(1), 1));
        assertThat(active.touches("H-1", nearby, ref.ports())).isTrue();
        assertThat(active.touches("H-1", farAway, ref.ports())).isFalse();
        assertThat(active.touches("H-1", before, ref.ports())).isFalse();
        assertThat(active.touches("H-2", nearby, ref.ports())).isFalse();
        for (List<RoutePoint> route : List.of(nearby, farAway, before)) {
            assertThat(active.touches("H-1", route, ref.ports())).isEqualTo(!active.touching(route, ref.ports()).isEmpty());
        }
    }

    @Test
    void anEventReachesTheCountriesItNamesAndThoseOfThePortsInsideItsCircle() {
        active.observe(typhoon(T.plus(Duration.ofDays(3))));
        // JP is named, CN holds the named CNSGH; the 400 km circle round Shanghai holds Chinese ports only
        // (Qingdao, 560 km, is outside it; the nearest Korean and Japanese ports are further still).
        String[] reach = active.reach("H-1", ref.ports());
        assertThat(reach).containsExactly("CN", "JP");
        assertThat(ActiveDisruptions.within(Location.of("JPTYO"), reach)).isTrue();
        assertThat(ActiveDisruptions.within(Location.of("KR"), reach)).isFalse();
        assertThat(active.reach("H-2", ref.ports())).isEmpty();
    }

    @Test
    void eventsEndedLongAgoAreForgotten() {
        active.observe(typhoon(T.plus(Duration.ofDays(3))));
        active.prune(T.plus(Duration.ofDays(100)));
        assertThat(active.size()).isZero();
    }
}
