package io.caravan.domain;

import java.time.Instant;
import java.util.List;

/** A consignment and its planned route, as ordered legs. */
public record Shipment(String id, Instant at, String orderId, String forwarderId, List<Leg> legs) implements Event {

    public Shipment {
        legs = List.copyOf(legs);
        for (int i = 0; i < legs.size(); i++) {
            if (legs.get(i).sequence() != i + 1) {
                throw new IllegalArgumentException("legs must be numbered 1, 2, 3 … in route order; leg at position "
                        + (i + 1) + " says " + legs.get(i).sequence());
            }
        }
    }

    public Instant plannedArrival() {
        return legs.get(legs.size() - 1).plannedArrival();
    }

    @Override
    public RecordType type() {
        return RecordType.SHIPMENT;
    }
}
