package io.caravan.risk;

/** What an assessment is about. */
public enum SubjectType {
    ORDER("order"), PAYMENT("payment"), SHIPMENT("shipment"), PARTICIPANT("participant"), LISTING("listing");

    private final String prefix;

    SubjectType(String prefix) {
        this.prefix = prefix;
    }

    /** The prefix of assessment identifiers, e.g. {@code order} in {@code order:O-000017}. */
    public String prefix() {
        return prefix;
    }

    public String assessmentId(String subjectId) {
        return prefix + ":" + subjectId;
    }
}
