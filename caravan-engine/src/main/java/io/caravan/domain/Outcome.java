package io.caravan.domain;

import java.time.Instant;

/** An outcome of an order, attributed to the participant responsible for it. */
public record Outcome(String id, Instant at, OutcomeKind kind, String participantId, String orderId, Money amount)
        implements Event {

    @Override
    public RecordType type() {
        return RecordType.OUTCOME;
    }
}
