package io.caravan.benchmarks;

import io.caravan.domain.Disruption;
import io.caravan.domain.Event;
import io.caravan.domain.Order;
import io.caravan.engine.Engine;
import io.caravan.json.AssessmentCodec;
import io.caravan.json.BinaryAssessment;
import io.caravan.reference.ReferenceData;
import io.caravan.risk.Assessment;
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

import io.caravan.risk.Estimate;
import io.caravan.risk.Reason;
import io.caravan.risk.RiskCategory;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The engine's hot paths on one thread, on a demo world of 50 000 orders (about 416 000 events):
 * <ul>
 *   <li>{@code ingest}: observing the first 400 000 events of the world, in time order, into a fresh engine;</li>
 *   <li>{@code assessOrder}: assessing orders against warmed state — every event of the first 100 days
 *       observed — choosing orders of days 85 to 100 whose shipments are still in flight, so that every
 *       assessment composes a full route (credit of 4–5 parties, route convolution, listings, destination
 *       rules, political and natural exposure, decision).</li>
 *   <li>{@code eventReachesInFlight}: one of the hazard and political events of the first 100 days (the world has
 *       a handful), checked against every shipment in flight on day 100, and each shipment it touches assessed
 *       anew — what the server does when such an event arrives;</li>
 *   <li>{@code assessmentJson}: writing such an order's assessment as its {@code caravan.assessment.v1} line
 *       of UTF-8 JSON (about 4.6 kB with every reason sentence), the sentences already drafted — what the
 *       server's encoder thread did for each order before compressing it, and still does for a single record's
 *       answer.</li>
 *   <li>{@code storedForm}: writing it in the binary form the server stores (then compresses) instead, the same
 *       content without property names; counted with the copy of its bytes into an array of their own.</li>
 *   <li>{@code assessAndDraft} and {@code assessAndWrite}: {@code assessOrder} and then drafting every reason
 *       sentence, and then also writing the JSON: with {@code assessOrder} they split an order's cost on the
 *       server between its engine thread (assessing) and its encoder thread (drafting and writing).</li>
 * </ul>
 * Run: {@code java -jar caravan-benchmarks/target/benchmarks.jar} (add {@code -prof gc} for allocation). To compare
 * two builds on a machine whose speed drifts, see {@link PairedRun}.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
@Fork(value = 1, jvmArgs = {"-Xms4g", "-Xmx4g"})
public class EngineBenchmarks {

    @State(Scope.Benchmark)
    public static class World {
        ReferenceData reference;
        List<Event> timeline;
        List<Order> orders;
        Engine warmed;
        List<Assessment> assessed;
        List<Disruption> disruptions;
        String versionsId;

        @Setup(Level.Trial)
        public void setUp() {
            reference = ReferenceData.bundled();
            WorldGenerator.World w = new WorldGenerator(reference).generate(7, 50_000);
            timeline = new ArrayList<>();
            w.byType().values().forEach(timeline::addAll);
            timeline.sort(Comparator.comparing(Event::at).thenComparing(e -> e.type().ordinal()));
            Instant cut = WorldGenerator.START.plus(Duration.ofDays(100));
            Instant from = WorldGenerator.START.plus(Duration.ofDays(85));
            warmed = new Engine(reference);
            for (Event e : timeline) {
                if (e.at().isAfter(cut)) {
                    break;
                }
                warmed.observe(e);
            }
            orders = new ArrayList<>();
            for (Order o : w.orderList()) {
                if (!o.at().isBefore(from) && !o.at().isAfter(cut)
                        && warmed.assess(o).probability(RiskCategory.LOGISTICS) > 0) {
                    orders.add(o);
                }
            }
            if (orders.size() < 1000) {
                throw new IllegalStateException("too few in-flight orders to benchmark: " + orders.size());
            }
            disruptions = new ArrayList<>();
            for (Event e : timeline) {
                if (e instanceof Disruption d && !e.at().isAfter(cut)) {
                    disruptions.add(d);
                }
            }
            if (disruptions.isEmpty()) {
                throw new IllegalStateException("no hazard or political event in the first 100 days to benchmark");
            }
            timeline = new ArrayList<>(timeline.subList(0, EVENTS));
            assessed = new ArrayList<>();
            for (Order o : orders.subList(0, 1000)) {
                Assessment a = warmed.assess(o);
                for (Estimate e : a.estimates()) {
                    e.reasons().forEach(Reason::text);
                }
                assessed.add(a);
            }
            versionsId = AssessmentCodec.versionsId(warmed.versions());
        }
    }

    static final int EVENTS = 400_000;

    /** Ingestion: one invocation observes 400 000 events; the score is in events per second. */
    @Benchmark
    @OperationsPerInvocation(EVENTS)
    public Engine ingest(World w) {
        Engine engine = new Engine(w.reference);
        for (Event e : w.timeline) {
            engine.observe(e);
        }
        return engine;
    }

    /** Order assessment with warmed state; the score is in orders per second. */
    @Benchmark
    @OperationsPerInvocation(1000)
    public double assessOrder(World w, Cursor c) {
        double sum = 0;
        for (int i = 0; i < 1000; i++) {
            sum += w.warmed.assess(c.next(w)).expectedLossUsd();
        }
        return sum;
    }

    /**
     * A hazard or political event reaching the shipments in flight: each one checked against the event, each
     * touched one assessed anew; the score is in events per second.
     */
    @Benchmark
    public int eventReachesInFlight(World w, Cursor c) {
        c.event = (c.event + 1) % w.disruptions.size();
        return w.warmed.inFlightTouchedBy(w.disruptions.get(c.event)).size();
    }

    /** An order's assessment written as JSON; the score is in assessments per second. */
    @Benchmark
    @OperationsPerInvocation(1000)
    public int assessmentJson(World w) {
        return writeEach(w, a -> AssessmentCodec.toJsonBytes(a, w.versionsId));
    }

    /** An order's assessment written in the binary form the server stores; the score is in assessments per second. */
    @Benchmark
    @OperationsPerInvocation(1000)
    public int storedForm(World w) {
        return writeEach(w, a -> BinaryAssessment.encode(a, w.versionsId));
    }

    /** Writes each of the chosen orders' assessments with {@code write}; returns the bytes written. */
    private static int writeEach(World w, java.util.function.Function<Assessment, byte[]> write) {
        int bytes = 0;
        for (Assessment a : w.assessed) {
            bytes += write.apply(a).length;
        }
        return bytes;
    }

    /** Assessing an order and writing its assessment, sentences drafted on the way; the score is in orders per second. */
    @Benchmark
    @OperationsPerInvocation(1000)
    public int assessAndWrite(World w, Cursor c) {
        int bytes = 0;
        for (int i = 0; i < 1000; i++) {
            bytes += AssessmentCodec.toJsonBytes(w.warmed.assess(c.next(w)), w.versionsId).length;
        }
        return bytes;
    }

    /** Assessing an order and drafting its sentences, no JSON; the score is in orders per second. */
    @Benchmark
    @OperationsPerInvocation(1000)
    public int assessAndDraft(World w, Cursor c) {
        int chars = 0;
        for (int i = 0; i < 1000; i++) {
            for (Estimate e : w.warmed.assess(c.next(w)).estimates()) {
                for (Reason r : e.reasons()) {
                    chars += r.text().length();
                }
            }
        }
        return chars;
    }

    @State(Scope.Thread)
    public static class Cursor {
        int i;
        int event;

        /** The next order to assess, stepping through the chosen orders in a scattered but repeatable order. */
        Order next(World w) {
            i = (i + 7919) % w.orders.size();
            return w.orders.get(i);
        }
    }
}
