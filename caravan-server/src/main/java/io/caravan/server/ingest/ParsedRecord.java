package io.caravan.server.ingest;

import io.caravan.domain.CountryCode;
import io.caravan.domain.Event;
import io.caravan.domain.Listing;
import io.caravan.domain.Order;
import io.caravan.domain.Participant;
import io.caravan.domain.Payment;
import io.caravan.domain.Shipment;
import io.caravan.domain.TrackingEvent;

import java.util.List;

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

    /**
     * The record table's columns that hold fields the lists filter on (schema 9), each named as the top-level
     * JSON field it copies; {@link #filterValues} gives a record's values in this order.
     */
    public static final List<String> FILTER_COLUMNS = List.of("merchant_id", "marketplace_id", "ship_from", "ship_to",
            "order_id", "forwarder_id", "seller_id", "shipment_id", "kind", "country", "legal_name");

    /**
     * This record's values of {@link #FILTER_COLUMNS}: null where its type has no such field, or where the field is
     * empty — the JSON leaves an empty optional field out, so the column says it is absent too.
     */
    public String[] filterValues() {
        String[] v = new String[FILTER_COLUMNS.size()];
        if (event instanceof Order o) {
            v[0] = present(o.merchantId());
            v[1] = present(o.marketplaceId());
            v[2] = code(o.shipFrom());
            v[3] = code(o.shipTo());
        } else if (event instanceof Payment p) {
            v[4] = present(p.orderId());
        } else if (event instanceof Shipment s) {
            v[4] = present(s.orderId());
            v[5] = present(s.forwarderId());
        } else if (event instanceof Listing l) {
            v[6] = present(l.sellerId());
        } else if (event instanceof TrackingEvent t) {
            v[7] = present(t.shipmentId());
        } else if (event instanceof Participant p) {
            v[8] = p.kind() == null ? null : p.kind().name();
            v[9] = code(p.country());
            v[10] = present(p.legalName());
        }
        return v;
    }

    private static String present(String s) {
        return s == null || s.isEmpty() ? null : s;
    }

    private static String code(CountryCode c) {
        return c == null ? null : c.value();
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
