package io.caravan.domain;

import java.time.Instant;

/**
 * An event that may disrupt trade in an area for a while: a hazard (typhoon, earthquake…) or a political
 * event (strike, unrest, embargo…). {@code severity} in (0, 1] is the probability that a shipment passing
 * through the heart of the area while the event is at full strength is disrupted. {@code until} is
 * {@link Instant#MAX} while the end is unknown; after it the effect decays with the configured half-life.
 */
public sealed interface Disruption extends Event permits HazardEvent, PoliticalEvent {

    String name();

    double severity();

    Instant until();

    Area area();

    /** The typical delay, in days, of a shipment this event disrupts. */
    int delayDays();
}
