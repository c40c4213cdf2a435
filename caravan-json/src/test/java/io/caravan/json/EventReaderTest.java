package io.caravan.json;

import io.caravan.domain.Order;
import io.caravan.domain.RecordType;
import io.caravan.reference.ReferenceData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class EventReaderTest {

    private static final ReferenceData REF = ReferenceData.bundled();
    private final EventReader reader = new EventReader(REF);

    static final String GOOD_ORDER = "{\"schema\":\"caravan.order.v1\",\"id\":\"O-1\",\"at\":\"2025-03-01T10:00:00Z\","
            + "\"merchant_id\":\"M-1\",\"buyer_country\":\"US\",\"ship_from\":\"CN\",\"ship_to\":\"US\","
            + "\"items\":[{\"sku\":\"S-1\",\"hs_code\":\"950300\",\"quantity\":2,\"unit_value\":{\"amount\":\"12.50\",\"currency\":\"USD\"}}],"
            + "\"promised_by\":\"2025-03-20T00:00:00Z\"}";

    private EventReader.Result read(Path dir, String... lines) throws IOException {
        Path f = dir.resolve("orders.jsonl");
        Files.write(f, List.of(lines));
        return reader.read(f, RecordType.ORDER, b -> { });
    }

    @Test
    void aGoodLineBecomesARecord(@TempDir Path dir) throws IOException {
        EventReader.Result r = read(dir, GOOD_ORDER, "", GOOD_ORDER.replace("\"O-1\"", "\"O-2\""));
        assertThat(r.errors()).isEmpty();
        assertThat(r.events()).hasSize(2);
        Order o = (Order) r.events().get(0);
        assertThat(o.items().get(0).value().amount()).isEqualByComparingTo("25.00");
        assertThat(o.shipmentId()).isEmpty();
        assertThat(r.lineNumbers()).containsExactly(1, 3);
    }

    @Test
    void everyBadLineIsReportedWithFileLineAndField(@TempDir Path dir) throws IOException {
        EventReader.Result r = read(dir,
                GOOD_ORDER,
                "{not json",
                GOOD_ORDER.replace("\"ship_to\":\"US\"", "\"ship_to\":\"XX\"").replace("O-1", "O-3"),
                GOOD_ORDER.replace("\"hs_code\":\"950300\"", "\"hs_code\":\"95-03\"").replace("O-1", "O-4"),
                GOOD_ORDER.replace("\"currency\":\"USD\"", "\"currency\":\"ZZZ\"").replace("O-1", "O-5"),
                GOOD_ORDER.replace(",\"merchant_id\":\"M-1\"", "").replace("O-1", "O-6"),
                GOOD_ORDER,
                GOOD_ORDER.replace("caravan.order.v1", "caravan.payment.v1").replace("O-1", "O-8"),
                "[1,2]",
                GOOD_ORDER.replace("\"quantity\":2", "\"quantity\":0").replace("O-1", "O-10"),
                GOOD_ORDER.replace("2025-03-01T10:00:00Z", "yesterday").replace("O-1", "O-11"),
                "{\"schema\":\"caravan.order.v1\",\"id\":\"O-12\"");
        assertThat(r.events()).hasSize(1);
        assertThat(r.errors()).extracting(RecordError::toString).containsExactly(
                "orders.jsonl line 2: not valid JSON at column 2: Unexpected character ('n' (code 110)): was expecting double-quote to start property name",
                "orders.jsonl line 3, field ship_to: 'XX' is not an ISO 3166-1 country code (see countries.csv)",
                "orders.jsonl line 4, field items[0].hs_code: '95-03' is not an HS code of 4 to 10 digits such as \"950300\"",
                "orders.jsonl line 5, field items[0].unit_value.currency: 'ZZZ' is not a currency Caravan has a rate for; known: "
                        + String.join(", ", new java.util.TreeSet<>(REF.fx().currencies())),
                "orders.jsonl line 6, field merchant_id: is required but missing",
                "orders.jsonl line 7, field id: 'O-1' was already used on line 1; ids must be unique within a file",
                "orders.jsonl line 8, field schema: is \"caravan.payment.v1\" where caravan.order.v1 records are expected; put the line"
                        + " with its own type's records (their file, or /api/v1/records), or fix its schema",
                "orders.jsonl line 9: each line must be one JSON object {…}",
                "orders.jsonl line 10, field items[0].quantity: must be at least 1, got 0",
                "orders.jsonl line 11, field at: 'yesterday' is not an ISO-8601 UTC time such as 2025-03-01T09:30:00Z",
                "orders.jsonl line 12: not valid JSON at column 41: the line ends before its JSON is complete (a cut-off line,"
                        + " or a record split over several lines?); put each record whole on one line");
    }

    @Test
    void aLineOfAsciiReadFromItsBytesGivesWhatItGivesReadAsText() {
        List<String> lines = List.of(GOOD_ORDER, "{not json", "[1,2]", "{\"schema\":\"caravan.order.v1\",\"id\":\"O-12\"",
                "{\"a\":1} x", "{\"a\":tru}", "  {\"a\":\"\\u00e9\", \"b\":1}",
                GOOD_ORDER.replace("\"ship_to\":\"US\"", "\"ship_to\":\"XX\""),
                GOOD_ORDER.replace("\"quantity\":2", "\"quantity\":2.5"),
                GOOD_ORDER.replace("}", ",\"colour\":\"red\"}"));
        for (String line : lines) {
            List<RecordError> fromText = new java.util.ArrayList<>();
            List<RecordError> fromBytes = new java.util.ArrayList<>();
            byte[] bytes = (line + "\n and what follows in the buffer").getBytes(java.nio.charset.StandardCharsets.US_ASCII);
            var a = reader.decodeLine("body", 3, line, null, fromText);
            var b = reader.decodeAsciiLine("body", 3, bytes, line.length(), null, fromBytes);
            assertThat(b).as(line).isEqualTo(a);
            assertThat(fromBytes).as(line).isEqualTo(fromText);
        }
    }

    @Test
    void aValueOutsideItsListNamesTheValuesAllowed(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("shipments.jsonl");
        Files.write(f, List.of("{\"schema\":\"caravan.shipment.v1\",\"id\":\"S-1\",\"at\":\"2025-03-01T01:09:50Z\","
                + "\"order_id\":\"O-1\",\"forwarder_id\":\"FF-10\",\"legs\":[{\"sequence\":1,\"mode\":\"BOAT\","
                + "\"carrier_id\":\"C-17\",\"from\":\"TRMER\",\"to\":\"GBFXT\",\"planned_departure\":\"2025-03-02T07:09:50Z\","
                + "\"planned_arrival\":\"2025-03-12T07:09:50Z\"}]}"));
        EventReader.Result r = reader.read(f, RecordType.SHIPMENT, b -> { });
        assertThat(r.errors()).extracting(RecordError::toString).containsExactly(
                "shipments.jsonl line 1, field legs[0].mode: 'BOAT' is not one of SEA, AIR, ROAD, RAIL, COURIER");
    }

    @Test
    void aFieldNothingReadsIsRefusedNotDropped(@TempDir Path dir) throws IOException {
        EventReader.Result r = read(dir,
                GOOD_ORDER.replace("\"ship_to\":\"US\"", "\"ship_to\":\"US\",\"colour\":\"red\""),
                GOOD_ORDER.replace("\"quantity\":2", "\"quantity\":2,\"qty\":3").replace("O-1", "O-2"),
                GOOD_ORDER.replace("\"currency\":\"USD\"", "\"currency\":\"USD\",\"cents\":1250").replace("O-1", "O-3"),
                // optional fields that are absent or null are not unknown ones
                GOOD_ORDER.replace("\"merchant_id\":\"M-1\"", "\"merchant_id\":\"M-1\",\"shipment_id\":null").replace("O-1", "O-4"));
        assertThat(r.events()).hasSize(1);
        assertThat(r.errors()).extracting(RecordError::toString).containsExactly(
                "orders.jsonl line 1, field colour: is not a field Caravan reads here; the fields here are at, buyer_country,"
                        + " buyer_id, id, items, marketplace_id, merchant_id, promised_by, schema, ship_from, ship_to, shipment_id"
                        + " (docs/data-formats.md)",
                "orders.jsonl line 2, field items[0].qty: is not a field Caravan reads here; the fields here are category, hs_code,"
                        + " listing_id, quantity, sku, unit_value (docs/data-formats.md)",
                "orders.jsonl line 3, field items[0].unit_value.cents: is not a field Caravan reads here; the fields here are"
                        + " amount, currency (docs/data-formats.md)");
    }

    @Test
    void aByteOrderMarkAndWindowsLineEndingsAreAccepted(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("orders.jsonl");
        Files.writeString(f, "\uFEFF" + GOOD_ORDER + "\r\n" + GOOD_ORDER.replace("\"O-1\"", "\"O-2\"") + "\r\n");
        EventReader.Result r = reader.read(f, RecordType.ORDER, b -> { });
        assertThat(r.errors()).isEmpty();
        assertThat(r.events()).extracting(e -> e.id()).containsExactly("O-1", "O-2");
    }

    @Test
    void aFileThatIsNotUtf8IsReported(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("orders.jsonl");
        Files.write(f, new byte[] {'{', (byte) 0xFF, (byte) 0xFE, '}', '\n'});
        EventReader.Result r = reader.read(f, RecordType.ORDER, b -> { });
        assertThat(r.errors()).singleElement().asString().contains("not UTF-8");
    }
}
