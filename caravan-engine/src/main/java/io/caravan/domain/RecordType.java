package io.caravan.domain;

/**
 * The kinds of input record. The order of the constants is the order in which records that share a
 * timestamp are observed: a participant exists before it trades, a listing before it is ordered, a
 * shipment is booked before the order that uses it is assessed, and an outcome follows what it is about.
 */
public enum RecordType {
    PARTICIPANT("participants"),
    HAZARD("hazards"),
    POLITICAL("political-events"),
    LISTING("listings"),
    SHIPMENT("shipments"),
    ORDER("orders"),
    PAYMENT("payments"),
    TRACKING("tracking"),
    OUTCOME("outcomes");

    private final String fileStem;

    RecordType(String fileStem) {
        this.fileStem = fileStem;
    }

    /** The stem of the JSON Lines file that holds records of this type, e.g. {@code orders}. */
    public String fileStem() {
        return fileStem;
    }
}
