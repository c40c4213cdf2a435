package io.caravan.domain;

import java.time.Instant;

/** A political event affecting an area from {@code at} to {@code until}. */
public record PoliticalEvent(String id, Instant at, PoliticalEventKind kind, String name, double severity, Instant until,
                             Area area, int delayDays) implements Disruption {

    public PoliticalEvent {
        HazardEvent.checkSeverity(severity);
    }

    @Override
    public RecordType type() {
        return RecordType.POLITICAL;
    }
}
