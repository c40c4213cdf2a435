package io.caravan.cli;

import io.caravan.domain.Event;
import io.caravan.domain.Order;
import io.caravan.domain.OrderItem;
import io.caravan.domain.Payment;
import io.caravan.domain.Participant;
import io.caravan.domain.ParticipantKind;
import io.caravan.domain.TrackingEvent;
import io.caravan.domain.Outcome;
import io.caravan.json.EventWriter;
import io.caravan.reference.ReferenceData;
import io.caravan.server.access.AccessStore;
import io.caravan.server.access.Role;
import io.caravan.world.WorldGenerator;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicLong;

@Command(name = "load", mixinStandardHelpOptions = true,
        description = {"Measures the server on this machine: starts it on an embedded PostgreSQL in a temporary folder and"
                + " drives it over loopback HTTP.",
            "bulk:   sends a world's participants, listings and shipments, then times its orders sent as NDJSON bulks"
                    + " (each order assessed and stored with its assessment).",
            "single: sends one order per request at a fixed rate (open loop: latency counts from the planned send time,"
                    + " so a slow answer cannot hide the requests queued behind it) and prints the latency percentiles."})
final class LoadCommand implements Callable<Integer> {

    /** Connections of the single-mode generator: at most this many requests are in flight. */
    static final int CONNECTIONS = 32;

    @Parameters(index = "0", paramLabel = "MODE", description = "bulk or single")
    String mode;

    @Option(names = "--orders", defaultValue = "250000", description = "bulk: orders timed (default ${DEFAULT-VALUE}: some"
            + " 25 s, long enough to take in PostgreSQL's checkpoints, which a shorter window catches or misses by chance).")
    int orders;

    @Option(names = "--warmup", defaultValue = "200000", description = "bulk: orders sent first, not timed, so that"
            + " the figure is a running server's: on two cores the JIT compiler reaches the hot paths' final code only"
            + " after 60 000 orders or more (default ${DEFAULT-VALUE}; 0 measures a cold server).")
    int warmup;

    @Option(names = "--rate", defaultValue = "1000", description = "single: requests per second (default ${DEFAULT-VALUE}).")
    int rate;

    @Option(names = "--seconds", defaultValue = "30", description = "single: measured seconds after the warm-up (default ${DEFAULT-VALUE}).")
    int seconds;

    @Option(names = "--warmup-seconds", defaultValue = "30", description = "single: seconds sent at the same rate first, not"
            + " measured, while the JIT compiler catches up; the measured seconds start once every warm-up request is answered"
            + " (default ${DEFAULT-VALUE}). Each 10 s of either phase is also reported on its own.")
    int warmupSeconds;

    @Option(names = "--home", paramLabel = "DIR", description = "Server folder (default: a new temporary folder, deleted after).")
    Path home;

    @Override
    public Integer call() throws Exception {
        if (!mode.equals("bulk") && !mode.equals("single")) {
            throw new IllegalArgumentException("MODE is 'bulk' or 'single', not '" + mode + "'");
        }
        if (mode.equals("single") && (rate < 1 || seconds < 1 || warmupSeconds < 0)) {
            throw new IllegalArgumentException("single needs --rate and --seconds of 1 or more and --warmup-seconds of 0 or more");
        }
        Path dir = home != null ? home : Files.createTempDirectory("caravan-load-");
        RunningServer server = RunningServer.start(ServeCommand.properties(0, dir, null),
                "--logging.level.root=WARN", "--caravan.ingest.records-per-second=10000000", "--caravan.ingest.burst=20000000");
        ConfigurableApplicationContext context = server.context;
        try {
            String url = server.url;
            AccessStore store = context.getBean(AccessStore.class);
            var tenant = store.createTenant("load-" + Long.toHexString(System.nanoTime()), "Load test", false);
            String key = store.createKey(tenant.id(), "load", Role.INGEST, "load").token();
            ReferenceData reference = context.getBean(ReferenceData.class);
            System.err.println("Server at " + url + ", data in " + dir + "; " + Runtime.getRuntime().availableProcessors()
                    + " processors, Java " + System.getProperty("java.version"));
            return mode.equals("bulk") ? bulk(url, key, reference) : single(url, key, reference);
        } finally {
            context.close();
            if (home == null) {
                deleteTree(dir);
            }
        }
    }

