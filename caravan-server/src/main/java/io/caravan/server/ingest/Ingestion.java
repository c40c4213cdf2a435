package io.caravan.server.ingest;

import io.caravan.engine.Engine;
import io.caravan.reference.ReferenceData;
import io.caravan.server.CaravanProperties;
import io.caravan.server.web.ApiException;
import io.caravan.server.web.RateLimited;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

/** Hands records to their tenant's lane and waits until they are stored; answers engine queries the same way. */
@Service
public class Ingestion implements DisposableBean {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(Ingestion.class);

    private static final long TIMEOUT_SECONDS = 300;

    private final ReferenceData reference;
    private final RecordStore store;
    private final TransactionTemplate tx;
    private final CaravanProperties.Ingest limits;
    private final MeterRegistry metrics;
    private final JdbcTemplate jdbc;
    private final ConcurrentHashMap<Long, TenantLane> lanes = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<Long, TokenBucket> buckets = new ConcurrentHashMap<>();

    public Ingestion(ReferenceData reference, RecordStore store, TransactionTemplate tx, CaravanProperties properties,
                     MeterRegistry metrics, JdbcTemplate jdbc) {
        this.reference = reference;
        this.store = store;
        this.tx = tx;
        this.limits = properties.ingest();
        this.metrics = metrics;
        this.jdbc = jdbc;
    }

    public RecordParser parser() {
        return new RecordParser(reference, limits.maxBodyBytes(), limits.maxRecords(), limits.maxAhead(), java.time.Clock.systemUTC());
    }

    /** Rebuilds the engine of every tenant that has records; returns when all are ready. */
    public void start() {
        List<Long> tenants = jdbc.queryForList("select id from tenant t where exists (select 1 from record r where r.tenant_id = t.id)",
                Long.class);
        for (long t : tenants) {
            lane(t);
        }
        for (long t : tenants) {
            lane(t).ready().join();
        }
    }

    /** Refuses with 429 when the tenant has sent more records than its rate allows. */
    public void admit(long tenantId, int records) {
        long wait = bucket(tenantId).take(Math.max(1, records));
        if (wait > 0) {
            metrics.counter("caravan.ingest.rate_limited").increment();
            throw new RateLimited("your organisation has sent more than " + (long) limits.recordsPerSecond()
                    + " records per second (caravan.ingest.records-per-second); retry after " + wait + " s", wait);
        }
    }

