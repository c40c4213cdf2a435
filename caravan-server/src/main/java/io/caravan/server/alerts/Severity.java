package io.caravan.server.alerts;

/** How urgent an alert is, from least to most. */
public enum Severity {
    LOW, MEDIUM, HIGH, CRITICAL
}
