package io.caravan.domain;

import java.time.Instant;

/** A natural hazard affecting an area from {@code at} to {@code until}. */
public record HazardEvent(String id, Instant at, HazardKind kind, String name, double severity, Instant until, Area area,
                          int delayDays) implements Disruption {

    public HazardEvent {
        checkSeverity(severity);
    }

    static void checkSeverity(double severity) {
        if (!(severity > 0 && severity <= 1)) {
            throw new IllegalArgumentException("severity must be a probability in (0, 1], got " + severity);
        }
    }

    @Override
    public RecordType type() {
        return RecordType.HAZARD;
    }
}
