package io.caravan.server.ingest;

import io.caravan.domain.Event;
import io.caravan.domain.Participant;

/**
 * One accepted input line: the record, its canonical JSON (UTF-8) and that JSON's SHA-256. Its identity is its
 * type and id — for a participant, the id and the time of the change, since a participant's record is
 * re-sent when it changes (a renewed licence, a new owner).
 */
public record ParsedRecord(long line, Event event, byte[] json, byte[] digest) {

    public String type() {
        return typeName(event);
    }

    public String key() {
        return event instanceof Participant ? event.id() + "@" + event.at() : event.id();
    }

    /** The record type of a stored type name. */
    public static io.caravan.domain.RecordType recordType(String name) {
        return switch (name) {
            case "participant" -> io.caravan.domain.RecordType.PARTICIPANT;
            case "hazard" -> io.caravan.domain.RecordType.HAZARD;
            case "political-event" -> io.caravan.domain.RecordType.POLITICAL;
            case "listing" -> io.caravan.domain.RecordType.LISTING;
            case "shipment" -> io.caravan.domain.RecordType.SHIPMENT;
            case "order" -> io.caravan.domain.RecordType.ORDER;
            case "payment" -> io.caravan.domain.RecordType.PAYMENT;
            case "tracking" -> io.caravan.domain.RecordType.TRACKING;
            case "outcome" -> io.caravan.domain.RecordType.OUTCOME;
            default -> throw new IllegalArgumentException("unknown record type '" + name + "'");
        };
    }

    /** The lower-case type name used in storage and in the API, e.g. {@code order}, {@code political-event}. */
    public static String typeName(Event e) {
        return typeName(e.type());
    }

    public static String typeName(io.caravan.domain.RecordType t) {
        return switch (t) {
            case PARTICIPANT -> "participant";
            case HAZARD -> "hazard";
            case POLITICAL -> "political-event";
            case LISTING -> "listing";
            case SHIPMENT -> "shipment";
            case ORDER -> "order";
            case PAYMENT -> "payment";
            case TRACKING -> "tracking";
            case OUTCOME -> "outcome";
        };
    }
}
