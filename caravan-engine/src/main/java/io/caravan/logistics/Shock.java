package io.caravan.logistics;

/**
 * A shared shock to a route: with {@code probability} the whole route is delayed by about {@code delayDays}.
 * It is applied once however many legs it touches. {@code description} says what and where, for reasons.
 */
public record Shock(String eventId, String description, double probability, int delayDays) {
}
