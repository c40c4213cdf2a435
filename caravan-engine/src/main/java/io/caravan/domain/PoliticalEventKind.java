package io.caravan.domain;

public enum PoliticalEventKind {
    STRIKE, UNREST, ARMED_CONFLICT, BORDER_CLOSURE, EMBARGO, TARIFF_CHANGE, ELECTION
}
