package io.caravan.server.ingest;

import io.caravan.domain.Event;
import io.caravan.domain.Participant;
import io.caravan.engine.Engine;
import io.caravan.json.AssessmentCodec;
import io.caravan.json.EventReader;
import io.caravan.json.RecordError;
import io.caravan.reference.ReferenceData;
import io.caravan.risk.Assessment;
import io.caravan.server.alerts.AlertDraft;
import io.caravan.server.alerts.AlertRules;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.Function;

/**
 * One tenant's engine and the single thread that owns it. Submissions queue here; the thread takes what
 * has queued (up to a batch), assesses each new record with the state before it and folds it in. The batch
 * then passes to an encoder thread (assessments to JSON, compressed) and a writer thread, which stores its
 * records, assessments and alerts in one transaction — so a request is acknowledged only once all of it is
 * durable, concurrent single-record requests share one commit, and the stages work on consecutive batches at
 * once. Two writers take the batches in turn, each on its own connection, so that the database works on two
 * batches at once; a batch writes its own rows, then waits for the batch before it to commit before it
 * touches the rows batches share (alerts, sums) and commits. Batches thus commit in the order they were
 * assessed, and what is stored is always a prefix of what was folded in. If a transaction fails the engine is
 * rebuilt from storage, so memory never runs ahead of what is stored.
 */
final class TenantLane {

    private static final Logger log = LoggerFactory.getLogger(TenantLane.class);

    private sealed interface Task permits Submit, Read {
    }

    /** Records to store; {@code answered}: the answer carries each assessment's JSON (a single record's does). */
    private record Submit(List<ParsedRecord> records, boolean answered, CompletableFuture<List<RecordOutcome>> result)
            implements Task {
    }

    private record Read(Function<Engine, Object> query, CompletableFuture<Object> result) implements Task {
    }

    private final long tenantId;
    private final ReferenceData reference;
    private final RecordStore store;
    private final TransactionTemplate tx;
    private final int batchRecords;
    private final Timer assessTimer;
    private final MeterRegistry metrics;
    private final BlockingQueue<Task> queue = new LinkedBlockingQueue<>();
    private final Thread thread;
    private final CompletableFuture<Void> ready = new CompletableFuture<>();
    private volatile boolean running = true;
    /** Keys of records folded in but not yet committed. */
    private final java.util.concurrent.ConcurrentHashMap<String, RecordStore.Known> pending = new java.util.concurrent.ConcurrentHashMap<>();
    private final java.util.concurrent.atomic.AtomicBoolean poisoned = new java.util.concurrent.atomic.AtomicBoolean();
    /** Writers, each with its own connection: the database's work on a batch is mostly one process's. */
    static final int WRITERS = 2;
    /** At most this many batches are folded ahead of storage: one being encoded, one per writer, one waiting. */
    private static final int IN_FLIGHT = WRITERS + 2;
    private final java.util.concurrent.Semaphore inFlight = new java.util.concurrent.Semaphore(IN_FLIGHT);
    private final java.util.concurrent.ExecutorService encoder;
    private final java.util.concurrent.ExecutorService[] writers = new java.util.concurrent.ExecutorService[WRITERS];
    /** Batches handed to the writers; on the lane's thread. */
    private long batches;
    /** Completes when the newest batch handed to the writers has committed, or fails with it; on the lane's thread. */
    private CompletableFuture<Void> lastCommit = CompletableFuture.completedFuture(null);
    private Engine engine;
    private long nextSeq;
    /** The identities stored (or being stored): lets new records skip the database lookup. */
    private KeyFilter stored = new KeyFilter(1);
    /** The time of the newest record folded in: the organisation's clock for sweeps (its data may be historical). */
    private java.time.Instant newest = java.time.Instant.EPOCH;

