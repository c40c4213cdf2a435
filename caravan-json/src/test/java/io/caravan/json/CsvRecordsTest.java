package io.caravan.json;

import io.caravan.domain.Order;
import io.caravan.domain.RecordType;
import io.caravan.reference.ReferenceData;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CsvRecordsTest {

    private static final ReferenceData REF = ReferenceData.bundled();

    private static List<CsvRecords.Row> rows(String csv) throws IOException {
        CsvRecords r = new CsvRecords(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), "orders.csv");
        List<CsvRecords.Row> out = new ArrayList<>();
        for (CsvRecords.Row row = r.next(); row != null; row = r.next()) {
            out.add(row);
        }
        return out;
    }

    private static final String HEADER = "id,at,merchant_id,buyer_country,ship_from,ship_to,items[0].sku,items[0].hs_code,"
            + "items[0].quantity,items[0].unit_value.amount,items[0].unit_value.currency,items[1].sku,items[1].hs_code,"
            + "items[1].quantity,items[1].unit_value.amount,items[1].unit_value.currency,promised_by\n";

    @Test
    void aRowBecomesTheRecordItsHeaderNames() throws IOException {
        String csv = "\uFEFF# orders exported 2025-03-02\r\n" + HEADER.replace("\n", "\r\n")
                + "O-1,2025-03-01T09:00:00Z,M-1,GB,CN,GB,SKU-1,030617,2,12.50,USD,,,,,,2025-03-20T00:00:00Z\r\n"
                + "\r\n"
                + "O-2,2025-03-01T10:00:00Z,M-1,GB,CN,GB,\"SKU-2, blue\",950300,1,5,EUR,SKU-3,950691,3,7.25,USD,2025-03-21T00:00:00Z\r\n";
        List<CsvRecords.Row> rows = rows(csv);
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0).line()).isEqualTo(3);
        assertThat(rows.get(1).line()).isEqualTo(5);
        assertThat(rows.get(0).node().toString()).isEqualTo("{\"id\":\"O-1\",\"at\":\"2025-03-01T09:00:00Z\",\"merchant_id\":\"M-1\","
                + "\"buyer_country\":\"GB\",\"ship_from\":\"CN\",\"ship_to\":\"GB\",\"items\":[{\"sku\":\"SKU-1\",\"hs_code\":\"030617\","
                + "\"quantity\":2,\"unit_value\":{\"amount\":\"12.50\",\"currency\":\"USD\"}}],\"promised_by\":\"2025-03-20T00:00:00Z\"}");
        List<RecordError> errors = new ArrayList<>();
        Order o = (Order) new EventReader(REF).decode("orders.csv", 5, rows.get(1).node(), RecordType.ORDER, errors);
        assertThat(errors).isEmpty();
        assertThat(o.items()).hasSize(2);
        assertThat(o.items().get(0).sku()).isEqualTo("SKU-2, blue");
        assertThat(o.items().get(1).quantity()).isEqualTo(3);
    }

    @Test
    void aQuotedCellMaySpanLinesAndTheRowIsNumberedWhereItStarts() throws IOException {
        String csv = "id,at,seller_id,title,description,category,price.amount,price.currency\n"
                + "L-1,2025-02-05T07:02:00Z,M-1,\"Dumbbell \"\"L210\"\"\",\"Adjustable.\nTwo lines.\",sports,35.17,USD\n"
                + "L-2,2025-02-05T07:03:00Z,M-1,Rope,Plain,sports,3,USD\n";
        List<CsvRecords.Row> rows = rows(csv);
        assertThat(rows).extracting(CsvRecords.Row::line).containsExactly(2L, 4L);
        assertThat(rows.get(0).node().get("title").stringValue()).isEqualTo("Dumbbell \"L210\"");
        assertThat(rows.get(0).node().get("description").stringValue()).isEqualTo("Adjustable.\nTwo lines.");
    }

    @Test
    void aWrongRowIsReportedWithItsLineAndTheOthersGoOn() throws IOException {
        String csv = HEADER
                + "O-1,2025-03-01T09:00:00Z,M-1,GB,CN,GB,SKU-1,950300,two,1,USD,,,,,,2025-03-20T00:00:00Z\n"
                + "O-2,2025-03-01T09:00:00Z,M-1,GB,CN,GB,,,,,,SKU-3,950691,3,7.25,USD,2025-03-21T00:00:00Z\n"
                + "O-3,2025-03-01T09:00:00Z,M-1,GB,CN,GB,SKU-1,950300,1,1,USD,,,,,,2025-03-20T00:00:00Z,extra\n"
                + "O-4,2025-03-01T09:00:00Z,M-1,GB,CN,GB,SKU-1\"x\",950300,1,1,USD,,,,,,2025-03-20T00:00:00Z\n"
                + "O-5,2025-03-01T09:00:00Z,M-1,GB,CN,GB,SKU-1,950300,1,1,USD,,,,,,2025-03-20T00:00:00Z\n";
        List<CsvRecords.Row> rows = rows(csv);
        assertThat(rows).hasSize(5);
        // a number field that is not a number stays text, so the record's own check names it
        List<RecordError> errors = new ArrayList<>();
        assertThat(new EventReader(REF).decode("orders.csv", 2, rows.get(0).node(), RecordType.ORDER, errors)).isNull();
        assertThat(errors.get(0).field()).isEqualTo("items[0].quantity");
        assertThat(rows.get(1).error().field()).isEqualTo("items[0]");
        assertThat(rows.get(1).error().message()).contains("fill the list from [0] without gaps");
        assertThat(rows.get(2).error().line()).isEqualTo(4);
        assertThat(rows.get(2).error().message()).isEqualTo("the row has 18 cells but the header names 17 columns; quote cells"
                + " that contain commas");
        assertThat(rows.get(3).error().message()).contains("cell 7 has a quote inside an unquoted cell");
        assertThat(rows.get(4).error()).isNull();
    }

    @Test
    void aWrongHeaderStopsTheFileAtItsFirstLine() throws IOException {
        List<CsvRecords.Row> rows = rows("id,Merchant ID,at\nO-1,M-1,2025-03-01T09:00:00Z\n");
        assertThat(rows).hasSize(1);
        assertThat(rows.get(0).error().line()).isEqualTo(1);
        assertThat(rows.get(0).error().message()).startsWith("column 2 of the header, 'Merchant ID', is not a field path");
        assertThat(rows("id,payer,payer.name\n").get(0).error().message()).contains("both 'payer' and 'payer.name'");
        assertThat(rows("").get(0).error().message()).startsWith("the file is empty");
        assertThat(rows("id,at\n\"O-1,2025\n").get(0).error().message()).contains("never closed");
    }

    @Test
    void aStreamThatBreaksOffNeverYieldsItsUnfinishedLastRow() throws IOException {
        byte[] whole = (HEADER + "O-1,2025-03-01T09:00:00Z,M-1,GB,CN,GB,SKU-1,950300,1,1,USD,,,,,,2025-03-20T00:00:00Z\n"
                + "O-2,2025-03-01T09:00:00Z,M-1,GB,CN,GB,SKU-1,950300,1,1").getBytes(StandardCharsets.UTF_8);
        InputStream broken = new InputStream() {
            int i;

            @Override
            public int read() throws IOException {
                if (i == whole.length) {
                    throw new IOException("connection reset");
                }
                return whole[i++] & 0xff;
            }
        };
        CsvRecords r = new CsvRecords(broken, "orders.csv");
        assertThat(r.next().node().get("id").stringValue()).isEqualTo("O-1");
        assertThatThrownBy(r::next).hasMessage("connection reset");
    }
}
