package io.caravan.domain;

/** What a tracking scan says about a leg. */
public enum TrackingStatus {
    DEPARTED, ARRIVED, DELIVERED, EXCEPTION
}
