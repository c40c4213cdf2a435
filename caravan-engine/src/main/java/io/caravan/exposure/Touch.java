package io.caravan.exposure;

import io.caravan.domain.Disruption;

import java.util.List;

/**
 * An active event that touches a route: {@code probability} = severity × strength at the time × proximity,
 * taken at the route point where it is largest ({@code where}). {@code legs} lists every leg it touches:
 * however many, the event is one shock to the route.
 */
public record Touch(Disruption event, double probability, RoutePoint where, String how, List<Integer> legs) {

    public Touch {
        legs = List.copyOf(legs);
    }
}
