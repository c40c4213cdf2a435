package io.caravan.domain;

import java.time.Instant;

/** One leg of a route, carried by one carrier from one place to the next. Legs are numbered from 1. */
public record Leg(
        int sequence,
        TransportMode mode,
        String carrierId,
        Location from,
        Location to,
        Instant plannedDeparture,
        Instant plannedArrival) implements java.io.Serializable {
}
