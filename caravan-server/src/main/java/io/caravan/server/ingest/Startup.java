package io.caravan.server.ingest;

import io.caravan.engine.Engine;
import io.caravan.json.AssessmentCodec;
import io.caravan.reference.ReferenceData;
import io.caravan.risk.Versions;
import io.caravan.server.audit.AuditLog;
import io.caravan.server.storage.PlannerStatistics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import java.util.Map;
import java.util.TreeMap;

/**
 * On start: records the reference data and model versions in use (audited when they differ from the last
 * start), brings the planner's statistics of the ingest tables up to date ({@link PlannerStatistics}), then rebuilds
 * every tenant's engine from its stored records. The server reports ready only after.
 */
@Component
@Order(1)
class Startup implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(Startup.class);

    private final Ingestion ingestion;
    private final ReferenceData reference;
    private final RecordStore store;
    private final AuditLog audit;
    private final PlannerStatistics statistics;

    Startup(Ingestion ingestion, ReferenceData reference, RecordStore store, AuditLog audit, PlannerStatistics statistics) {
        this.ingestion = ingestion;
        this.reference = reference;
        this.store = store;
        this.audit = audit;
        this.statistics = statistics;
    }

    @Override
    public void run(ApplicationArguments args) {
        Map<String, String> v = new TreeMap<>(reference.versions());
        v.putAll(Engine.MODELS);
        String id = AssessmentCodec.versionsId(Versions.of(v));
        if (store.recordVersions(id, v)) {
            audit.record(null, "system", "reference.loaded", "versions:" + id, String.join(", ", v.entrySet().stream()
                    .map(e -> e.getKey() + "=" + e.getValue()).toList()));
        }
        log.info("Reference data and models: {}", id);
        statistics.refresh();
        long t0 = System.nanoTime();
        ingestion.start();
        log.info("Engines ready in {} ms", (System.nanoTime() - t0) / 1_000_000);
    }
}
