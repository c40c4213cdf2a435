package io.caravan.evaluation;

import io.caravan.risk.BetaRate;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Late delivery on DataCo's supply-chain sample (6 000 order lines, label {@code Late_delivery_risk}).
 * The estimator is the one Caravan uses for sparse rates: a lane's late rate (lane = shipping mode × market)
 * shrunk toward its mode's rate with a Beta prior worth 10 orders. Split by time: the first 70% of orders
 * (by order date) train, the last 30% are held out. Baselines: the training base rate, and the mode's rate.
 */
final class LateDeliveryEvaluation {

    record Result(int train, int test, double baseRate, Scores lane, Scores mode, Scores base, List<Metrics.Bin> reliability) {
    }

    record Scores(double auc, double brier, double logLoss) {
        static Scores of(double[] p, int[] y) {
            return new Scores(Metrics.auc(p, y), Metrics.brier(p, y), Metrics.logLoss(p, y));
        }
    }

    private record Line(LocalDateTime at, String mode, String market, int late) {
    }

    static final double STRENGTH = 10;

    static Result run(Path data) throws IOException {
        Path f = Datasets.require(data, "dataco/DataCoSupplyChainDataset.csv");
        DateTimeFormatter fmt = DateTimeFormatter.ofPattern("M/d/yyyy H:mm");
        List<Line> lines = new ArrayList<>();
        for (Map<String, String> r : Datasets.csv(f, StandardCharsets.ISO_8859_1)) {
            lines.add(new Line(LocalDateTime.parse(r.get("order date (DateOrders)").trim(), fmt), r.get("Shipping Mode").trim(),
                    r.get("Market").trim(), Integer.parseInt(r.get("Late_delivery_risk").trim())));
        }
        lines.sort(Comparator.comparing(Line::at));
        int cut = (int) (lines.size() * 0.7);
        List<Line> train = lines.subList(0, cut);
        List<Line> test = lines.subList(cut, lines.size());
        Map<String, long[]> modes = new HashMap<>();
        Map<String, long[]> lanes = new HashMap<>();
        long late = 0;
        for (Line l : train) {
            late += l.late();
            add(modes, l.mode(), l.late());
            add(lanes, l.mode() + "|" + l.market(), l.late());
        }
        double base = late / (double) train.size();
        int n = test.size();
        double[] pLane = new double[n];
        double[] pMode = new double[n];
        double[] pBase = new double[n];
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            Line l = test.get(i);
            long[] m = modes.get(l.mode());
            double modeRate = m == null ? base : BetaRate.prior(base, STRENGTH).observe(m[0], m[1]).mean();
            long[] lane = lanes.get(l.mode() + "|" + l.market());
            pLane[i] = lane == null ? modeRate : BetaRate.prior(modeRate, STRENGTH).observe(lane[0], lane[1]).mean();
            pMode[i] = modeRate;
            pBase[i] = base;
            y[i] = l.late();
        }
        return new Result(train.size(), n, base, Scores.of(pLane, y), Scores.of(pMode, y), Scores.of(pBase, y),
                Metrics.reliability(pLane, y));
    }

    private static void add(Map<String, long[]> counts, String key, int late) {
        long[] c = counts.computeIfAbsent(key, k -> new long[2]);
        c[0] += late;
        c[1]++;
    }
}