    private int bulk(String url, String key, ReferenceData reference) throws IOException, InterruptedException {
        System.err.printf(Locale.ROOT, "Generating a world of %,d orders …%n", warmup + orders);
        List<Event> timeline = new WorldGenerator(reference).generate(42, warmup + orders).timeline();
        List<Event> setup = new ArrayList<>();
        List<Event> timed = new ArrayList<>();
        for (Event e : timeline) {
            if (e instanceof Order) {
                timed.add(e);
            } else if (!(e instanceof Payment) && !(e instanceof TrackingEvent) && !(e instanceof Outcome)) {
                setup.add(e);
            }
        }
        DemoLoader loader = new DemoLoader(url, key);
        System.err.printf(Locale.ROOT,
                "Sending %,d participants, listings, shipments and events first (not timed) …%n", setup.size());
        loader.send(setup, new Progress(System.err, "setup    ", setup.size()));
        if (warmup > 0) {
            System.err.printf(Locale.ROOT, "Sending %,d orders to warm up (not timed) …%n", warmup);
            send(loader, DemoLoader.bulks(timed.subList(0, warmup)));
            timed = timed.subList(warmup, timed.size());
        }
        List<String> bodies = DemoLoader.bulks(timed);
        System.err.printf(Locale.ROOT, "Timing %,d orders …%n", timed.size());
        long t0 = System.nanoTime();
        long assessments = send(loader, bodies);
        double s = (System.nanoTime() - t0) / 1e9;
        System.out.printf(Locale.ROOT,
                "bulk: %,d orders in %d requests of up to %,d lines, %,d assessments stored, in %.2f s: %,.0f orders/s"
                        + " (after %,d warm-up orders)%n", timed.size(), bodies.size(), DemoLoader.BULK_LINES, assessments, s,
                timed.size() / s, warmup);
        return 0;
    }

    /** Sends bulks one after another; returns the assessments stored. */
    private static long send(DemoLoader loader, List<String> bodies) throws IOException, InterruptedException {
        long assessments = 0;
        for (String body : bodies) {
            var j = loader.post(body);
            if (j.get("accepted").intValue() != body.lines().count()) {
                throw new IOException("not every order was accepted: " + j.get("errors"));
            }
            assessments += j.get("assessments").longValue();
        }
        return assessments;
    }

    private int single(String url, String key, ReferenceData reference) throws Exception {
        WorldGenerator.World world = new WorldGenerator(reference).generate(42, 2000);
        List<Event> setup = new ArrayList<>();
        setup.addAll(world.participants());
        setup.addAll(world.listings());
        new DemoLoader(url, key).send(setup, new Progress(System.err, "setup    ", setup.size()));
        List<Order> templates = world.orderList();
        List<String> merchants = world.participants().stream().filter(p -> p.kind() == ParticipantKind.MERCHANT)
                .map(Participant::id).toList();
        int warmup = warmupSeconds;
        int total = (warmup + seconds) * rate;
        long[] latency = new long[total];
        Arrays.fill(latency, -1);
        AtomicLong errors = new AtomicLong();
        URI u = URI.create(url);
        // Requests are written before the clock starts, so the generator spends its time sending, not encoding.
        byte[][] requests = new byte[total][];
        for (int i = 0; i < total; i++) {
            Order t = templates.get(i % templates.size());
            String body = EventWriter.toJson(new Order("O-LOAD-" + i, t.at().plusSeconds(i), merchants.get(i % merchants.size()),
                    t.marketplaceId(), t.buyerId(), t.buyerCountry(), t.shipFrom(), t.shipTo(), withoutListings(t.items()),
                    t.promisedBy().plusSeconds(i), ""));
            requests[i] = LoadConnection.post(u.getHost() + ":" + u.getPort(), "/api/v1/records", key, "application/json", body);
        }
        int measuredFrom = warmup * rate;
        if (warmup > 0) {
            System.err.printf(Locale.ROOT,
                    "Warming up: %d orders per second for %d s over up to %d connections (not measured) …%n", rate, warmup,
                    CONNECTIONS);
            double took = sendAtRate(u, requests, 0, measuredFrom, rate, latency, errors);
            report(latency, 0, warmup, rate, "warm-up, due");
            // The warm-up's backlog, if any, is answered before the measured phase starts on a schedule of its own:
            // the figure is a warm server's that is not already behind.
            System.err.printf(Locale.ROOT, "  warm-up answered in %.1f s%n", took);
        }
        System.err.printf(Locale.ROOT,
                "Sending %d orders per second for %d s over up to %d connections …%n", rate, seconds, CONNECTIONS);
        double sentSeconds = sendAtRate(u, requests, measuredFrom, total, rate, latency, errors);
        report(latency, warmup, warmup + seconds, rate, "due");
        long[] measured = Arrays.stream(latency, measuredFrom, total).filter(x -> x >= 0).sorted().toArray();
        System.out.printf(Locale.ROOT,
                "single: %,d orders at %d/s over %d s measured (after %,d in a warm-up), %,d errors; latency from planned"
                        + " send: p50 %.1f ms, p90 %.1f ms, p99 %.1f ms, p99.9 %.1f ms, max %.1f ms (all answered in %.1f s)%n",
                measured.length, rate, seconds, measuredFrom, errors.get(), pct(measured, 0.50), pct(measured, 0.90),
                pct(measured, 0.99), pct(measured, 0.999), measured.length == 0 ? 0 : measured[measured.length - 1] / 1e6, sentSeconds);
        return errors.get() == 0 ? 0 : 1;
    }

