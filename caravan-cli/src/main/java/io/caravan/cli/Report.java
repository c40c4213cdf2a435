package io.caravan.cli;

import io.caravan.json.AssessmentFiles;
import io.caravan.risk.Action;
import io.caravan.risk.Assessment;
import io.caravan.risk.DecisionPolicy;
import io.caravan.risk.Estimate;
import io.caravan.risk.Percent;
import io.caravan.risk.RiskCategory;
import io.caravan.risk.SubjectType;
import io.caravan.world.Label;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.TreeMap;

/**
 * A readable summary of an assessments file: decisions by subject, and per risk category how many
 * subjects crossed the review threshold and the top risks with their reasons. Given the labels of a demo
 * world, it also measures detection: for each planted risk the share caught (the subject's estimate in that
 * category at or above the category's review threshold), and the false alarms (flagged subjects with no
 * planted risk of that category).
 */
final class Report {

    private record Top(double probability, double expectedLoss, String id, Estimate estimate, Action action) {
    }

    private final DecisionPolicy policy;
    private final int topN;
    private final Map<SubjectType, Map<Action, Long>> decisions = new EnumMap<>(SubjectType.class);
    private final Map<RiskCategory, Long> estimates = new EnumMap<>(RiskCategory.class);
    private final Map<RiskCategory, Long> flagged = new EnumMap<>(RiskCategory.class);
    private final Map<RiskCategory, PriorityQueue<Top>> tops = new EnumMap<>(RiskCategory.class);
    /** Flagged subjects per category, and all assessed subject ids. */
    private final Map<RiskCategory, Set<String>> flaggedIds = new EnumMap<>(RiskCategory.class);
    private final Map<RiskCategory, Set<String>> assessedIds = new EnumMap<>(RiskCategory.class);
    private double expectedLoss;
    private double exposure;
    private long total;

    Report(DecisionPolicy policy, int topN) {
        this.policy = policy;
        this.topN = topN;
        for (RiskCategory c : RiskCategory.values()) {
            tops.put(c, new PriorityQueue<>(Comparator.comparingDouble(Top::probability).thenComparingDouble(Top::expectedLoss)
                    .thenComparing(Top::id, Comparator.reverseOrder())));
            flaggedIds.put(c, new HashSet<>());
            assessedIds.put(c, new HashSet<>());
        }
    }

    static Report of(Path assessments, DecisionPolicy policy, int topN) throws IOException {
        Report r = new Report(policy, topN);
        AssessmentFiles.forEach(assessments, r::add);
        return r;
    }

    void add(Assessment a) {
        total++;
        decisions.computeIfAbsent(a.subject(), k -> new EnumMap<>(Action.class)).merge(a.decision().action(), 1L, Long::sum);
        expectedLoss += a.expectedLossUsd();
        exposure += a.exposureUsd();
        Map<RiskCategory, Double> best = new EnumMap<>(RiskCategory.class);
        Map<RiskCategory, Estimate> bestEstimate = new EnumMap<>(RiskCategory.class);
        for (Estimate e : a.estimates()) {
            estimates.merge(e.category(), 1L, Long::sum);
            if (e.probability() >= best.getOrDefault(e.category(), -1.0)) {
                best.put(e.category(), e.probability());
                bestEstimate.put(e.category(), e);
            }
        }
        for (Map.Entry<RiskCategory, Double> e : best.entrySet()) {
            RiskCategory c = e.getKey();
            assessedIds.get(c).add(a.id());
            if (e.getValue() >= policy.thresholds(c).review()) {
                flagged.merge(c, 1L, Long::sum);
                flaggedIds.get(c).add(a.id());
                PriorityQueue<Top> q = tops.get(c);
                q.add(new Top(e.getValue(), a.expectedLossUsd(), a.id(), bestEstimate.get(c), a.decision().action()));
                if (q.size() > topN) {
                    q.poll();
                }
            }
        }
    }

