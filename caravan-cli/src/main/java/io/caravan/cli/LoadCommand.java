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
import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;

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

    @Option(names = "--in-flight", defaultValue = "1", description = "bulk: bulks sent at once (default ${DEFAULT-VALUE}).")
    int inFlight;

    @Option(names = "--rate", defaultValue = "1000", description = "single: requests per second (default ${DEFAULT-VALUE}).")
    int rate;

    @Option(names = "--seconds", defaultValue = "30", description = "single: measured seconds after the warm-up (default ${DEFAULT-VALUE}).")
    int seconds;

    @Option(names = "--warmup-seconds", defaultValue = "300", description = "single: the longest warm-up (default"
            + " ${DEFAULT-VALUE}; 0 measures a cold server). The warm-up sends at the measured rate in rounds of 10 s, each"
            + " answered in full before the next, and ends after the first round that was answered on time while the JIT"
            + " compiler worked less than 5%% of one core: on two cores it needs minutes, not seconds, to compile the web"
            + " stack and the engine, and until then a server cannot keep up.")
    int warmupSeconds;

    @Option(names = "--trace", paramLabel = "FILE", description = "single: also write what the machine, the JVM and PostgreSQL"
            + " did every 100 ms of the measured window (CPU of the JVM, its compilers and collector, PostgreSQL's"
            + " processes and the rest of the machine, time stolen by a virtual machine's host, pressure on the cores and"
            + " the disk, collections, PostgreSQL's waits, autovacuum and checkpoints, the server's threads) beside the"
            + " slowest answer due in it, and print"
            + " the slowest slices.")
    Path trace;

    @Option(names = "--home", paramLabel = "DIR", description = "Server folder (default: a new temporary folder, deleted"
            + " after, also when the run is stopped with Ctrl-C).")
    Path home;

    @Override
    public Integer call() throws Exception {
        if (!mode.equals("bulk") && !mode.equals("single")) {
            throw new IllegalArgumentException("MODE is 'bulk' or 'single', not '" + mode + "'");
        }
        if (mode.equals("bulk") && (orders < 1 || warmup < 0 || inFlight < 1)) {
            throw new IllegalArgumentException("bulk needs --orders and --in-flight of 1 or more and --warmup of 0 or more");
        }
        if (mode.equals("single") && (rate < 1 || seconds < 1 || warmupSeconds < 0)) {
            throw new IllegalArgumentException("single needs --rate and --seconds of 1 or more and --warmup-seconds of 0 or more");
        }
        if (trace != null && !mode.equals("single")) {
            throw new IllegalArgumentException("--trace is for single: bulk's time goes to throughput, not to slow moments");
        }
        if (trace != null && trace.toAbsolutePath().getParent() != null && !Files.isDirectory(trace.toAbsolutePath().getParent())) {
            throw new IllegalArgumentException("--trace " + trace + ": the folder " + trace.toAbsolutePath().getParent()
                    + " does not exist; create it or name a file in an existing folder");
        }
        Path dir = home != null ? home : Files.createTempDirectory("caravan-load-");
        RunningServer server = RunningServer.start(ServeCommand.properties(0, dir, null),
                "--logging.level.root=WARN", "--caravan.ingest.records-per-second=10000000", "--caravan.ingest.burst=20000000");
        ConfigurableApplicationContext context = server.context;
        // Stopped early (Ctrl-C), the run still stops its server and deletes its temporary folder: the finally below
        // does not run when the JVM is told to stop, its shutdown hooks do.
        Runnable stop = () -> stop(context, home == null ? dir : null);
        Thread hook = new Thread(stop, "caravan-load-stop");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            String url = server.url;
            AccessStore store = context.getBean(AccessStore.class);
            var tenant = store.createTenant("load-" + Long.toHexString(System.nanoTime()), "Load test", false);
            String key = store.createKey(tenant.id(), "load", Role.INGEST, "load").token();
            ReferenceData reference = context.getBean(ReferenceData.class);
            System.err.println("Server at " + url + ", data in " + dir + "; " + Runtime.getRuntime().availableProcessors()
                    + " processors, Java " + System.getProperty("java.version"));
            return mode.equals("bulk") ? bulk(url, key, reference, dir.resolve("postgres"))
                    : single(url, key, reference, dir.resolve("postgres"),
                            trace == null ? null : context.getBean(javax.sql.DataSource.class));
        } finally {
            boolean stopping = false;
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException e) {
                stopping = true; // the JVM is stopping: the hook does it
            }
            if (!stopping) {
                stop.run();
            }
        }
    }

    /**
     * Stops the server and deletes {@code temporary} (null: a folder of the user's, kept), which holds a gigabyte by
     * the end of a run. The context may be closing on Spring's own hook already, and then close() returns at once: the
     * folder is deleted only once PostgreSQL has removed its postmaster.pid, the last thing it does when it stops (it
     * writes its statistics into the folder on the way).
     */
    private static void stop(ConfigurableApplicationContext context, Path temporary) {
        try {
            context.close();
        } finally {
            if (temporary != null) {
                try {
                    Path pid = temporary.resolve("postgres").resolve("postmaster.pid");
                    for (long until = System.nanoTime() + 90_000_000_000L; Files.exists(pid) && System.nanoTime() < until; ) {
                        Thread.sleep(100);
                    }
                    deleteTree(temporary);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } catch (IOException | RuntimeException e) {
                    System.err.println("caravan: could not delete " + temporary + " (" + e.getMessage() + "); delete it by hand");
                }
            }
        }
    }

    private int bulk(String url, String key, ReferenceData reference, Path postgresData) throws Exception {
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
            send(loader, DemoLoader.bulks(timed.subList(0, warmup)), inFlight);
            timed = timed.subList(warmup, timed.size());
        }
        List<String> bodies = DemoLoader.bulks(timed);
        System.err.printf(Locale.ROOT, "Timing %,d orders …%n", timed.size());
        CpuWindow cpu = CpuWindow.start(postgresData);
        long t0 = System.nanoTime();
        long assessments = send(loader, bodies, inFlight);
        double s = (System.nanoTime() - t0) / 1e9;
        double jvmPerOrder = cpu.jvmMicrosEach(timed.size());
        System.out.printf(Locale.ROOT,
                "bulk: %,d orders in %d requests of up to %,d lines, %,d assessments stored, in %.2f s: %,.0f orders/s"
                        + " (after %,d warm-up orders; this JVM, the server and the load generator, %.0f µs of CPU an order%s)%n",
                timed.size(), bodies.size(), DemoLoader.BULK_LINES, assessments, s, timed.size() / s, warmup,
                jvmPerOrder, cpu.others(timed.size(), "an order"));
        System.out.println(cpu.threads(timed.size(), "an order"));
        return 0;
    }

    /** Sends bulks, {@code inFlight} at a time; returns the assessments stored. */
    private static long send(DemoLoader loader, List<String> bodies, int inFlight) throws Exception {
        var pool = java.util.concurrent.Executors.newFixedThreadPool(inFlight);
        try {
            List<java.util.concurrent.Future<Long>> answers = new ArrayList<>();
            for (String body : bodies) {
                answers.add(pool.submit(() -> {
                    var j = loader.post(body);
                    if (j.get("accepted").intValue() != body.lines().count()) {
                        throw new IOException("not every order was accepted: " + j.get("errors"));
                    }
                    return j.get("assessments").longValue();
                }));
            }
            long assessments = 0;
            for (var a : answers) {
                assessments += a.get();
            }
            return assessments;
        } finally {
            pool.shutdownNow();
        }
    }

    /** A warm-up round ends the warm-up when the JIT compiler spent less than this share of one core in it. */
    static final double QUIET_COMPILER = 0.05;
    /** Seconds of a warm-up round. */
    static final int ROUND_SECONDS = 10;

    private int single(String url, String key, ReferenceData reference, Path postgresData, javax.sql.DataSource traced)
            throws Exception {
        WorldGenerator.World world = new WorldGenerator(reference).generate(42, 2000);
        List<Event> setup = new ArrayList<>();
        setup.addAll(world.participants());
        setup.addAll(world.listings());
        new DemoLoader(url, key).send(setup, new Progress(System.err, "setup    ", setup.size()));
        List<Order> templates = world.orderList();
        List<String> merchants = world.participants().stream().filter(p -> p.kind() == ParticipantKind.MERCHANT)
                .map(Participant::id).toList();
        URI u = URI.create(url);
        AtomicLong errors = new AtomicLong();
        IntFunction<byte[]> request = i -> {
            Order t = templates.get(i % templates.size());
            String body = EventWriter.toJson(new Order("O-LOAD-" + i, t.at().plusSeconds(i), merchants.get(i % merchants.size()),
                    t.marketplaceId(), t.buyerId(), t.buyerCountry(), t.shipFrom(), t.shipTo(), withoutListings(t.items()),
                    t.promisedBy().plusSeconds(i), ""));
            return LoadConnection.post(u.getHost() + ":" + u.getPort(), "/api/v1/records", key, "application/json", body);
        };
        CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
        int sent = 0;
        LoadTrace sampler = traced == null ? null : LoadTrace.start(traced, postgresData); // with the warm-up: see LoadTrace#start
        try {
            if (warmupSeconds > 0) {
                System.err.printf(Locale.ROOT, "Warming up: %d orders per second in rounds of %d s over up to %d connections, until"
                        + " a round is answered on time with the JIT compiler quiet, for at most %d s (not measured) …%n",
                        rate, ROUND_SECONDS, CONNECTIONS, warmupSeconds);
                long compiledBefore = jit.getTotalCompilationTime();
                boolean warm = false;
                for (int second = 0; second < warmupSeconds && !warm; second += ROUND_SECONDS) {
                    int n = Math.min(ROUND_SECONDS, warmupSeconds - second) * rate;
                    byte[][] requests = Phase.build(sent, n, request);
                    long compiled = jit.getTotalCompilationTime();
                    Phase round = Phase.send(u, requests, rate, errors);
                    double compiling = (jit.getTotalCompilationTime() - compiled) / 1e3;
                    warm = round.tookSeconds() <= round.seconds() + 0.5 && compiling < QUIET_COMPILER * round.tookSeconds();
                    System.err.printf(Locale.ROOT, "  warm-up %d-%d s: %s; JIT compiler %.1f s%n",
                            second, second + n / rate, round.summary(), compiling);
                    sent += n;
                    if (round.answered(0, n / rate).length == 0) {
                        System.err.println("  no request of that round was answered: the server has stopped answering; stopping");
                        return 1;
                    }
                }
                System.err.printf(Locale.ROOT, "  %s after %,d orders; the JIT compiler worked %.1f s in the warm-up%n",
                        warm ? "warm" : "still not warm (see --warmup-seconds)", sent,
                        (jit.getTotalCompilationTime() - compiledBefore) / 1e3);
            }
            System.err.printf(Locale.ROOT,
                    "Sending %d orders per second for %d s over up to %d connections …%n", rate, seconds, CONNECTIONS);
            byte[][] requests = Phase.build(sent, seconds * rate, request);
            long compiled = jit.getTotalCompilationTime();
            CpuWindow cpu = CpuWindow.start(postgresData);
            long[] gc = collections();
            var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
            long allocated = threads.getTotalThreadAllocatedBytes();
            Phase measured = Phase.send(u, requests, rate, errors);
            if (sampler != null) {
                sampler.close();
            }
            double allocatedPerRequest = (threads.getTotalThreadAllocatedBytes() - allocated) / 1024.0 / (seconds * rate);
            long[] gcAfter = collections();
            double cpuPerRequest = cpu.jvmMicrosEach(seconds * rate);
            String machineCpu = cpu.others(seconds * rate, "a request");
            for (int a = 0; a < seconds; a += ROUND_SECONDS) {
                System.err.printf(Locale.ROOT, "  due in %d-%d s: %s%n", a, Math.min(a + ROUND_SECONDS, seconds),
                        measured.slice(a, Math.min(a + ROUND_SECONDS, seconds)));
            }
            if (sampler != null) {
                List<String> slowest = sampler.write(trace, measured.start(), 1_000_000_000L / rate, measured.latency(), 5);
                long startedAt = ManagementFactory.getRuntimeMXBean().getUptime()
                        - (System.nanoTime() - measured.start()) / 1_000_000;
                System.err.println("  trace of every 100 ms in " + trace + " (its 0 ms is " + startedAt + " ms after the JVM"
                        + " started); the slowest slices (columns as in its first line):");
                slowest.forEach(line -> System.err.println("    " + line));
            }
            long[] l = measured.answered(0, seconds);
            System.out.printf(Locale.ROOT,
                    "single: %,d orders at %d/s over %d s measured (after %,d in a warm-up), %,d errors; latency from planned"
                            + " send: p50 %.1f ms, p90 %.1f ms, p99 %.1f ms, p99.9 %.1f ms, max %.1f ms (all answered in %.1f s;"
                            + " JIT compiler %.1f s; garbage collections %d, %d ms; this JVM, the server and the load generator,"
                            + " %.0f µs of CPU and %.0f KiB allocated a request%s)%n",
                    l.length, rate, seconds, sent, errors.get(), pct(l, 0.50), pct(l, 0.90), pct(l, 0.99), pct(l, 0.999),
                    l.length == 0 ? 0 : l[l.length - 1] / 1e6, measured.tookSeconds(),
                    (jit.getTotalCompilationTime() - compiled) / 1e3, gcAfter[0] - gc[0], gcAfter[1] - gc[1], cpuPerRequest,
                    allocatedPerRequest, machineCpu);
            return errors.get() == 0 ? 0 : 1;
        } finally {
            if (sampler != null) {
                sampler.close(); // stops sampling at every way out; a second close does nothing
            }
        }
    }

    /** Garbage collections so far and the milliseconds they took, over all collectors. */
    static long[] collections() {
        long n = 0;
        long ms = 0;
        for (var b : ManagementFactory.getGarbageCollectorMXBeans()) {
            n += Math.max(0, b.getCollectionCount());
            ms += Math.max(0, b.getCollectionTime());
        }
        return new long[]{n, ms};
    }

    /**
     * The CPU time of a process or thread in clock ticks: utime + stime, fields 14 and 15 of its {@code /proc/…/stat}
     * (counted after the name, which may hold spaces).
     */
    static long cpuTicks(Path stat) throws IOException {
        String s = Files.readString(stat);
        String[] f = s.substring(s.lastIndexOf(')') + 2).trim().split("\\s+");
        return Long.parseLong(f[11]) + Long.parseLong(f[12]);
    }

    /** Clock ticks a second in {@code /proc}: USER_HZ, 100 on every Linux architecture Java runs on. */
    static final double USER_HZ = 100;

    /** Microseconds of {@code ticks} of CPU for each of {@code n}. */
    static double microsEach(long ticks, int n) {
        return ticks / USER_HZ * 1e6 / n;
    }

    /** The CPU this JVM, its threads, PostgreSQL's processes and the whole machine spent from {@link #start} on. */
    private record CpuWindow(long jvmNanos, java.util.Map<Long, ThreadCpu.Ticks> threads, long[] machine,
                             java.util.Map<Long, Long> postgres, Path postgresData) {

        private static final com.sun.management.OperatingSystemMXBean OS =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

        static CpuWindow start(Path postgresData) {
            return new CpuWindow(OS.getProcessCpuTime(), ThreadCpu.read(), MachineCpu.read(), PostgresCpu.read(postgresData),
                    postgresData);
        }

        /** This JVM's CPU since the start by kind of thread; see {@link ThreadCpu#since}. */
        String threads(int n, String unit) {
            return ThreadCpu.since(threads, n, unit);
        }

        /** Microseconds of this JVM's CPU since the start, for each of {@code n}. */
        double jvmMicrosEach(int n) {
            return (OS.getProcessCpuTime() - jvmNanos) / 1e3 / n;
        }

        /** PostgreSQL's and the machine's share since the start, each in µs {@code unit}; see their {@code since}. */
        String others(int n, String unit) {
            return PostgresCpu.since(postgres, postgresData, n, unit) + MachineCpu.since(machine, n, unit);
        }
    }

    /**
     * The CPU time of this JVM's threads, the collector's and the compilers' included, from Linux's
     * {@code /proc/self/task}, grouped by kind: the thread's name without its numbers ({@code caravan-encoder-3} and
     * {@code caravan-encoder-4} are one kind). Says which part of the JVM a change made cheaper, on a machine whose
     * speed moves more from one run to the next than most changes do.
     */
    static final class ThreadCpu {

        record Ticks(String kind, long ticks) {
        }

        /** Each live thread's kind and CPU ticks by its id; empty where there is no {@code /proc/self/task}. */
        static java.util.Map<Long, Ticks> read() {
            java.util.Map<Long, Ticks> out = new java.util.HashMap<>();
            try (var tasks = Files.list(Path.of("/proc/self/task"))) {
                for (Path t : (Iterable<Path>) tasks::iterator) {
                    try {
                        String name = Files.readString(t.resolve("comm")).trim();
                        out.put(Long.parseLong(t.getFileName().toString()), new Ticks(kind(name), cpuTicks(t.resolve("stat"))));
                    } catch (IOException | RuntimeException e) {
                        // the thread ended between the listing and the read
                    }
                }
            } catch (IOException | RuntimeException e) {
                return java.util.Map.of();
            }
            return out;
        }

        /**
         * A thread's name without the numbers that tell threads of a kind apart, and without the separator left where
         * Linux cut the name at 15 characters: {@code GC Thread#1} → {@code GC Thread}, {@code caravan-tenant-} →
         * {@code caravan-tenant}.
         */
        static String kind(String name) {
            return name.replaceAll("[-_ #]+[0-9]+", "").replaceAll("[-_ #]+$", "");
        }

        /**
         * "JVM threads, µs {@code unit}: K1 N1, K2 N2, …" for the kinds of thread that took 1 µs {@code unit} or more,
         * largest first, or "" where the threads cannot be read. A thread that ended inside the window is missed.
         */
        static String since(java.util.Map<Long, Ticks> before, int n, String unit) {
            java.util.Map<Long, Ticks> after = read();
            if (before.isEmpty() || after.isEmpty()) {
                return "";
            }
            java.util.Map<String, Long> byKind = new java.util.HashMap<>();
            after.forEach((id, t) -> {
                Ticks b = before.get(id);
                byKind.merge(t.kind(), t.ticks() - (b == null ? 0 : b.ticks()), Long::sum);
            });
            return byKind.entrySet().stream().filter(e -> microsEach(e.getValue(), n) >= 1)
                    .sorted(java.util.Map.Entry.<String, Long>comparingByValue().reversed())
                    .map(e -> String.format(Locale.ROOT, "%s %.0f", e.getKey(), microsEach(e.getValue(), n)))
                    .collect(java.util.stream.Collectors.joining(", ", "JVM threads, µs " + unit + ": ", ""));
        }
    }

    /** The machine's CPU time from Linux's {@code /proc/stat}: every process's, PostgreSQL's included. */
    static final class MachineCpu {

        /**
         * Busy, total and stolen jiffies of all cores, or null where there is no {@code /proc/stat}. Stolen time is time a
         * virtual machine's core was ready to run but its host ran something else; it counts as busy.
         */
        static long[] read() {
            try {
                String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
                long total = 0;
                for (int i = 1; i <= Math.min(8, f.length - 1); i++) { // user … steal; guest time is already in user and nice
                    total += Long.parseLong(f[i]);
                }
                long idle = Long.parseLong(f[4]) + Long.parseLong(f[5]); // idle, and waiting for I/O
                return new long[]{total - idle, total, f.length > 8 ? Long.parseLong(f[8]) : 0};
            } catch (IOException | RuntimeException e) {
                return null;
            }
        }

        /**
         * "; the machine, all its processes, N µs {@code unit}, P% busy, S% of the time stolen", or "" where /proc/stat
         * cannot be read.
         */
        static String since(long[] before, int requests, String unit) {
            long[] after = read();
            if (before == null || after == null || after[1] == before[1]) {
                return "";
            }
            long busy = after[0] - before[0];
            return String.format(Locale.ROOT, "; the machine, all its processes, %.0f µs %s, %.0f%% busy, %.1f%% of the time"
                    + " stolen by its host", microsEach(busy, requests), unit, 100.0 * busy / (after[1] - before[1]),
                    100.0 * (after[2] - before[2]) / (after[1] - before[1]));
        }
    }

    /**
     * The CPU time of the embedded PostgreSQL's processes (the postmaster and its children: the connections' backends, the
     * WAL writer, the checkpointer, autovacuum) from Linux's {@code /proc}. A process that ends inside a window is not
     * counted; one that starts inside it is counted whole.
     */
    static final class PostgresCpu {

        /** Clock ticks by process id, or null where the processes cannot be read. */
        static java.util.Map<Long, Long> read(Path dataDirectory) {
            try {
                long postmaster = Long.parseLong(Files.readAllLines(dataDirectory.resolve("postmaster.pid")).get(0).trim());
                java.util.Map<Long, Long> ticks = new java.util.HashMap<>();
                ticks.put(postmaster, ticks(postmaster));
                String children = Files.readString(Path.of("/proc", Long.toString(postmaster), "task", Long.toString(postmaster), "children"));
                for (String child : children.trim().split("\\s+")) {
                    if (!child.isEmpty()) {
                        try {
                            ticks.put(Long.parseLong(child), ticks(Long.parseLong(child)));
                        } catch (IOException ended) {
                            // ended between the list and its read: nothing to count
                        }
                    }
                }
                return ticks;
            } catch (IOException | RuntimeException e) {
                return null;
            }
        }

        private static long ticks(long pid) throws IOException {
            return cpuTicks(Path.of("/proc", Long.toString(pid), "stat"));
        }

        /** "; PostgreSQL's processes N µs {@code unit}" (e.g. "a request"), or "" where they cannot be read. */
        static String since(java.util.Map<Long, Long> before, Path dataDirectory, int requests, String unit) {
            java.util.Map<Long, Long> after = read(dataDirectory);
            if (before == null || after == null) {
                return "";
            }
            long ticks = 0;
            for (var e : after.entrySet()) {
                ticks += e.getValue() - before.getOrDefault(e.getKey(), 0L);
            }
            return String.format(Locale.ROOT, "; PostgreSQL's processes %.0f µs %s", microsEach(ticks, requests), unit);
        }
    }

    /** Requests sent at a rate, with the latency of each (nanoseconds from its due time; -1 if it failed). */
    private record Phase(int rate, long[] latency, long start, double tookSeconds) {

        /**
         * Requests {@code first} to {@code first + n - 1}, written before a phase's clock starts so that the generator
         * spends the phase sending, not encoding. The garbage that building them leaves is collected here too, before
         * the clock starts: left to the collector, it set off a burst of collections and a marking cycle in the
         * phase's first seconds, on the server's time (docs/benchmarks.md, 2026-11-27, late morning).
         */
        static byte[][] build(int first, int n, IntFunction<byte[]> request) {
            byte[][] requests = new byte[n][];
            for (int i = 0; i < n; i++) {
                requests[i] = request.apply(first + i);
            }
            System.gc();
            return requests;
        }

        /** Sends the requests at {@code rate} a second; see {@link #sendAtRate}. */
        static Phase send(URI u, byte[][] requests, int rate, AtomicLong errors) throws InterruptedException {
            int n = requests.length;
            long[] latency = new long[n];
            Arrays.fill(latency, -1);
            long start = System.nanoTime() + 200_000_000L;
            return new Phase(rate, latency, start, sendAtRate(u, requests, start, rate, latency, errors));
        }

        double seconds() {
            return (double) latency.length / rate;
        }

        /** The latencies of the requests due from second {@code from} to second {@code to}, answered ones only, sorted. */
        long[] answered(int from, int to) {
            return Arrays.stream(latency, from * rate, Math.min(latency.length, to * rate)).filter(x -> x >= 0).sorted().toArray();
        }

        String slice(int from, int to) {
            long[] s = answered(from, to);
            return String.format(Locale.ROOT, "%,d answered, p50 %.1f ms, p99 %.1f ms, max %.1f ms", s.length, pct(s, 0.50),
                    pct(s, 0.99), s.length == 0 ? 0 : s[s.length - 1] / 1e6);
        }

        String summary() {
            long unanswered = Arrays.stream(latency).filter(x -> x < 0).count();
            return slice(0, (int) Math.ceil(seconds())) + (unanswered == 0
                    ? String.format(Locale.ROOT, ", all answered in %.1f s", tookSeconds)
                    : String.format(Locale.ROOT, ", %,d not answered, over after %.1f s", unanswered, Math.max(0, tookSeconds)));
        }
    }

    /**
     * Sends the requests at {@code rate} a second from {@code start}, open loop: request i is due at a fixed time
     * whatever happened before, a connection takes the next due request when it is free, and latency counts from when
     * the request was due, so time spent queued is not hidden. Returns once every one is answered, with the seconds
     * that took from the first due time.
     */
    private static double sendAtRate(URI u, byte[][] requests, long start, int rate, long[] latency, AtomicLong errors)
            throws InterruptedException {
        long interval = 1_000_000_000L / rate;
        int to = requests.length;
        AtomicLong next = new AtomicLong();
        List<Thread> senders = new ArrayList<>();
        for (int c = 0; c < CONNECTIONS; c++) {
            Thread th = new Thread(() -> {
                try (LoadConnection conn = new LoadConnection(u.getHost(), u.getPort())) {
                    long i;
                    while ((i = next.getAndIncrement()) < to) {
                        long due = start + i * interval;
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
