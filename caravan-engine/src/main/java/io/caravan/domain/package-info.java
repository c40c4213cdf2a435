/**
 * The records every part of Caravan speaks in: participants of a cross-border trade chain, the
 * orders, payments, shipments and listings that flow between them, what became of them (outcomes),
 * and the hazard and political events around them.
 *
 * <p>Contracts shared by every type here: values are immutable; countries are ISO 3166-1 alpha-2
 * codes; money is a {@link io.caravan.domain.Money}; time is an {@link java.time.Instant} (dates a
 * person reads, such as a qualification's validity, are {@link java.time.LocalDate}); nothing is
 * {@code null} — an absent identifier is the empty string and an absent list is empty.
 */
package io.caravan.domain;