    TenantLane(long tenantId, ReferenceData reference, RecordStore store, TransactionTemplate tx, int batchRecords,
               MeterRegistry metrics) {
        this.tenantId = tenantId;
        this.reference = reference;
        this.store = store;
        this.tx = tx;
        this.batchRecords = batchRecords;
        this.metrics = metrics;
        this.assessTimer = Timer.builder("caravan.assessment").description("Time to assess one record")
                .publishPercentileHistogram().register(metrics);
        this.encoder = stage("caravan-encoder-" + tenantId);
        for (int i = 0; i < WRITERS; i++) {
            writers[i] = stage("caravan-writer-" + tenantId + "-" + (char) ('a' + i));
        }
        this.thread = new Thread(this::loop, "caravan-tenant-" + tenantId);
        thread.setDaemon(true);
        thread.start();
    }

    /**
     * Examines every participant's qualifications as of the organisation's newest record and returns the
     * alerts for those lapsed, missing or about to lapse. Runs on the lane, in turn with ingestion.
     */
    CompletableFuture<List<AlertDraft>> sweepQualifications() {
        return read(e -> {
            List<AlertDraft> out = new ArrayList<>();
            if (newest.equals(java.time.Instant.EPOCH)) {
                return out;
            }
            for (String id : e.participantIds()) {
                e.assessParticipant(id, newest).ifPresent(a -> {
                    for (AlertDraft d : AlertRules.of(a)) {
                        if (d.kind().startsWith("qualification_")) {
                            out.add(d);
                        }
                    }
                });
            }
            return out;
        });
    }

