package io.caravan.domain;

import java.time.Instant;

/** A payment between two parties, processed by a payment provider; {@code orderId} is empty if unrelated. */
public record Payment(
        String id,
        Instant at,
        String orderId,
        PaymentParty payer,
        PaymentParty payee,
        Money amount,
        PaymentMethod method,
        String providerId,
        PaymentStatus status) implements Event {

    @Override
    public RecordType type() {
        return RecordType.PAYMENT;
    }
}
