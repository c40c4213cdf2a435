package io.caravan.domain;

import java.time.Instant;

/** A scan on a shipment's leg. {@code leg} is the leg's sequence number. */
public record TrackingEvent(String id, Instant at, String shipmentId, int leg, TrackingStatus status, Location location)
        implements Event {

    @Override
    public RecordType type() {
        return RecordType.TRACKING;
    }
}
