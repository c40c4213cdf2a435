package io.caravan.evaluation;

import io.caravan.risk.Percent;
import io.caravan.screening.SanctionsIndex;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/** Runs every evaluation and renders the results as text (the tables of docs/evaluation.md). */
public final class EvaluationReport {

    private EvaluationReport() {
    }

    public static String run(Path data) throws IOException {
        StringBuilder sb = new StringBuilder("CARAVAN EVALUATION on " + data + "\n");

        LateDeliveryEvaluation.Result late = LateDeliveryEvaluation.run(data);
        sb.append("\nLate delivery — DataCo, lane = shipping mode × market, time split: ")
                .append(late.train()).append(" train / ").append(late.test()).append(" held out\n");
        sb.append(String.format(Locale.ROOT, "  %-40s %7s %7s %8s%n", "estimator", "AUC", "Brier", "log loss"));
        row(sb, "training base rate (" + Percent.of(late.baseRate()) + ")", late.base());
        row(sb, "mode rate (shrunk, m = 10)", late.mode());
        row(sb, "lane rate shrunk toward mode (Caravan)", late.lane());
        sb.append("  reliability of the lane estimator (held out):\n");
        sb.append(String.format(Locale.ROOT, "    %-11s %10s %10s %7s%n", "predicted", "mean", "observed", "n"));
        for (Metrics.Bin b : late.reliability()) {
            sb.append(String.format(Locale.ROOT, "    %-11s %10s %10s %7d%n", Percent.of(b.from()) + "–" + Percent.of(b.to()),
                    Percent.of(b.meanPredicted()), Percent.of(b.observed()), b.count()));
        }

        NameScreeningEvaluation.Result names = NameScreeningEvaluation.run(data);
        sb.append("\nName screening — nomenklatura name_bench, ").append(names.pairs()).append(" labelled pairs (")
                .append(names.positives()).append(" matches)\n");
        sb.append(String.format(Locale.ROOT, "  %-36s %9s %7s %7s%n", "matcher", "precision", "recall", "F1"));
        confusion(sb, "Caravan exact/normalised/reordered", names.caravan());
        confusion(sb, "OpenSanctions logic-v2 (" + names.baselinePairs() + " pairs)", names.baseline());
        sb.append(String.format(Locale.ROOT, "  scored as probabilities: AUC %.3f, Brier %.3f%n", names.auc(), names.brier()));
        for (Map.Entry<SanctionsIndex.MatchKind, long[]> e : names.byKind().entrySet()) {
            long[] k = e.getValue();
            sb.append(String.format(Locale.ROOT, "  %-12s matches %4d, of which true %4d (%s)%n", e.getKey(), k[0], k[1],
                    Percent.of(k[1] / (double) k[0])));
        }

        CopiedListingEvaluation.Result copies = CopiedListingEvaluation.run(data);
        sb.append("\nNear-duplicate product text — Abt-Buy, test split ").append(copies.testPairs()).append(" pairs (")
                .append(copies.testPositives()).append(" same product)\n");
        sb.append(String.format(Locale.ROOT, "  MinHash similarity AUC %.3f%n", copies.auc()));
        sb.append(String.format(Locale.ROOT, "  %-36s %9s %7s %7s%n", "threshold", "precision", "recall", "F1"));
        confusion(sb, "engine's 0.50", copies.atEngine());
        confusion(sb, String.format(Locale.ROOT, "best on validation, %.2f", copies.chosenThreshold()), copies.atChosen());
        return sb.toString();
    }

    private static void row(StringBuilder sb, String name, LateDeliveryEvaluation.Scores s) {
        sb.append(String.format(Locale.ROOT, "  %-40s %7.3f %7.3f %8.3f%n", name, s.auc(), s.brier(), s.logLoss()));
    }

    private static void confusion(StringBuilder sb, String name, Metrics.Confusion c) {
        sb.append(String.format(Locale.ROOT, "  %-36s %9s %7s %7s%n", name, Percent.of(c.precision()), Percent.of(c.recall()),
                Percent.of(c.f1())));
    }
}
