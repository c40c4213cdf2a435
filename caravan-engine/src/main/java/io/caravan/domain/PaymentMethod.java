package io.caravan.domain;

public enum PaymentMethod {
    CARD, BANK_TRANSFER, WALLET, BUY_NOW_PAY_LATER, CASH_ON_DELIVERY
}
