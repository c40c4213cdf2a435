package io.caravan.exposure;

import io.caravan.domain.Leg;
import io.caravan.domain.Location;
import io.caravan.domain.Shipment;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** A place a route passes and when: the departure and arrival points of each leg. {@code leg} is 1-based. */
public record RoutePoint(Location location, Instant when, int leg) {

    /** The points of a shipment's route, in order. */
    public static List<RoutePoint> of(Shipment shipment) {
        List<RoutePoint> points = new ArrayList<>(shipment.legs().size() * 2);
        for (Leg leg : shipment.legs()) {
            points.add(new RoutePoint(leg.from(), leg.plannedDeparture(), leg.sequence()));
            points.add(new RoutePoint(leg.to(), leg.plannedArrival(), leg.sequence()));
        }
        return points;
    }
}