    /**
     * Sends requests {@code from} to {@code to} at {@code rate} a second, open loop: request i is due at a fixed time
     * whatever happened before, a connection takes the next due request when it is free, and latency counts from when
     * the request was due, so time spent queued is not hidden. Returns once every one is answered, with the seconds
     * that took from the first due time.
     */
    private static double sendAtRate(URI u, byte[][] requests, int from, int to, int rate, long[] latency, AtomicLong errors)
            throws InterruptedException {
        long start = System.nanoTime() + 200_000_000L;
        long interval = 1_000_000_000L / rate;
        AtomicLong next = new AtomicLong(from);
        List<Thread> senders = new ArrayList<>();
        for (int c = 0; c < CONNECTIONS; c++) {
            Thread th = new Thread(() -> {
                try (LoadConnection conn = new LoadConnection(u.getHost(), u.getPort())) {
                    long i;
                    while ((i = next.getAndIncrement()) < to) {
                        long due = start + (i - from) * interval;
                        long wait = due - System.nanoTime();
                        if (wait > 0) {
                            java.util.concurrent.locks.LockSupport.parkNanos(wait);
                        }
                        int code = conn.exchange(requests[(int) i]);
                        if (code == 201) {
                            latency[(int) i] = System.nanoTime() - due;
                        } else {
                            errors.incrementAndGet();
                        }
                    }
                } catch (IOException e) {
                    errors.incrementAndGet();
                    System.err.println("a load connection failed: " + e.getMessage());
                }
            }, "load-" + c);
            th.start();
            senders.add(th);
        }
        for (Thread th : senders) {
            th.join();
        }
        return (System.nanoTime() - start) / 1e9;
    }

    /** Prints the latency of each 10 s of requests (by due time) from second {@code from} to {@code to} of the run. */
    private static void report(long[] latency, int from, int to, int rate, String label) {
        for (int a = from; a < to; a += 10) {
            int b = Math.min(a + 10, to);
            long[] slice = Arrays.stream(latency, a * rate, b * rate).filter(x -> x >= 0).sorted().toArray();
            System.err.printf(Locale.ROOT,
                    "  %s in %d-%d s: %,d answered, p50 %.1f ms, p99 %.1f ms, max %.1f ms%n", label, a - from, b - from,
                    slice.length, pct(slice, 0.50), pct(slice, 0.99), slice.length == 0 ? 0 : slice[slice.length - 1] / 1e6);
        }
    }

    private static List<OrderItem> withoutListings(List<OrderItem> items) {
        return items.stream().map(x -> new OrderItem(x.sku(), "", x.hsCode(), x.category(), x.quantity(), x.unitValue())).toList();
    }

    private static double pct(long[] sorted, double q) {
        if (sorted.length == 0) {
            return 0;
        }
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(q * sorted.length) - 1)] / 1e6;
    }

    private static void deleteTree(Path dir) throws IOException {
        try (var s = Files.walk(dir)) {
            s.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

}
