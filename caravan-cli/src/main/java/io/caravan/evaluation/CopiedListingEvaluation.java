package io.caravan.evaluation;

import io.caravan.information.TextFingerprint;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Near-duplicate product text on Abt-Buy (the Ditto/DeepMatcher splits): pairs of product records from two
 * retailers, labelled same product or not. Caravan's copied-listing detector scores a pair by the MinHash
 * similarity of name and description. The similarity threshold that maximises F1 is chosen on the
 * validation split and applied to the held-out test split; the engine's own threshold (0.5) is reported too.
 */
final class CopiedListingEvaluation {

    record Result(int testPairs, int testPositives, double auc, double chosenThreshold, Metrics.Confusion atChosen,
                  Metrics.Confusion atEngine) {
    }

    private record Pair(double similarity, int label) {
    }

    static Result run(Path data) throws IOException {
        List<Pair> valid = pairs(data, "entity-matching/ditto_textual_abt-buy_valid.txt.gz");
        List<Pair> test = pairs(data, "entity-matching/ditto_textual_abt-buy_test.txt.gz");
        double bestF1 = -1;
        double best = 0.5;
        for (int t = 1; t < 100; t++) {
            double threshold = t / 100.0;
            double f1 = confusion(valid, threshold).f1();
            if (f1 > bestF1) {
                bestF1 = f1;
                best = threshold;
            }
        }
        double[] s = new double[test.size()];
        int[] y = new int[test.size()];
        int positives = 0;
        for (int i = 0; i < test.size(); i++) {
            s[i] = test.get(i).similarity();
            y[i] = test.get(i).label();
            positives += y[i];
        }
        return new Result(test.size(), positives, Metrics.auc(s, y), best, confusion(test, best), confusion(test, 0.5));
    }

    private static Metrics.Confusion confusion(List<Pair> pairs, double threshold) {
        boolean[] p = new boolean[pairs.size()];
        int[] y = new int[pairs.size()];
        for (int i = 0; i < pairs.size(); i++) {
            p[i] = pairs.get(i).similarity() >= threshold;
            y[i] = pairs.get(i).label();
        }
        return Metrics.confusion(p, y);
    }

    private static List<Pair> pairs(Path data, String file) throws IOException {
        Path f = Datasets.require(data, file);
        List<Pair> out = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(Datasets.open(f, StandardCharsets.UTF_8))) {
            String line;
            int n = 0;
            while ((line = in.readLine()) != null) {
                n++;
                String[] parts = line.split("\t");
                if (parts.length != 3) {
                    throw new IOException(f.getFileName() + " line " + n + ": expected 'left<TAB>right<TAB>label'");
                }
                out.add(new Pair(TextFingerprint.similarity(TextFingerprint.of(text(parts[0])), TextFingerprint.of(text(parts[1]))),
                        Integer.parseInt(parts[2].trim())));
            }
        }
        return out;
    }

    /** Name and description of a Ditto record ("COL name VAL … COL description VAL … COL price VAL …"). */
    static String text(String record) {
        StringBuilder sb = new StringBuilder();
        for (String field : record.split("COL ")) {
            int v = field.indexOf(" VAL ");
            if (v < 0) {
                continue;
            }
            String name = field.substring(0, v).trim();
            if (name.equals("name") || name.equals("description")) {
                sb.append(field.substring(v + 5).trim()).append(' ');
            }
        }
        return sb.toString();
    }
}