    String render(List<Label> labels) {
        StringBuilder sb = new StringBuilder();
        sb.append("CARAVAN RISK REPORT\n");
        sb.append(String.format(Locale.ROOT,
                "%,d assessments; exposure USD %,.0f; expected loss USD %,.0f%n%n", total, exposure, expectedLoss));
        sb.append("Decisions\n");
        sb.append(String.format(Locale.ROOT, "  %-12s %10s %10s %10s %10s%n", "subject", "approve", "review", "hold", "block"));
        for (Map.Entry<SubjectType, Map<Action, Long>> e : decisions.entrySet()) {
            Map<Action, Long> m = e.getValue();
            sb.append(String.format(Locale.ROOT,
                    "  %-12s %,10d %,10d %,10d %,10d%n", e.getKey().prefix(), m.getOrDefault(Action.APPROVE, 0L),
                    m.getOrDefault(Action.REVIEW, 0L), m.getOrDefault(Action.HOLD, 0L), m.getOrDefault(Action.BLOCK, 0L)));
        }
        for (RiskCategory c : RiskCategory.values()) {
            sb.append('\n').append(c.title().toUpperCase(Locale.ROOT)).append('\n');
            long n = estimates.getOrDefault(c, 0L);
            sb.append(String.format(Locale.ROOT, "  %,d estimates; %,d subjects at or above the review threshold of %s%n", n,
                    flagged.getOrDefault(c, 0L), Percent.of(policy.thresholds(c).review())));
            List<Top> list = new ArrayList<>(tops.get(c));
            list.sort(Comparator.comparingDouble(Top::probability).reversed().thenComparing(Comparator.comparingDouble(Top::expectedLoss).reversed())
                    .thenComparing(Top::id));
            for (Top t : list) {
                sb.append(String.format(Locale.ROOT, "  %-22s %7s %-6s %s%n", t.id(), Percent.of(t.probability()), t.action(),
                        t.estimate().outcome()));
                for (int i = 0; i < Math.min(2, t.estimate().reasons().size()); i++) {
                    var r = t.estimate().reasons().get(i);
                    sb.append("      - ").append(r.text()).append('\n');
                }
            }
        }
        if (!labels.isEmpty()) {
            sb.append('\n').append(detection(labels));
        }
        return sb.toString();
    }

    /** Catch rate per planted truth and false alarms per category. */
    String detection(List<Label> labels) {
        StringBuilder sb = new StringBuilder("DETECTION OF PLANTED RISKS (labels of the demo world)\n");
        sb.append(String.format(Locale.ROOT,
                "  %-12s %-26s %8s %8s %8s%n", "category", "planted risk", "planted", "caught", "rate"));
        Map<String, long[]> byTruth = new TreeMap<>();
        Map<RiskCategory, Set<String>> labelled = new EnumMap<>(RiskCategory.class);
        long notAssessed = 0;
        for (Label l : labels) {
            labelled.computeIfAbsent(l.category(), k -> new HashSet<>()).add(l.subject());
            String key = l.category().ordinal() + "|" + l.category().name() + "|" + l.truth();
            long[] c = byTruth.computeIfAbsent(key, k -> new long[3]);
            if (!assessedIds.get(l.category()).contains(l.subject())) {
                c[2]++;
                notAssessed++;
                continue;
            }
            c[0]++;
            if (flaggedIds.get(l.category()).contains(l.subject())) {
                c[1]++;
            }
        }
        long plantedAll = 0;
        long caughtAll = 0;
        for (Map.Entry<String, long[]> e : byTruth.entrySet()) {
            String[] k = e.getKey().split("\\|");
            long[] c = e.getValue();
            plantedAll += c[0];
            caughtAll += c[1];
            sb.append(String.format(Locale.ROOT, "  %-12s %-26s %,8d %,8d %8s%n", k[1], k[2], c[0], c[1],
                    c[0] == 0 ? "-" : Percent.of(c[1] / (double) c[0])));
        }
        sb.append(String.format(Locale.ROOT, "  %-39s %,8d %,8d %8s%n", "all planted risks", plantedAll, caughtAll,
                plantedAll == 0 ? "-" : Percent.of(caughtAll / (double) plantedAll)));
        if (notAssessed > 0) {
            sb.append(String.format(Locale.ROOT, "  (%,d labels name subjects with no assessment in that category, e.g. shipments"
                    + " booked after the data ends; not counted)%n", notAssessed));
        }
        sb.append(String.format(Locale.ROOT,
                "%n  %-12s %10s %12s %12s %12s%n", "category", "flagged", "false alarms", "of unlabelled", "precision"));
        for (RiskCategory c : RiskCategory.values()) {
            Set<String> lab = labelled.getOrDefault(c, Set.of());
            long flaggedN = flaggedIds.get(c).size();
            long falseAlarms = flaggedIds.get(c).stream().filter(id -> !lab.contains(id)).count();
            long unlabelled = assessedIds.get(c).stream().filter(id -> !lab.contains(id)).count();
            sb.append(String.format(Locale.ROOT, "  %-12s %,10d %,12d %12s %12s%n", c.name(), flaggedN, falseAlarms,
                    unlabelled == 0 ? "-" : Percent.of(falseAlarms / (double) unlabelled),
                    flaggedN == 0 ? "-" : Percent.of((flaggedN - falseAlarms) / (double) flaggedN)));
        }
        return sb.toString();
    }
}
