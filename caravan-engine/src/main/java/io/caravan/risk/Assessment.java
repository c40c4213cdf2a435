package io.caravan.risk;

import java.time.Instant;
import java.util.List;

/**
 * Everything Caravan concluded about one subject as of one moment: an estimate per risk it found
 * relevant, the money at stake ({@code exposureUsd}), the expected loss, the decision, and the versions
 * of everything that produced it.
 */
public record Assessment(
        String id,
        SubjectType subject,
        String subjectId,
        Instant asOf,
        List<Estimate> estimates,
        double exposureUsd,
        double expectedLossUsd,
        Decision decision,
        Versions versions) {

    public Assessment {
        estimates = List.copyOf(estimates);
    }

    /** The highest probability among the estimates of a category, 0 when there is none. */
    public double probability(RiskCategory category) {
        double p = 0;
        for (Estimate e : estimates) {
            if (e.category() == category) {
                p = Math.max(p, e.probability());
            }
        }
        return p;
    }
}
