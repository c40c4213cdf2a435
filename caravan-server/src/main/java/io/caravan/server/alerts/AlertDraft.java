package io.caravan.server.alerts;

import java.time.Instant;

/**
 * An alert about to be raised. Alerts with the same {@code dedupKey} are one alert while it is open: a
 * repeat raises its occurrence count and its severity (never lowers it) instead of adding a row.
 */
public record AlertDraft(String kind, Severity severity, String subjectType, String subjectId, String title,
                         String detail, String assessmentId, Instant at) {

    public String dedupKey() {
        return kind + ":" + subjectType + ":" + subjectId;
    }
}
