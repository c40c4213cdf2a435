package io.caravan.domain;

public enum PaymentStatus {
    AUTHORISED, CAPTURED, SETTLED, REFUNDED, FAILED
}
