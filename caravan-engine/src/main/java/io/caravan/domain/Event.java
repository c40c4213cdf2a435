package io.caravan.domain;

import java.time.Instant;

/** Something that happened in the chain, at a moment, with an identifier unique within its type. */
public sealed interface Event extends java.io.Serializable
        permits Participant, Order, Payment, Shipment, TrackingEvent, Listing, Outcome, Disruption {

    String id();

    /** When it happened (for a participant: when its record was registered or last changed). */
    Instant at();

    RecordType type();
}
