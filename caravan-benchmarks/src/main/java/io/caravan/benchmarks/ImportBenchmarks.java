package io.caravan.benchmarks;

import io.caravan.domain.Event;
import io.caravan.domain.Order;
import io.caravan.domain.RecordType;
import io.caravan.json.ByteLines;
import io.caravan.json.CsvRecords;
import io.caravan.json.EventReader;
import io.caravan.json.EventWriter;
import io.caravan.json.RecordError;
import io.caravan.reference.ReferenceData;
import io.caravan.world.WorldGenerator;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Reading an import: 10 000 orders of the demo world as JSON Lines and as CSV (a header of field paths, the
 * first item of each order), each line or row decoded and checked into an order as the import page does. One
 * operation is one order.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(value = 1, jvmArgs = {"-Xms1g", "-Xmx1g"})
public class ImportBenchmarks {

    static final int ORDERS = 10_000;

    @State(Scope.Benchmark)
    public static class Files {
        EventReader reader;
        byte[] jsonLines;
        byte[] csv;
        List<Order> orders;

        @Setup(Level.Trial)
        public void setUp() {
            ReferenceData reference = ReferenceData.bundled();
            reader = new EventReader(reference);
            List<Order> orders = new WorldGenerator(reference).generate(7, ORDERS).orderList();
            StringBuilder json = new StringBuilder();
            StringBuilder rows = new StringBuilder("id,at,merchant_id,marketplace_id,buyer_country,ship_from,ship_to,items[0].sku,"
                    + "items[0].listing_id,items[0].hs_code,items[0].category,items[0].quantity,items[0].unit_value.amount,"
                    + "items[0].unit_value.currency,promised_by,shipment_id\n");
            for (Order o : orders) {
                Order one = new Order(o.id(), o.at(), o.merchantId(), o.marketplaceId(), o.buyerId(), o.buyerCountry(), o.shipFrom(),
                        o.shipTo(), List.of(o.items().get(0)), o.promisedBy(), o.shipmentId());
                json.append(EventWriter.toJson(one)).append('\n');
                var i = one.items().get(0);
                rows.append(String.join(",", o.id(), o.at().toString(), o.merchantId(), o.marketplaceId(), o.buyerCountry().value(),
                        o.shipFrom().value(), o.shipTo().value(), i.sku(), i.listingId(), i.hsCode(), i.category(),
                        Integer.toString(i.quantity()), i.unitValue().amount().toPlainString(), i.unitValue().currency(),
                        o.promisedBy().toString(), o.shipmentId())).append('\n');
            }
            this.orders = orders;
            jsonLines = json.toString().getBytes(StandardCharsets.UTF_8);
            csv = rows.toString().getBytes(StandardCharsets.UTF_8);
        }
    }

    @Benchmark
    @OperationsPerInvocation(ORDERS)
    public void jsonLines(Files f, Blackhole bh) throws IOException {
        ByteLines lines = new ByteLines(new ByteArrayInputStream(f.jsonLines));
        List<RecordError> errors = new ArrayList<>();
        while (lines.next()) {
            Event e = f.reader.decodeLine("orders.jsonl", lines.number(),
                    new String(lines.line(), 0, lines.length(), StandardCharsets.UTF_8), RecordType.ORDER, errors);
            bh.consume(e);
        }
        check(errors);
    }

    /**
     * The canonical JSON of a decoded order (whose SHA-256 tells a replayed record from a changed one): written once
     * for every record a server accepts.
     */
    @Benchmark
    @OperationsPerInvocation(ORDERS)
    public void canonicalJson(Files f, Blackhole bh) {
        for (Order o : f.orders) {
            bh.consume(EventWriter.toJsonBytes(o));
        }
    }

    @Benchmark
    @OperationsPerInvocation(ORDERS)
    public void csvRows(Files f, Blackhole bh) throws IOException {
        CsvRecords rows = new CsvRecords(new ByteArrayInputStream(f.csv), "orders.csv");
        List<RecordError> errors = new ArrayList<>();
        for (CsvRecords.Row r = rows.next(); r != null; r = rows.next()) {
            if (r.error() != null) {
                errors.add(r.error());
                continue;
            }
            bh.consume(f.reader.decode("orders.csv", r.line(), r.node(), RecordType.ORDER, errors));
        }
        check(errors);
    }

    /** A benchmark of refusals would measure the wrong thing: every line must decode. */
    private static void check(List<RecordError> errors) {
        if (!errors.isEmpty()) {
            throw new IllegalStateException(errors.size() + " lines refused, first: " + errors.get(0));
        }
    }
}
