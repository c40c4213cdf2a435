package io.caravan.cli;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the machine, this JVM and PostgreSQL were doing every 100 ms of a measured window, so that a slow moment of
 * {@code load single} can be told apart: a collector pause, the cores busy with other work, the disk, PostgreSQL
 * waiting on its WAL or a checkpoint, or the server's own threads blocked.
 *
 * <p>One thread in this JVM samples; it reads {@code /proc}, the JVM's management beans and one small query on a
 * connection of the server's pool, so that it costs little beside the load it watches. Each sample is a line of
 * the trace file (tab-separated, with a header); after the window, {@link #write} adds each slice's latency, so the
 * slow slices can be read with what happened in them.
 */
final class LoadTrace implements AutoCloseable {

    static final long PERIOD_NANOS = 100_000_000L;

    private record Sample(long nanos, long canaryNanos, long jvmCpuNanos, long jitMillis, long[] vmThreads, long[] machine,
                          long[] cpuPressure, long[] ioPressure, long[] postgresTicks, long gcCount, long gcMillis, String pgWaits,
                          long[] checkpointer, String threads) {
    }

    private final DataSource dataSource;
    private final PostgresProcesses postgres;
    private final List<Sample> samples = new ArrayList<>();
    private final Thread thread;
    private volatile boolean stopped;
    private String pgError;

    private LoadTrace(DataSource dataSource, Path postgresData) {
        this.dataSource = dataSource;
        this.postgres = new PostgresProcesses(postgresData);
        this.thread = new Thread(this::run, "caravan-load-trace");
        this.thread.setDaemon(true);
    }

    /**
     * Starts sampling every 100 ms until {@link #close}. Start it with the warm-up, not with the window it is to trace:
     * the sampler's own code is then compiled before the window, and the JIT compiler's work in the window is the
     * server's.
     */
    static LoadTrace start(DataSource dataSource, Path postgresData) {
        LoadTrace t = new LoadTrace(dataSource, postgresData);
        t.thread.start();
        return t;
    }

    private void run() {
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        var threads = ManagementFactory.getThreadMXBean();
        var jit = ManagementFactory.getCompilationMXBean();
        VmThreads vm = new VmThreads();
        try (Connection c = dataSource.getConnection();
             PreparedStatement waits = c.prepareStatement(WAITS);
             PreparedStatement checkpoints = c.prepareStatement(CHECKPOINTER)) {
            long next = System.nanoTime();
            while (!stopped) {
                long now = System.nanoTime();
                long[] gc = LoadCommand.collections();
                Sample s = new Sample(now, canary(threads), os.getProcessCpuTime(), jit.getTotalCompilationTime(), vm.read(),
                        LoadCommand.MachineCpu.read(), pressure("cpu"), pressure("io"), postgres.read(), gc[0], gc[1],
                        pgWaits(waits), checkpointer(checkpoints), serverThreads(threads));
                synchronized (samples) {
                    samples.add(s);
                }
                next += PERIOD_NANOS;
                long wait = next - System.nanoTime();
                if (wait > 0) {
                    Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                } else {
                    next = System.nanoTime();
                }
            }
        } catch (SQLException e) {
            pgError = e.getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Steps of {@link #canary}: about 0.3 ms of one core at this project's machine's usual speed. */
    private static final int CANARY_STEPS = 300_000;
    private static volatile long canarySink;

    /**
     * The CPU time this thread takes for a fixed piece of arithmetic. CPU time leaves out the time the thread waited for
     * a core, so a rise means each core got slower — as when the machine's host runs something else on the same
     * physical core — not busier.
     */
    private static long canary(java.lang.management.ThreadMXBean threads) {
        long before = threads.getCurrentThreadCpuTime();
        long x = canarySink | 1;
        for (int i = 0; i < CANARY_STEPS; i++) {
            x ^= x << 13;
            x ^= x >>> 7;
            x ^= x << 17;
        }
        canarySink = x;
        return threads.getCurrentThreadCpuTime() - before;
    }

    /** Microseconds some task (index 0) and every task (index 1) waited, from {@code /proc/pressure/KIND}; null without. */
    static long[] pressure(String kind) {
        try {
            long[] total = new long[2];
            for (String line : Files.readAllLines(Path.of("/proc/pressure", kind))) {
                int at = line.indexOf("total=");
                if (at >= 0) {
                    total[line.startsWith("full") ? 1 : 0] = Long.parseLong(line.substring(at + 6).trim());
                }
            }
            return total;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /**
     * The wait events of PostgreSQL's busy processes, e.g. "IO:WalSync 1, Client:ClientRead 2", and what any autovacuum
     * worker is working on; "" when none waits.
     */
    private static final String WAITS = "select coalesce(wait_event_type || ':' || wait_event, 'CPU'), backend_type, query"
            + " from pg_stat_activity where pid <> pg_backend_pid() and (state = 'active' or backend_type <> 'client backend')";
    private static final String CHECKPOINTER = "select buffers_written, write_time, sync_time from pg_stat_checkpointer";

    private static String pgWaits(PreparedStatement st) throws SQLException {
        Map<String, Integer> waits = new TreeMap<>();
        try (ResultSet rs = st.executeQuery()) {
            while (rs.next()) {
                String what = rs.getString(1);
                String who = rs.getString(2);
                if (who.equals("autovacuum worker")) {
                    // what it works on, e.g. "autovacuum: VACUUM public.alert", whether it waits or runs
                    waits.merge(rs.getString(3) + (what.equals("CPU") ? "" : " " + what), 1, Integer::sum);
                    continue;
                }
                // The background processes' idle waits (their main loops) say nothing; what they wait on otherwise does.
                if (!who.equals("client backend") && (what.startsWith("Activity:") || what.equals("CPU"))) {
                    continue;
                }
                waits.merge(who.equals("client backend") ? what : who + " " + what, 1, Integer::sum);
            }
        }
        StringBuilder b = new StringBuilder();
        waits.forEach((k, v) -> b.append(b.length() == 0 ? "" : ", ").append(k).append(' ').append(v));
        return b.toString();
    }

    /** PostgreSQL's checkpointer: buffers written, and milliseconds spent writing and syncing files; null where unknown. */
    private static long[] checkpointer(PreparedStatement st) {
        try (ResultSet rs = st.executeQuery()) {
            rs.next();
            return new long[]{rs.getLong(1), (long) rs.getDouble(2), (long) rs.getDouble(3)};
        } catch (SQLException e) {
            return null; // PostgreSQL before 17 keeps these in pg_stat_bgwriter; the trace goes on without them
        }
    }

    /** The state of the server's own threads that are not running: "caravan-writer-2-a WAITING", … */
    private static String serverThreads(java.lang.management.ThreadMXBean threads) {
        StringBuilder b = new StringBuilder();
        // Without stack traces (depth 0) the states are read without stopping the JVM at a safepoint.
        for (ThreadInfo t : threads.getThreadInfo(threads.getAllThreadIds(), 0)) {
            if (t == null) {
                continue; // ended since its id was read
            }
            String name = t.getThreadName();
            if (name.startsWith("caravan-tenant-") || name.startsWith("caravan-encoder-") || name.startsWith("caravan-writer-")) {
                b.append(b.length() == 0 ? "" : ", ").append(name.substring("caravan-".length())).append(' ')
                        .append(t.getThreadState() == Thread.State.RUNNABLE ? "run" : t.getThreadState().name().toLowerCase(Locale.ROOT));
            }
        }
        return b.toString();
    }

    @Override
    public void close() throws InterruptedException {
        stopped = true;
        thread.join();
    }

    /**
     * Writes the trace: a line per sample from {@code start} (the first request's due time) on, with the requests
     * due in the 100 ms before it (count, answered, slowest) beside what was sampled. Returns the slowest slices'
     * lines, worst first, for the command to print.
     */
    List<String> write(Path file, long start, long interval, long[] latency, int worst) throws IOException {
        List<Sample> all;
        synchronized (samples) {
            all = List.copyOf(samples);
        }
        List<String[]> slow = new ArrayList<>();
        try (PrintWriter out = new PrintWriter(Files.newBufferedWriter(file))) {
            out.println("ms\tdue\tslowest_ms\tcanary_us\tjvm_cpu_ms\tjit_ms\tcompiler_cpu_ms\tgc_workers_cpu_ms\tgc_concurrent_cpu_ms"
                    + "\tmachine_busy_pct\tstolen_ms\tpg_backends_cpu_ms\tpg_autovacuum_cpu_ms\tpg_background_cpu_ms\toutside_cpu_ms\tcpu_wait_some_ms\tio_wait_some_ms"
                    + "\tio_wait_full_ms\tgc\tgc_ms\tcheckpoint_buffers\tcheckpoint_write_ms\tcheckpoint_sync_ms"
                    + "\tpostgres_waits\tserver_threads");
            for (int i = 1; i < all.size(); i++) {
                Sample a = all.get(i - 1);
                Sample b = all.get(i);
                if (b.nanos < start) {
                    continue;
                }
                long from = Math.max(0, ceilDiv(a.nanos - start, interval));
                long to = Math.min(latency.length, ceilDiv(b.nanos - start, interval));
                long due = Math.max(0, to - from);
                long slowest = -1;
                for (long r = from; r < to; r++) {
                    slowest = Math.max(slowest, latency[(int) r]);
                }
                String line = String.format(Locale.ROOT, "%d\t%d\t%s\t%d\t%.1f\t%d\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s"
                                + "\t%s\t%s\t%s\t%d\t%d\t%s\t%s\t%s\t%s\t%s",
                        (b.nanos - start) / 1_000_000, due, slowest < 0 ? "" : String.format(Locale.ROOT, "%.1f", slowest / 1e6),
                        b.canaryNanos / 1000, (b.jvmCpuNanos - a.jvmCpuNanos) / 1e6, b.jitMillis - a.jitMillis,
                        ticks(a.vmThreads, b.vmThreads, 0), ticks(a.vmThreads, b.vmThreads, 1), ticks(a.vmThreads, b.vmThreads, 2),
                        busy(a.machine, b.machine), ticks(a.machine, b.machine, 2),
                        postgresMillis(b, 0), postgresMillis(b, 1), postgresMillis(b, 2), outside(a, b),
                        delta(a.cpuPressure, b.cpuPressure, 0), delta(a.ioPressure, b.ioPressure, 0),
                        delta(a.ioPressure, b.ioPressure, 1), b.gcCount - a.gcCount, b.gcMillis - a.gcMillis,
                        diff(a.checkpointer, b.checkpointer, 0), diff(a.checkpointer, b.checkpointer, 1),
                        diff(a.checkpointer, b.checkpointer, 2), b.pgWaits, b.threads);
                out.println(line);
                slow.add(new String[]{Long.toString(slowest), line});
            }
            if (pgError != null) {
                out.println("# PostgreSQL could not be sampled: " + pgError);
            }
        }
        return slow.stream().sorted(Comparator.comparingLong((String[] s) -> Long.parseLong(s[0])).reversed()).limit(worst)
                .map(s -> s[1]).toList();
    }

    /** PostgreSQL's CPU in the slice before {@code b}: its client backends (0), autovacuum (1) or other processes (2). */
    private static String postgresMillis(Sample b, int kind) {
        return b.postgresTicks == null ? "" : Long.toString(b.postgresTicks[kind] * 10);
    }

    /**
     * The CPU the machine spent in the slice outside this JVM and PostgreSQL: the kernel's own work, other programs. From
     * clock ticks of 10 ms, so a slice's figure is good to about 20 ms either way.
     */
    private static String outside(Sample a, Sample b) {
        if (a.machine == null || b.machine == null || b.postgresTicks == null) {
            return "";
        }
        long machine = (b.machine[0] - a.machine[0] - (b.machine[2] - a.machine[2])) * 10; // stolen time ran no process here
        long postgres = (b.postgresTicks[0] + b.postgresTicks[1] + b.postgresTicks[2]) * 10;
        return String.format(Locale.ROOT, "%.0f", machine - postgres - (b.jvmCpuNanos - a.jvmCpuNanos) / 1e6);
    }

    /**
     * The CPU of PostgreSQL's processes since the last sample, by kind, from {@code /proc}: the postmaster's children are
     * listed at each sample and each one's kind read once from the title PostgreSQL gives it. A process that started in the
     * slice counts from its start; one that ended in it loses what it used after the sample before.
     */
    private static final class PostgresProcesses {

        private final Path dataDirectory;
        /** By process id: {kind, ticks at the last sample}. */
        private final Map<Long, long[]> processes = new java.util.HashMap<>();

        PostgresProcesses(Path dataDirectory) {
            this.dataDirectory = dataDirectory;
        }

        /** Clock ticks since the last call of the client backends, autovacuum and the rest; null where unreadable. */
        long[] read() {
            Map<Long, Long> now = LoadCommand.PostgresCpu.read(dataDirectory);
            if (now == null) {
                return null;
            }
            long[] ticks = new long[3];
            for (var e : now.entrySet()) {
                long[] p = processes.get(e.getKey());
                if (p == null) {
                    p = new long[]{kind(e.getKey()), 0};
                    processes.put(e.getKey(), p);
                }
                ticks[(int) p[0]] += e.getValue() - p[1];
                p[1] = e.getValue();
            }
            processes.keySet().retainAll(now.keySet());
            return ticks;
        }

        /** 1 for an autovacuum process, 0 for a client's backend, 2 for the postmaster and its other helpers. */
        private static int kind(long pid) {
            String title;
            try {
                title = Files.readString(Path.of("/proc", Long.toString(pid), "cmdline")).replace('\0', ' ');
            } catch (IOException ended) {
                return 2;
            }
            if (title.contains("autovacuum")) {
                return 1;
            }
            // A backend's title is "postgres: user database host(port) activity"; the helpers name themselves, without a port.
            return title.startsWith("postgres: ") && title.indexOf('(') > 0 ? 0 : 2;
        }
    }

    private static String ticks(long[] a, long[] b, int i) {
        return a == null || b == null ? "" : Long.toString((b[i] - a[i]) * 10); // clock ticks of 10 ms
    }

    /**
     * The CPU time of the JVM's own threads that its management beans do not show: the JIT compilers and the
     * collector's (its pauses' workers, concurrent marking, refinement), from {@code /proc/self/task}. The threads are
     * looked up by name once a second, since the JVM starts and stops compiler threads as it needs them.
     */
    private static final class VmThreads {

        /** By thread id: {its kind, as in {@link #read}, its last ticks}; ended threads keep their last. */
        private final Map<Long, long[]> threads = new java.util.HashMap<>();
        private int samples;

        /**
         * Clock ticks of the compiler threads (index 0), the collector's pause workers (1) and its threads that work beside
         * the application: concurrent marking, refinement, its service thread (2); null without /proc.
         */
        long[] read() {
            try {
                if (samples++ % 10 == 0) {
                    find();
                }
                long[] ticks = new long[3];
                for (var t : threads.entrySet()) {
                    try {
                        t.getValue()[1] = LoadCommand.cpuTicks(Path.of("/proc/self/task", Long.toString(t.getKey()), "stat"));
                    } catch (IOException ended) {
                        // a compiler thread the JVM stopped: its last figure stands
                    }
                    ticks[(int) t.getValue()[0]] += t.getValue()[1];
                }
                return ticks;
            } catch (IOException | RuntimeException e) {
                return null;
            }
        }

        private void find() throws IOException {
            try (var tasks = Files.list(Path.of("/proc/self/task"))) {
                for (Path task : (Iterable<Path>) tasks::iterator) {
                    String name;
                    try {
                        name = Files.readString(task.resolve("comm")).trim();
                    } catch (IOException ended) {
                        continue;
                    }
                    // G1's names; a pause's workers are "GC Thread#N", the rest works beside the application.
                    int kind = name.startsWith("C1 Compiler") || name.startsWith("C2 Compiler") ? 0
                            : name.startsWith("GC Thread") ? 1 : name.startsWith("G1 ") ? 2 : -1;
                    if (kind >= 0) {
                        threads.putIfAbsent(Long.parseLong(task.getFileName().toString()), new long[]{kind, 0});
                    }
                }
            }
        }
    }

    private static long ceilDiv(long a, long b) {
        return a <= 0 ? 0 : (a + b - 1) / b;
    }

    private static String busy(long[] a, long[] b) {
        if (a == null || b == null || b[1] == a[1]) {
            return "";
        }
        return String.format(Locale.ROOT, "%.0f", 100.0 * (b[0] - a[0]) / (b[1] - a[1]));
    }

    private static String delta(long[] a, long[] b, int i) {
        return a == null || b == null ? "" : String.format(Locale.ROOT, "%.1f", (b[i] - a[i]) / 1e3);
    }

    private static String diff(long[] a, long[] b, int i) {
        return a == null || b == null ? "" : Long.toString(b[i] - a[i]);
    }
}
