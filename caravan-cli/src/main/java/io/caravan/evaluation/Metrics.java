package io.caravan.evaluation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Quality of probability estimates against 0/1 outcomes: AUC (the probability that a random positive is
 * ranked above a random negative, ties counting half), Brier score (mean squared error), log loss (mean
 * negative log-likelihood, probabilities clipped to [1e-6, 1 − 1e-6]) and a reliability table.
 */
public final class Metrics {

    private Metrics() {
    }

    /** AUC by the rank-sum (Mann–Whitney) formula with average ranks for ties. O(n log n). */
    public static double auc(double[] p, int[] y) {
        int n = p.length;
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(p[a], p[b]));
        double[] rank = new double[n];
        int i = 0;
        while (i < n) {
            int j = i;
            while (j + 1 < n && p[order[j + 1]] == p[order[i]]) {
                j++;
            }
            double r = (i + j) / 2.0 + 1;
            for (int k = i; k <= j; k++) {
                rank[order[k]] = r;
            }
            i = j + 1;
        }
        long pos = 0;
        double sum = 0;
        for (int k = 0; k < n; k++) {
            if (y[k] == 1) {
                pos++;
                sum += rank[k];
            }
        }
        long neg = n - pos;
        if (pos == 0 || neg == 0) {
            return Double.NaN;
        }
        return (sum - pos * (pos + 1) / 2.0) / ((double) pos * neg);
    }

    public static double brier(double[] p, int[] y) {
        double s = 0;
        for (int i = 0; i < p.length; i++) {
            double d = p[i] - y[i];
            s += d * d;
        }
        return s / p.length;
    }

    public static double logLoss(double[] p, int[] y) {
        double s = 0;
        for (int i = 0; i < p.length; i++) {
            double q = Math.min(1 - 1e-6, Math.max(1e-6, p[i]));
            s -= y[i] == 1 ? Math.log(q) : Math.log(1 - q);
        }
        return s / p.length;
    }

    /** One bin of a reliability table: predictions in [from, to), their mean, the observed rate, the count. */
    public record Bin(double from, double to, double meanPredicted, double observed, int count) {
    }

    /** Ten equal-width bins of predicted probability; empty bins are left out. */
    public static List<Bin> reliability(double[] p, int[] y) {
        int bins = 10;
        double[] sumP = new double[bins];
        double[] sumY = new double[bins];
        int[] n = new int[bins];
        for (int i = 0; i < p.length; i++) {
            int b = Math.min(bins - 1, (int) (p[i] * bins));
            sumP[b] += p[i];
            sumY[b] += y[i];
            n[b]++;
        }
        List<Bin> out = new ArrayList<>();
        for (int b = 0; b < bins; b++) {
            if (n[b] > 0) {
                out.add(new Bin(b / 10.0, (b + 1) / 10.0, sumP[b] / n[b], sumY[b] / n[b], n[b]));
            }
        }
        return out;
    }

    /** Precision, recall and F1 of binary predictions. */
    public record Confusion(long tp, long fp, long fn, long tn) {
        public double precision() {
            return tp + fp == 0 ? Double.NaN : tp / (double) (tp + fp);
        }

        public double recall() {
            return tp + fn == 0 ? Double.NaN : tp / (double) (tp + fn);
        }

        public double f1() {
            double p = precision();
            double r = recall();
            return p + r == 0 ? 0 : 2 * p * r / (p + r);
        }
    }

    public static Confusion confusion(boolean[] predicted, int[] y) {
        long tp = 0;
        long fp = 0;
        long fn = 0;
        long tn = 0;
        for (int i = 0; i < y.length; i++) {
            if (predicted[i] && y[i] == 1) {
                tp++;
            } else if (predicted[i]) {
                fp++;
            } else if (y[i] == 1) {
                fn++;
            } else {
                tn++;
            }
        }
        return new Confusion(tp, fp, fn, tn);
    }
}
