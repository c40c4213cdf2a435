package io.caravan.json;

import io.caravan.domain.RecordType;

import java.util.EnumMap;
import java.util.Map;

/** The schema identifier of each record type, e.g. {@code caravan.order.v1}. */
public final class Schemas {

    public static final String ASSESSMENT = "caravan.assessment.v1";
    public static final String LABEL = "caravan.label.v1";

    private static final Map<RecordType, String> IDS = new EnumMap<>(RecordType.class);

    static {
        IDS.put(RecordType.PARTICIPANT, "caravan.participant.v1");
        IDS.put(RecordType.ORDER, "caravan.order.v1");
        IDS.put(RecordType.PAYMENT, "caravan.payment.v1");
        IDS.put(RecordType.SHIPMENT, "caravan.shipment.v1");
        IDS.put(RecordType.TRACKING, "caravan.tracking.v1");
        IDS.put(RecordType.LISTING, "caravan.listing.v1");
        IDS.put(RecordType.OUTCOME, "caravan.outcome.v1");
        IDS.put(RecordType.HAZARD, "caravan.hazard.v1");
        IDS.put(RecordType.POLITICAL, "caravan.political-event.v1");
    }

    private Schemas() {
    }

    public static String of(RecordType type) {
        return IDS.get(type);
    }

    /** The record type a schema identifier names, if any. */
    public static java.util.Optional<RecordType> typeOf(String schema) {
        for (Map.Entry<RecordType, String> e : IDS.entrySet()) {
            if (e.getValue().equals(schema)) {
                return java.util.Optional.of(e.getKey());
            }
        }
        return java.util.Optional.empty();
    }

    /** Every record schema identifier, in record-type order, for messages that list them. */
    public static String recordSchemas() {
        return String.join(", ", IDS.values());
    }

    /** The file a record type is read from and written to, e.g. {@code orders.jsonl}. */
    public static String fileName(RecordType type) {
        return type.fileStem() + ".jsonl";
    }
}
