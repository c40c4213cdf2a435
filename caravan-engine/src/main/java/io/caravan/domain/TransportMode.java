package io.caravan.domain;

public enum TransportMode {
    SEA, AIR, ROAD, RAIL, COURIER
}
