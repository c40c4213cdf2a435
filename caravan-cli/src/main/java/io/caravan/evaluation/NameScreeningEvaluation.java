package io.caravan.evaluation;

import io.caravan.reference.SanctionedParty;
import io.caravan.reference.SanctionsList;
import io.caravan.screening.SanctionsIndex;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Name screening on nomenklatura's name_bench: 826 hand-labelled pairs of person and company names. Each
 * pair is screened as Caravan screens a payer against a one-entry list (name2 listed, name1 screened). The
 * published baseline is OpenSanctions' logic-v2 matcher's own verdicts on the same benchmark.
 */
final class NameScreeningEvaluation {

    record Result(int pairs, int positives, Metrics.Confusion caravan, Map<SanctionsIndex.MatchKind, long[]> byKind,
                  double auc, double brier, int baselinePairs, Metrics.Confusion baseline) {
    }

    static Result run(Path data) throws IOException {
        List<Map<String, String>> cases = Datasets.csv(Datasets.require(data, "name-matching/nomenklatura_name_bench_cases.csv"),
                StandardCharsets.UTF_8);
        int n = cases.size();
        boolean[] predicted = new boolean[n];
        double[] p = new double[n];
        int[] y = new int[n];
        Map<SanctionsIndex.MatchKind, long[]> byKind = new EnumMap<>(SanctionsIndex.MatchKind.class);
        int positives = 0;
        for (int i = 0; i < n; i++) {
            Map<String, String> c = cases.get(i);
            y[i] = Boolean.parseBoolean(c.get("is_match").trim()) ? 1 : 0;
            positives += y[i];
            SanctionsList one = new SanctionsList("bench", "bench", "", List.of(
                    new SanctionedParty("bench-" + i, c.get("name2"), "entity", List.of(), List.of())));
            Optional<SanctionsIndex.Match> m = new SanctionsIndex(one).screen(c.get("name1"));
            predicted[i] = m.isPresent();
            if (m.isPresent()) {
                long[] k = byKind.computeIfAbsent(m.get().kind(), x -> new long[2]);
                k[0]++;
                k[1] += y[i];
                p[i] = switch (m.get().kind()) {
                    case EXACT -> 0.98;
                    case NORMALISED -> 0.9;
                    case REORDERED -> 0.8;
                };
            }
        }
        List<Map<String, String>> base = Datasets.csv(Datasets.require(data, "name-matching/nomenklatura_logicv2-frozen.csv"),
                StandardCharsets.UTF_8);
        boolean[] bp = new boolean[base.size()];
        int[] by = new int[base.size()];
        for (int i = 0; i < base.size(); i++) {
            bp[i] = Boolean.parseBoolean(base.get(i).get("predicted_match").trim());
            by[i] = Boolean.parseBoolean(base.get(i).get("is_match").trim()) ? 1 : 0;
        }
        return new Result(n, positives, Metrics.confusion(predicted, y), byKind, Metrics.auc(p, y), Metrics.brier(p, y),
                base.size(), Metrics.confusion(bp, by));
    }
}