    private static java.util.concurrent.ExecutorService stage(String name) {
        return java.util.concurrent.Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        });
    }

    CompletableFuture<Void> ready() {
        return ready;
    }

    CompletableFuture<List<RecordOutcome>> submit(List<ParsedRecord> records, boolean answered) {
        CompletableFuture<List<RecordOutcome>> f = new CompletableFuture<>();
        queue.add(new Submit(records, answered, f));
        return f;
    }

    @SuppressWarnings("unchecked")
    <T> CompletableFuture<T> read(Function<Engine, T> query) {
        CompletableFuture<Object> f = new CompletableFuture<>();
        queue.add(new Read((Function<Engine, Object>) query, f));
        return (CompletableFuture<T>) f;
    }

    /**
     * Stops taking work; what is queued for storage is written first, then the engine's snapshot unless
     * {@code snapshot} is false (the database no longer answers).
     */
    void stop(boolean snapshot) {
        running = false;
        thread.interrupt();
        encoder.shutdown(); // the encoder hands each batch to a writer: it stops first
        try {
            encoder.awaitTermination(30, java.util.concurrent.TimeUnit.SECONDS);
            for (var w : writers) {
                w.shutdown();
            }
            for (var w : writers) {
                w.awaitTermination(30, java.util.concurrent.TimeUnit.SECONDS);
            }
            thread.join(30_000);
            if (snapshot && !thread.isAlive() && ready.isDone() && !ready.isCompletedExceptionally()) {
                snapshot();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void loop() {
        try {
            rebuild();
            ready.complete(null);
        } catch (RuntimeException e) {
            log.error("could not rebuild the engine of tenant {}", tenantId, e);
            ready.completeExceptionally(e);
        }
        List<Task> tasks = new ArrayList<>();
        while (running) {
            try {
                tasks.clear();
                tasks.add(queue.take());
                int n = size(tasks.get(0));
                if (tasks.get(0) instanceof Submit && n <= RecordStore.SMALL_BATCH) {
                    awaitWritersFree();
                }
                Task t;
                while (n < batchRecords && (t = queue.poll()) != null) {
                    tasks.add(t);
                    n += size(t);
                }
                run(tasks);
            } catch (InterruptedException e) {
                for (Task t : tasks) { // taken from the queue but not yet run
                    fail(t, new IllegalStateException("the server is shutting down; retry the request"));
                }
                break;
            } catch (RuntimeException e) {
                log.error("tenant {} lane failed", tenantId, e);
            }
        }
        for (Task t : queue) {
            fail(t, new IllegalStateException("the server is shutting down; retry the request"));
        }
    }

    /**
     * Waits until every batch in flight has been stored: before a snapshot, and before the lane cuts a batch of single
     * records. A small batch is stored in one statement only after the batch before it commits, so small batches are
     * written one after another anyway; what queues meanwhile goes into the next batch, and a statement's fixed cost is
     * shared by more records. PostgreSQL's part of that cost is most of a small batch's: with pgbench, a statement of
     * two orders with their assessments and sums took about 0.5 ms of the database's time, against some 40 µs an order
     * in a bulk's COPY. Waiting for all batches (not, as before, for all but one) cut the statements at 1 000 records a
     * second from a median of 613 a second to 432, and the machine's CPU per record by about a seventh
     * (docs/benchmarks.md). Bulk chunks are not held back: their rows are written side by side with the batch before.
     */
    private void awaitWritersFree() throws InterruptedException {
        // Only this thread takes permits, so the ones it sees free stay free until it takes one in ingest.
        inFlight.acquire(IN_FLIGHT);
        inFlight.release(IN_FLIGHT);
    }

    private static int size(Task t) {
        return t instanceof Submit s ? Math.max(1, s.records().size()) : 1;
    }

    private void run(List<Task> tasks) {
        List<Submit> group = new ArrayList<>();
        for (Task t : tasks) {
            if (t instanceof Submit s) {
                group.add(s);
            } else if (t instanceof Read r) {
                flush(group);
                try {
                    if (engine == null) {
                        rebuild();
                    }
                    r.result().complete(r.query().apply(engine));
                } catch (RuntimeException e) {
                    r.result().completeExceptionally(e);
                }
            }
        }
        flush(group);
    }

    private void flush(List<Submit> group) {
        if (group.isEmpty()) {
            return;
        }
        try {
            if (poisoned.get()) {
                // A write failed: the batches queued behind it fail too; start again from storage.
                engine = null;
            }
            if (engine == null) {
                drain();
                poisoned.set(false);
                rebuild();
            } else if (nextSeq - 1 - snapshotSeq >= SNAPSHOT_EVERY) {
                // every million records: let the batches in flight be stored, then write the engine down
                awaitWritersFree();
                snapshot();
            }
            ingest(group);
        } catch (RuntimeException | InterruptedException e) {
            log.error("ingesting a batch for tenant {} failed; its engine will be rebuilt from storage", tenantId, e);
            engine = null;
            for (Submit s : group) {
                s.result().completeExceptionally(e instanceof RuntimeException r ? r : new IllegalStateException(e));
            }
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
        }
        group.clear();
    }

    /**
     * Folds a group into the engine and hands its storage to the next writer, so that the next group is
     * assessed while this one is written. Answers go out from the writer only after the commit.
     */
    private void ingest(List<Submit> submitted) throws InterruptedException {
        List<Submit> group = List.copyOf(submitted); // the caller reuses its list; the writer answers these later
        List<String> types = new ArrayList<>();
        List<String> keys = new ArrayList<>();
        Map<String, RecordStore.Known> known = new HashMap<>();
        for (Submit s : group) {
            for (ParsedRecord r : s.records()) {
                String k = r.type() + '\u0000' + r.key();
                RecordStore.Known p = pending.get(k); // looked up before storage: a key leaves pending only once committed
                if (p != null) {
                    known.put(k, p);
                } else if (stored.mightContain(k)) {
                    types.add(r.type());
                    keys.add(r.key());
                }
            }
        }
        known.putAll(store.known(tenantId, types, keys));
        List<ParsedRecord> accepted = new ArrayList<>();
        List<String> acceptedKeys = new ArrayList<>();
        long[] seqs = new long[types.size() + known.size() + 1];
        List<RecordStore.Produced> produced = new ArrayList<>();
        List<AlertDraft> alerts = new ArrayList<>();
        OrderRiskRollup rollup = new OrderRiskRollup();
        List<List<RecordOutcome>> outcomes = new ArrayList<>();
        long seq = nextSeq;
        try {
        for (Submit s : group) {
            List<RecordOutcome> out = new ArrayList<>(s.records().size());
            for (ParsedRecord r : s.records()) {
                String k = r.type() + '\u0000' + r.key();
                RecordStore.Known before = known.get(k);
                if (before != null) {
                    out.add(Arrays.equals(before.digest(), r.digest())
                            ? new RecordOutcome(r.line(), RecordOutcome.Status.DUPLICATE, before.seq(), null,
                                    "already stored as record " + before.seq())
                            : new RecordOutcome(r.line(), RecordOutcome.Status.CONFLICT, before.seq(), null,
                                    "a different " + r.type() + " '" + r.event().id() + "' is already stored (record "
                                            + before.seq() + "); give this one a new id"
                                            + (r.event() instanceof Participant ? ", or a later 'at' if it is a change" : "")));
                    continue;
                }
                long mine = seq++;
                RecordStore.Known k2 = new RecordStore.Known(mine, r.digest());
                known.put(k, k2);
                pending.put(k, k2);
                if (accepted.size() == seqs.length) {
                    seqs = Arrays.copyOf(seqs, seqs.length * 2);
                }
                seqs[accepted.size()] = mine;
                accepted.add(r);
                acceptedKeys.add(k);
                stored.add(k); // before the commit: "maybe" for a key that then fails to store only costs a lookup
                RecordStore.Produced a = fold(mine, r.event(), produced, alerts, rollup);
                if (a != null && s.answered()) {
                    a.answered();
                }
                out.add(new RecordOutcome(r.line(), RecordOutcome.Status.ACCEPTED, mine, a, null));
            }
            outcomes.add(out);
        }
        } catch (RuntimeException e) {
            acceptedKeys.forEach(pending::remove); // nothing of this group reaches storage
            throw e;
        }
        nextSeq = seq;
        Folded f = new Folded(group, accepted, Arrays.copyOf(seqs, accepted.size()), acceptedKeys, produced, alerts, rollup, outcomes);
        inFlight.acquire();
        CompletableFuture<Void> before = lastCommit;
        CompletableFuture<Void> committed = new CompletableFuture<>();
        lastCommit = committed;
        var writer = writers[(int) (batches++ % WRITERS)];
        encoder.execute(() -> {
            RuntimeException failed = null;
            try {
                store.encode(f.produced());
            } catch (RuntimeException e) {
                failed = e;
            }
            RuntimeException encodingFailed = failed;
            writer.execute(() -> store(f, encodingFailed, before, committed));
        });
    }

    /** Waits until every batch handed on has been stored or has failed; on the lane's thread. */
    private void drain() throws InterruptedException {
        try {
            lastCommit.get();
        } catch (java.util.concurrent.ExecutionException e) {
            // that batch failed and has answered its requests; nothing more is in flight
        }
        lastCommit = CompletableFuture.completedFuture(null);
    }

    /** A group folded into the engine, on its way to storage: the records accepted and what they produced. */
    private record Folded(List<Submit> group, List<ParsedRecord> accepted, long[] seqs, List<String> keys,
                          List<RecordStore.Produced> produced, List<AlertDraft> alerts, OrderRiskRollup rollup,
                          List<List<RecordOutcome>> outcomes) {
    }

    /**
     * On a writer thread: stores a folded, encoded group in one transaction (one statement when the group is small),
     * which commits only after the batch before it ({@code before}) has; then answers its requests.
     */
    private void store(Folded f, RuntimeException encodingFailed, CompletableFuture<Void> before,
                       CompletableFuture<Void> committed) {
        try {
            if (encodingFailed != null) {
                throw encodingFailed;
            }
            if (!f.accepted().isEmpty() && f.accepted().size() <= RecordStore.SMALL_BATCH) {
                // One statement, one round trip: nothing of it overlaps the batch before, which costs a small batch
                // less than the separate statements of a transaction would.
                await(before);
                store.writeSmall(tenantId, f.accepted(), f.seqs(), f.produced(), f.alerts(), f.rollup());
                counted(f);
            } else if (!f.accepted().isEmpty()) {
                tx.executeWithoutResult(status -> {
                    try {
                        store.writeRows(tenantId, f.accepted(), f.seqs(), f.produced());
                    } catch (java.sql.SQLException e) {
                        throw new org.springframework.dao.DataAccessResourceFailureException(e.getMessage(), e);
                    }
                    await(before);
                    store.writeShared(tenantId, f.alerts(), f.rollup());
                });
                counted(f);
            } else {
                await(before); // its duplicates may be of records still being stored
            }
            committed.complete(null);
            f.produced().forEach(RecordStore.Produced::stored);
            f.keys().forEach(pending::remove);
            for (int i = 0; i < f.group().size(); i++) {
                f.group().get(i).result().complete(f.outcomes().get(i));
            }
        } catch (RuntimeException e) {
            if (!poisoned.getAndSet(true)) {
                log.error("storing a batch for tenant {} failed; its engine will be rebuilt from storage", tenantId, e);
            }
            committed.completeExceptionally(e);
            f.keys().forEach(pending::remove);
            for (Submit s : f.group()) {
                s.result().completeExceptionally(e);
            }
        } finally {
            inFlight.release();
        }
    }

    private void counted(Folded f) {
        metrics.counter("caravan.ingest.records", "outcome", "accepted").increment(f.accepted().size());
        for (AlertDraft a : f.alerts()) {
            metrics.counter("caravan.alerts.raised", "severity", a.severity().name(), "kind", a.kind()).increment();
        }
    }

    /** Waits for the batch before to commit; if it failed, this one must not be stored either. */
    private static void await(CompletableFuture<Void> before) {
        try {
            before.get();
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("an earlier batch of this organisation could not be stored; retry", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("the server is shutting down; retry the request", e);
        }
    }

    /** Assesses a new record with the state before it, then folds it in; returns the assessment to store, if any. */
    private RecordStore.Produced fold(long seq, Event e, List<RecordStore.Produced> produced, List<AlertDraft> alerts,
                                      OrderRiskRollup rollup) {
        long t0 = System.nanoTime();
        if (e.at().isAfter(newest)) {
            newest = e.at();
        }
        Optional<Assessment> a = engine.step(e);
        if (e instanceof io.caravan.domain.Disruption d) {
            // An event reaches the shipments already on their way: each is assessed anew, stored and alerted on.
            for (Assessment touched : engine.inFlightTouchedBy(d)) {
                produced.add(new RecordStore.Produced(seq, touched, versionsId(touched)));
                alerts.addAll(AlertRules.of(touched));
            }
        }
        if (a.isEmpty()) {
            return null;
        }
        assessTimer.record(System.nanoTime() - t0, java.util.concurrent.TimeUnit.NANOSECONDS);
        Assessment x = a.get();
        RecordStore.Produced p = new RecordStore.Produced(seq, x, versionsId(x));
        produced.add(p);
        if (e instanceof io.caravan.domain.Order o && x.subject() == io.caravan.risk.SubjectType.ORDER) {
            rollup.add(o, x);
        }
        alerts.addAll(AlertRules.of(x));
        return p;
    }

    private io.caravan.risk.Versions lastVersions;
    private String lastVersionsId;

    /** The versions id of an assessment; the engine reuses one versions object, so the digest is computed once. */
    private String versionsId(Assessment a) {
        if (a.versions() != lastVersions) {
            lastVersionsId = AssessmentCodec.versionsId(a.versions());
            lastVersions = a.versions();
        }
        return lastVersionsId;
    }

    /**
     * Rebuilds the engine from storage: from its snapshot, when one was written by a build with the same classes and
     * the same reference data, and the records after it; otherwise from every stored record, in acceptance order.
     */
    private void rebuild() {
        long t0 = System.nanoTime();
        Engine e = new Engine(reference);
        String versions = AssessmentCodec.versionsId(e.versions());
        KeyFilter keys = new KeyFilter(Math.max(4_000_000L, 2 * store.count(tenantId)));
        long from = 1;
        Optional<RecordStore.Snapshot> snapshot = store.snapshot(tenantId);
        if (snapshot.isPresent()) {
            RecordStore.Snapshot snap = snapshot.get();
            String why = !snap.versionsId().equals(versions) ? "it was built with other reference data or models"
                    : !snap.fingerprint().equals(EngineSnapshots.fingerprint(snap.classes())) ? "it was written by another build"
                    : null;
            if (why == null) {
                try {
                    e = EngineSnapshots.read(reference, snap.body());
                    from = snap.seq() + 1;
                    newest = snap.newest();
                    tx.executeWithoutResult(status -> store.keys(tenantId, snap.seq(), keys::add));
                    snapshotSeq = snap.seq();
                } catch (java.io.IOException | RuntimeException ex) {
                    why = "it could not be read (" + ex.getMessage() + ")";
                    e = new Engine(reference);
                    from = 1;
                    newest = java.time.Instant.EPOCH;
                }
            }
            if (why != null) {
                log.warn("The engine snapshot of tenant {} is not used: {}; replaying every record", tenantId, why);
            }
        }
        Engine engine0 = e;
        EventReader reader = new EventReader(reference);
        List<RecordError> errors = new ArrayList<>();
        long[] count = new long[1];
        long first = from;
        tx.executeWithoutResult(status -> store.replay(tenantId, first, s -> {
            keys.add(s.type() + '\u0000' + s.key());
            Event ev = reader.decodeLine("stored record", s.seq(), s.json(), ParsedRecord.recordType(s.type()), errors);
            if (ev == null) {
                throw new IllegalStateException("stored record " + s.seq() + " of tenant " + tenantId
                        + " no longer decodes: " + errors.get(errors.size() - 1));
            }
            engine0.observe(ev);
            if (ev.at().isAfter(newest)) {
                newest = ev.at();
            }
            count[0]++;
        }));
        engine = engine0;
        stored = keys;
        nextSeq = store.nextSeq(tenantId);
        if (count[0] > 0 || from > 1) {
            log.info("Rebuilt the engine of tenant {} from {}{} stored records in {} ms", tenantId,
                    from > 1 ? "its snapshot after record " + (from - 1) + " and the " : "", count[0],
                    (System.nanoTime() - t0) / 1_000_000);
        }
        if (count[0] >= SNAPSHOT_EVERY) {
            snapshot();
        }
    }

    /** Records folded in between two snapshots written while running. */
    static final long SNAPSHOT_EVERY = 1_000_000;
    /** The last record in the newest snapshot. */
    private long snapshotSeq;

    /**
     * Writes the engine down, when it holds records the last snapshot does not and every record folded in is
     * stored (none in flight, no failed write). On the lane's thread, or after it ended.
     */
    private void snapshot() {
        if (engine == null || poisoned.get() || nextSeq - 1 <= snapshotSeq || inFlight.availablePermits() < IN_FLIGHT) {
            return;
        }
        long t0 = System.nanoTime();
        try {
            EngineSnapshots.Written w = EngineSnapshots.write(engine);
            long seq = nextSeq - 1;
            store.saveSnapshot(tenantId, new RecordStore.Snapshot(seq, newest, AssessmentCodec.versionsId(engine.versions()),
                    w.classes(), w.fingerprint(), w.body()));
            snapshotSeq = seq;
            log.info("Wrote the engine snapshot of tenant {} after record {} ({} bytes) in {} ms", tenantId, seq, w.body().length,
                    (System.nanoTime() - t0) / 1_000_000);
        } catch (org.springframework.jdbc.CannotGetJdbcConnectionException ex) {
            log.warn("Could not write the engine snapshot of tenant {}: the database did not answer ({}); the next start"
                    + " replays more records", tenantId, ex.getMostSpecificCause().getMessage());
        } catch (RuntimeException ex) {
            log.warn("Could not write the engine snapshot of tenant {}; the next start replays more records", tenantId, ex);
        }
    }

    private static void fail(Task t, RuntimeException e) {
        if (t instanceof Submit s) {
            s.result().completeExceptionally(e);
        } else if (t instanceof Read r) {
            r.result().completeExceptionally(e);
        }
    }
}
