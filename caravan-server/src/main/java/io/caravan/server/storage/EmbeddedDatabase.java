package io.caravan.server.storage;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The embedded default: a real PostgreSQL, started from the binaries that come from Maven Central, whose
 * data stays in a folder of the user's ({@code ~/.caravan/postgres} unless told otherwise) so that a
 * restart keeps everything. A server that was killed leaves its PostgreSQL running; the next start finds
 * that process through {@code postmaster.pid} and stops it before starting its own. A running server holds a
 * lock on {@code postgres.lock} beside the folder, which the operating system lets go when the process ends
 * however it ends, so that a second server started on the same folder stops with an error instead of taking
 * the running server's PostgreSQL for one left behind.
 */
public final class EmbeddedDatabase implements Closeable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabase.class);

    private final EmbeddedPostgres postgres;
    private final Path dataDirectory;
    private final DirtyPageFlusher flusher;
    private final java.util.concurrent.CountDownLatch closed = new java.util.concurrent.CountDownLatch(1);

    private final FileChannel claim;

    private EmbeddedDatabase(EmbeddedPostgres postgres, Path dataDirectory, DirtyPageFlusher flusher,
                             FileChannel claim) {
        this.postgres = postgres;
        this.dataDirectory = dataDirectory;
        this.flusher = flusher;
        this.claim = claim;
    }

    /**
     * At exit the server closes the database last, after each engine's snapshot is written; this hook only
     * stops PostgreSQL if that has not happened within a minute (the library's own hook would stop it at once,
     * racing the server's shutdown).
     */
    private void stopAtExit() {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                if (!closed.await(60, java.util.concurrent.TimeUnit.SECONDS)) {
                    log.warn("The server did not close its database within a minute of exit; stopping PostgreSQL");
                }
                close();
            } catch (InterruptedException | IOException e) {
                log.warn("Could not stop the embedded PostgreSQL at exit", e);
            }
        }, "caravan-postgres-stop"));
    }

    /** Starts PostgreSQL on {@code dataDirectory}, creating the cluster on first use. */
    public static EmbeddedDatabase start(Path dataDirectory) throws IOException {
        Files.createDirectories(dataDirectory);
        FileChannel claim = claim(dataDirectory);
        try {
            return start(dataDirectory, claim);
        } catch (IOException | RuntimeException e) {
            claim.close();
            throw e;
        }
    }

    private static EmbeddedDatabase start(Path dataDirectory, FileChannel claim) throws IOException {
        stopOrphan(dataDirectory);
        boolean fresh = !Files.exists(dataDirectory.resolve("postgresql.conf"));
        log.info("{} embedded PostgreSQL in {}", fresh ? "Creating" : "Starting", dataDirectory);
        EmbeddedPostgres pg = EmbeddedPostgres.builder()
                .setDataDirectory(dataDirectory)
                .setCleanDataDirectory(false)
                .setPGStartupWait(Duration.ofSeconds(60))
                .setRegisterShutdownHook(false)
                .setServerConfig("listen_addresses", "localhost")
                // The embedded default keeps real data: durable commits (the library's test defaults turn these off).
                .setServerConfig("fsync", "on")
                .setServerConfig("synchronous_commit", "on")
                .setServerConfig("full_page_writes", "on")
                .setServerConfig("max_connections", "60")
                .setServerConfig("shared_buffers", "256MB")
                .setServerConfig("max_wal_size", "2GB")
                // A larger WAL buffer and rarer checkpoints: with the default 8 MB, commits stalled for 0.1-1 s
                // behind WAL and checkpoint writes at 1 000 records/s (docs/benchmarks.md).
                .setServerConfig("wal_buffers", "64MB")
                .setServerConfig("checkpoint_timeout", "15min")
                // Commits stalled for 30-50 ms each time PostgreSQL began a new 16 MB WAL file, every 7 s at 1 000
                // records/s, because it filled the file with zeros and synced it first. Without the zeros a WAL file
                // is as durable (each commit's sync also records the blocks it allocated); only where a full disk
                // shows up changes, at a WAL write instead of at the file's creation. Old WAL files are reused once
                // checkpoints run, so this matters most in a new or busy store's first quarter of an hour.
                .setServerConfig("wal_init_zero", "off")
                // Table pages a backend writes out (once shared_buffers is full of changed pages) are handed to the
                // kernel's writeback every 256 kB instead of piling up for its 30 s flush. The zeroed pages that
                // extend a growing file are not covered: DirtyPageFlusher writes those out.
                .setServerConfig("backend_flush_after", "256kB")
                .start();
        EmbeddedDatabase db = new EmbeddedDatabase(pg, dataDirectory, DirtyPageFlusher.start(databaseFiles(pg, dataDirectory)), claim);
        db.stopAtExit();
        return db;
    }

    /**
     * The folder of the {@code postgres} database's files ({@code base/OID}): the only database the server writes to; the
     * template databases' files beside it never change.
     */
    private static Path databaseFiles(EmbeddedPostgres pg, Path dataDirectory) throws IOException {
        try (var con = pg.getPostgresDatabase().getConnection(); var st = con.createStatement();
             var rs = st.executeQuery("select oid from pg_database where datname = 'postgres'")) {
            rs.next();
            return dataDirectory.resolve("base").resolve(Long.toString(rs.getLong(1)));
        } catch (java.sql.SQLException e) {
            throw new IOException("the embedded PostgreSQL started but could not be queried: " + e.getMessage(), e);
        }
    }

    /** The JDBC URL of the {@code postgres} database as user {@code postgres} (local, trust authentication). */
    public String jdbcUrl() {
        return postgres.getJdbcUrl("postgres", "postgres");
    }

    @Override
    public synchronized void close() throws IOException {
        if (closed.getCount() > 0) {
            flusher.stop();
            if (postmaster(dataDirectory).isPresent()) {
                postgres.close();
            } else {
                // Asking a PostgreSQL that is gone to stop fails after a wait, with a stack trace that says nothing more.
                log.warn("The embedded PostgreSQL of {} had stopped before the server did (killed, or its folder removed?);"
                        + " the next start checks its data and recovers from its WAL", dataDirectory);
            }
            claim.close();
            closed.countDown();
        }
    }

    /**
     * Locks {@code postgres.lock} beside the data folder for as long as this process runs, writing its pid there;
     * refuses when another process holds it: that process is a server using the folder now.
     */
    static FileChannel claim(Path dataDirectory) throws IOException {
        Path file = dataDirectory.resolveSibling(dataDirectory.getFileName() + ".lock");
        FileChannel channel = FileChannel.open(file,
                StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null;
        }
        if (lock == null) {
            String holder = new String(Files.readAllBytes(file), StandardCharsets.US_ASCII).trim();
            channel.close();
            throw new IOException("another Caravan server" + (holder.isEmpty() ? "" : " (process " + holder + ")")
                    + " is using the embedded PostgreSQL in " + dataDirectory + "; stop it first, or start this one"
                    + " with a home of its own (--home DIR)");
        }
        channel.truncate(0);
        channel.write(ByteBuffer.wrap(Long.toString(ProcessHandle.current().pid())
                .getBytes(StandardCharsets.US_ASCII)), 0);
        return channel;
    }

    /** Stops a PostgreSQL that a previous, killed run left serving this data directory. */
    static void stopOrphan(Path dataDirectory) throws IOException {
        Optional<ProcessHandle> orphan = postmaster(dataDirectory);
        if (orphan.isEmpty()) {
            return;
        }
        ProcessHandle p = orphan.get();
        log.warn("A PostgreSQL left running by an earlier run (pid {}) still serves {}; stopping it", p.pid(), dataDirectory);
        p.destroy(); // SIGTERM: PostgreSQL's smart shutdown; its clients are gone with the process that was killed
        try {
            p.onExit().get(60, java.util.concurrent.TimeUnit.SECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            p.destroyForcibly();
            throw new IOException("the PostgreSQL left running on " + dataDirectory + " (pid " + p.pid()
                    + ") did not stop within 60 s; stop it (kill " + p.pid() + ") and start again");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while stopping the PostgreSQL left running on " + dataDirectory);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IOException(e);
        }
    }

    private static Optional<ProcessHandle> postmaster(Path dataDirectory) throws IOException {
        Path pidFile = dataDirectory.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return Optional.empty();
        }
        List<String> lines = Files.readAllLines(pidFile);
        if (lines.isEmpty()) {
            return Optional.empty();
        }
        long pid;
        try {
            pid = Long.parseLong(lines.get(0).trim());
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        return ProcessHandle.of(pid).filter(ProcessHandle::isAlive)
                .filter(h -> h.info().command().map(c -> c.endsWith("postgres")).orElse(false));
    }
}
