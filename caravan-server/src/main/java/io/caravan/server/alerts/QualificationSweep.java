package io.caravan.server.alerts;

import io.caravan.server.ingest.Ingestion;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Licences lapse with time, not only when a record arrives: every {@code caravan.alerts.sweep-interval}
 * (an hour by default) each organisation's participants are examined as of its newest record, and lapsed,
 * missing or expiring qualifications raise (or repeat) their alerts.
 */
@Component
public class QualificationSweep {

    private static final Logger log = LoggerFactory.getLogger(QualificationSweep.class);

    private final Ingestion ingestion;

    public QualificationSweep(Ingestion ingestion) {
        this.ingestion = ingestion;
    }

    @Scheduled(fixedDelayString = "${caravan.alerts.sweep-interval:PT1H}", initialDelayString = "${caravan.alerts.sweep-interval:PT1H}")
    public void sweep() {
        try {
            int n = ingestion.sweepQualifications();
            log.info("Qualification sweep: {} alert(s) raised or repeated", n);
        } catch (RuntimeException e) {
            log.error("the qualification sweep failed; it runs again at the next interval", e);
        }
    }
}
