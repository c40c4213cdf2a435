package io.caravan.server.dashboard;

import io.caravan.json.Json;
import io.caravan.server.ingest.RawJson;
import io.caravan.server.query.AssessmentController;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Shapes the API's answers for the templates. */
final class Views {

    private Views() {
    }

    /** A stored JSON document as maps and lists, for the templates; null stays null. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> tree(RawJson json) {
        return json == null ? null : Json.mapper().readValue(json.json(), LinkedHashMap.class);
    }

    /** What a list page of records shows: the page, its rows, the pager and the decisions to filter by. */
    static void list(org.springframework.ui.Model model, io.caravan.server.web.PageRequest.Page<io.caravan.server.query.RecordQueries.Item> found) {
        model.addAttribute("found", found);
        model.addAttribute("rows", rows(found.items()));
        model.addAttribute("pager", Pager.of(found));
        model.addAttribute("decisions", ParticipantPages.DECISIONS);
    }

    /** Stored records with their decision, each beside its JSON as maps, for a table. */
    static List<Map<String, Object>> rows(List<io.caravan.server.query.RecordQueries.Item> items) {
        return items.stream().map(i -> Map.<String, Object>of("item", i, "record", tree(i.record()),
                "grade", i.pMax() == null ? "" : io.caravan.server.query.RecordQueries.Grade.of(i.pMax()).name())).toList();
    }

    /**
     * An assessment's estimates, riskiest first, each with its reasons ranked by contribution — the order an
     * analyst reads them in.
     */
    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> rankedEstimates(Map<String, Object> assessment) {
        if (assessment == null) {
            return List.of();
        }
        List<Map<String, Object>> out = new ArrayList<>();
        for (Object o : (List<Object>) assessment.getOrDefault("estimates", List.of())) {
            Map<String, Object> e = new LinkedHashMap<>((Map<String, Object>) o);
            List<Map<String, Object>> reasons = new ArrayList<>((List<Map<String, Object>>) e.getOrDefault("reasons", List.of()));
            reasons.sort(Comparator.comparingDouble((Map<String, Object> r) -> number(r.get("contribution"))).reversed());
            e.put("reasons", reasons);
            out.add(e);
        }
        out.sort(Comparator.comparingDouble((Map<String, Object> e) -> number(e.get("probability"))).reversed());
        return out;
    }

    /** The history of a subject's probabilities per category, as [time, p] pairs per category, for a chart. */
    static String historyJson(List<AssessmentController.Summary> history) {
        Map<String, List<Object[]>> series = new LinkedHashMap<>();
        for (AssessmentController.Summary s : history) {
            s.probabilities().forEach((category, p) -> series.computeIfAbsent(category, k -> new ArrayList<>())
                    .add(new Object[]{s.asOf().toInstant().toString(), p}));
        }
        series.values().removeIf(points -> points.stream().allMatch(x -> ((Double) x[1]) == 0.0));
        Map<String, List<Object[]>> titled = new LinkedHashMap<>();
        series.forEach((k, v) -> titled.put(io.caravan.risk.RiskCategory.valueOf(k.toUpperCase(java.util.Locale.ROOT)).title(), v));
        return Json.mapper().writeValueAsString(Map.of("series", titled));
    }

    /** The version combinations stored assessments cite, newest first, each entry as a map for the template. */
    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> citedVersions(Object all) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Map<String, Object> r : (List<Map<String, Object>>) all) {
            Map<String, Object> m = new LinkedHashMap<>(r);
            m.put("entries", tree((RawJson) r.get("entries")));
            out.add(0, m);
        }
        return out;
    }

    private static double number(Object o) {
        return o instanceof Number n ? n.doubleValue() : 0;
    }
}