    /** Waits out the organisation's rate limit instead of refusing: for a person's upload, which must not fail part-way. */
    public void admitWaiting(long tenantId, int records) {
        TokenBucket b = bucket(tenantId);
        for (long wait = b.take(Math.max(1, records)); wait > 0; wait = b.take(Math.max(1, records))) {
            try {
                Thread.sleep(Math.min(5_000, wait * 1000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ApiException(HttpStatus.SERVICE_UNAVAILABLE, "interrupted", null, "the server is stopping");
            }
        }
    }

    private TokenBucket bucket(long tenantId) {
        return buckets.computeIfAbsent(tenantId, k -> new TokenBucket(limits.recordsPerSecond(), limits.burst()));
    }

    /**
     * Stores the records (those not stored before) with their assessments; blocks until durable. The outcomes carry
     * each assessment's JSON, for an answer that shows it.
     */
    public List<RecordOutcome> submit(long tenantId, List<ParsedRecord> records) {
        TenantLane lane = lane(tenantId);
        int chunk = limits.batchRecords();
        if (records.size() <= chunk) {
            return await(lane.submit(records, true));
        }
        // Chunks are stored in order, each in its own transaction: a large body never becomes one huge
        // transaction, and if the server stops part-way the stored chunks are recognised when the body is re-sent.
        List<java.util.concurrent.CompletableFuture<List<RecordOutcome>>> parts = new java.util.ArrayList<>();
        for (int i = 0; i < records.size(); i += chunk) {
            parts.add(lane.submit(records.subList(i, Math.min(records.size(), i + chunk)), true));
        }
        List<RecordOutcome> all = new java.util.ArrayList<>(records.size());
        for (var p : parts) {
            all.addAll(await(p));
        }
        return all;
    }

    /**
     * Queues records for storage; the future completes once they are durable. The outcomes say whether each record
     * produced an assessment, without its JSON, which is then never written: a bulk's answer only counts them.
     */
    public java.util.concurrent.CompletableFuture<List<RecordOutcome>> submitAsync(long tenantId, List<ParsedRecord> records) {
        return lane(tenantId).submit(records, false);
    }

    /** Records per transaction. */
    public int batchRecords() {
        return limits.batchRecords();
    }

    /**
     * Raises the qualification alerts that time alone brings (a licence lapsing with no new record about its
     * holder), for every organisation with records; returns how many were raised or repeated.
     */
    public int sweepQualifications() {
        int n = 0;
        for (var e : lanes.entrySet()) {
            List<io.caravan.server.alerts.AlertDraft> drafts = await(e.getValue().sweepQualifications());
            if (!drafts.isEmpty()) {
                tx.executeWithoutResult(s -> store.raise(e.getKey(), drafts));
                n += drafts.size();
            }
        }
        return n;
    }

    /** Runs a read-only query on the tenant's engine, in turn with its ingestion. */
    public <T> T withEngine(long tenantId, Function<Engine, T> query) {
        return await(lane(tenantId).read(query));
    }

    private TenantLane lane(long tenantId) {
        return lanes.computeIfAbsent(tenantId, t -> new TenantLane(t, reference, store, tx, limits.batchRecords(), metrics));
    }

    static <T> T await(java.util.concurrent.CompletableFuture<T> f) {
        try {
            return f.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ApiException(HttpStatus.SERVICE_UNAVAILABLE, "interrupted", null, "the server is stopping; retry the request");
        } catch (TimeoutException e) {
            throw new ApiException(HttpStatus.SERVICE_UNAVAILABLE, "timeout", null,
                    "the records were not stored within " + TIMEOUT_SECONDS + " s; retry (records already stored are recognised as duplicates)");
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            if (c instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(c);
        }
    }

    /**
     * Stops every lane. Each writes its engine's snapshot unless the database has stopped answering: a connection is
     * waited for up to the pool's 30 s, once per organisation, so a server whose database had gone away took minutes to
     * stop. One probe, bounded by {@link #STOPPING_PROBE_SECONDS}, decides for all.
     */
    @Override
    public void destroy() {
        boolean answers = lanes.isEmpty() || databaseAnswers();
        if (!answers) {
            log.warn("The database did not answer within {} s as the server stopped; no engine snapshot is written, and the"
                    + " next start replays the records since the last one", STOPPING_PROBE_SECONDS);
        }
        lanes.values().forEach(l -> l.stop(answers));
    }

    /** How long a stopping server waits for the database to answer before it gives up on writing snapshots. */
    static final long STOPPING_PROBE_SECONDS = 5;

    private boolean databaseAnswers() {
        var probe = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
            try {
                return jdbc.queryForObject("select 1", Integer.class) == 1;
            } catch (RuntimeException e) {
                return false;
            }
        });
        try {
            return probe.get(STOPPING_PROBE_SECONDS, java.util.concurrent.TimeUnit.SECONDS);
        } catch (java.util.concurrent.TimeoutException | java.util.concurrent.ExecutionException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Tokens refill at {@code rate} per second up to {@code burst}. */
    static final class TokenBucket {
        private final double rate;
        private final double burst;
        private double tokens;
        private long last = System.nanoTime();

        TokenBucket(double rate, double burst) {
            this.rate = rate;
            this.burst = burst;
            this.tokens = burst;
        }

        /** Takes {@code n} tokens and returns 0, or returns the whole seconds to wait and takes nothing. */
        synchronized long take(int n) {
            long now = System.nanoTime();
            tokens = Math.min(burst, tokens + (now - last) / 1e9 * rate);
            last = now;
            if (tokens >= n || n > burst && tokens >= burst) {
                tokens -= n;
                return 0;
            }
            return Math.max(1, (long) Math.ceil((n - tokens) / rate));
        }
    }
}
