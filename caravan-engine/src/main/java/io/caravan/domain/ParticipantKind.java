package io.caravan.domain;

/** The roles a participant plays in a cross-border chain. */
public enum ParticipantKind {
    MERCHANT, SUPPLIER, CARRIER, FREIGHT_FORWARDER, CUSTOMS_BROKER, OVERSEAS_WAREHOUSE, PAYMENT_PROVIDER, MARKETPLACE
}
