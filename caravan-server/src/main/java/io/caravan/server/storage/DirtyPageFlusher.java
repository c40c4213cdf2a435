package io.caravan.server.storage;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Writes out, every second, the files of the embedded PostgreSQL's database (its tables and indexes) that changed
 * since the last pass.
 *
 * <p>Why: a table or index that grows a page at a time (single-row inserts, B-tree page splits) is extended by
 * writing zeroed pages to its file, and those pages stay dirty in the kernel's page cache until its periodic
 * writeback finds them older than 30 s. PostgreSQL's {@code *_flush_after} settings do not cover them. At
 * 1 000 records/s about 35 MB piled up that way, and the kernel wrote it out in one burst every 10–30 s; for the
 * 0.1 s that took, every commit's WAL sync waited behind it (docs/benchmarks.md, 2026-11-27). Written out each
 * second, the same data goes to the disk in pieces of about a megabyte.
 *
 * <p>Syncing a file PostgreSQL is writing is always safe: it only makes pages durable sooner. Only the embedded
 * database's own files are touched; for an external PostgreSQL, {@code docs/operations.md} gives the kernel
 * setting that does the same.
 */
final class DirtyPageFlusher {

    private static final Logger log = LoggerFactory.getLogger(DirtyPageFlusher.class);

    private static final long PERIOD_MS = 1000;

    private final Path files;
    private final Thread thread;
    private volatile boolean stopped;
    private boolean warned;

    private DirtyPageFlusher(Path databaseFiles) {
        this.files = databaseFiles;
        this.thread = new Thread(this::run, "caravan-postgres-writeback");
        this.thread.setDaemon(true);
    }

    /** Starts flushing the files in {@code databaseFiles}, a database's folder ({@code base/OID} of the data directory). */
    static DirtyPageFlusher start(Path databaseFiles) {
        DirtyPageFlusher f = new DirtyPageFlusher(databaseFiles);
        f.thread.start();
        return f;
    }

    void stop() {
        stopped = true;
        thread.interrupt();
    }

    private void run() {
        long since = System.currentTimeMillis();
        while (!stopped) {
            try {
                TimeUnit.MILLISECONDS.sleep(PERIOD_MS);
            } catch (InterruptedException e) {
                return;
            }
            long passStart = System.currentTimeMillis();
            // A file written during the last pass may carry an mtime a little before that pass began; look back a second more.
            if (flushChangedSince(since - PERIOD_MS) >= 0) {
                since = passStart;
            }
        }
    }

    /**
     * Syncs every data file modified at or after {@code millis}; returns how many it synced, or -1 when the files could
     * not be listed (the next pass then looks back as far again).
     */
    int flushChangedSince(long millis) {
        List<Path> changed = new ArrayList<>();
        try (var found = Files.find(files, 1, (p, a) -> a.isRegularFile() && a.lastModifiedTime().toMillis() >= millis)) {
            found.forEach(changed::add);
        } catch (java.io.UncheckedIOException e) {
            if (!(e.getCause() instanceof NoSuchFileException)) { // a file dropped while listing: try again next time
                warnOnce("could not list " + files, e.getCause());
            }
            return -1;
        } catch (IOException e) {
            warnOnce("could not list " + files, e);
            return -1;
        }
        int synced = 0;
        for (Path p : changed) {
            if (stopped) {
                break;
            }
            try (FileChannel ch = FileChannel.open(p, StandardOpenOption.READ)) {
                ch.force(false);
                synced++;
            } catch (NoSuchFileException gone) {
                // dropped or truncated away since the listing: nothing left to write out
            } catch (java.nio.channels.ClosedByInterruptException e) {
                return synced; // stopped while syncing: the database is closing, and syncs its files itself
            } catch (IOException e) {
                warnOnce("could not sync " + p, e);
            }
        }
        return synced;
    }

    private void warnOnce(String what, Exception e) {
        if (!warned) {
            warned = true;
            log.warn("Writing out the embedded PostgreSQL's dirty pages early: {} ({}); PostgreSQL is unaffected, but"
                    + " commits may stall while the kernel writes them out later. Further failures are not logged.", what,
                    e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }
}
