package io.caravan.server.dashboard;

import io.caravan.domain.GeoPoint;
import io.caravan.json.Json;
import io.caravan.reference.Port;
import io.caravan.reference.ReferenceData;
import io.caravan.risk.RiskCategory;
import io.caravan.server.access.Caller;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The overview: risk by category now and over time, the map, open alerts and the riskiest subjects. */
@Controller
public class OverviewPage {

    private final OverviewQueries queries;
    private final ReferenceData reference;
    /** Where a country's lanes start and end on the map when it is too small for the map: its ports' middle. */
    private final Map<String, double[]> portMiddles;

    public OverviewPage(OverviewQueries queries, ReferenceData reference) {
        this.queries = queries;
        this.reference = reference;
        Map<String, double[]> sums = new HashMap<>();
        for (Port p : reference.ports().all()) {
            GeoPoint g = p.position();
            double[] s = sums.computeIfAbsent(p.country().value(), k -> new double[3]);
            s[0] += g.lon();
            s[1] += g.lat();
            s[2]++;
        }
        Map<String, double[]> middles = new HashMap<>();
        sums.forEach((c, s) -> middles.put(c, new double[]{Math.round(s[0] / s[2] * 10) / 10.0, Math.round(s[1] / s[2] * 10) / 10.0}));
        this.portMiddles = middles;
    }

    @GetMapping("/")
    public String overview(@RequestParam(defaultValue = "max") String category, Model model) {
        if (!categoryTitles().containsKey(category)) {
            throw new io.caravan.server.web.BadRequest("category", "'" + category + "' is not a category; use one of "
                    + String.join(", ", categoryTitles().keySet()));
        }
        String chosen = category;
        long tenant = Caller.current().tenantId();
        LocalDate newest = queries.newestDay(tenant);
        model.addAttribute("category", chosen);
        model.addAttribute("categories", categoryTitles());
        model.addAttribute("newest", newest);
        model.addAttribute("recentDays", OverviewQueries.RECENT_DAYS);
        OverviewQueries.AlertAges alerts = queries.openAlerts(tenant);
        model.addAttribute("alerts", alerts);
        model.addAttribute("alertsJson", Json.mapper().writeValueAsString(alerts));
        model.addAttribute("riskiestParticipants", queries.riskiestParticipants(tenant, 10));
        if (newest == null) {
            return "overview";
        }
        OverviewQueries.Risk recent = queries.recent(tenant, newest);
        model.addAttribute("recent", recent);
        model.addAttribute("riskCategories", List.of(RiskCategory.values()));
        model.addAttribute("riskiestOrders", queries.riskiestOrders(tenant, newest, 10));
        List<OverviewQueries.Lane> lanes = queries.riskiestLanes(tenant, newest, chosen, 10, 10);
        model.addAttribute("lanes", lanes);
        model.addAttribute("countryNames", countryNames(lanes));
        model.addAttribute("trendJson", trendJson(queries.byDay(tenant)));
        model.addAttribute("mapJson", mapJson(queries.byDestination(tenant, newest), lanes, chosen));
        return "overview";
    }

    /** Titles of the categories a chart can show, by their parameter value. */
    static Map<String, String> categoryTitles() {
        Map<String, String> out = new LinkedHashMap<>();
        out.put("max", "Highest of the six");
        for (RiskCategory c : RiskCategory.values()) {
            out.put(c.name().toLowerCase(Locale.ROOT), c.title());
        }
        return out;
    }

    private Map<String, String> countryNames(List<OverviewQueries.Lane> lanes) {
        Map<String, String> names = new HashMap<>();
        for (OverviewQueries.Lane l : lanes) {
            for (String c : List.of(l.from(), l.to())) {
                names.computeIfAbsent(c, k -> reference.countries().find(k).map(x -> x.name()).orElse(k));
            }
        }
        return names;
    }

    /** Daily means per category, for the trend chart. */
    private static String trendJson(List<OverviewQueries.Day> days) {
        Map<String, Object> out = new LinkedHashMap<>();
        List<String> x = new ArrayList<>();
        Map<String, List<Double>> series = new LinkedHashMap<>();
        for (RiskCategory c : RiskCategory.values()) {
            series.put(c.title(), new ArrayList<>());
        }
        List<Long> orders = new ArrayList<>();
        for (OverviewQueries.Day d : days) {
            x.add(d.day().toString());
            orders.add(d.risk().orders());
            for (RiskCategory c : RiskCategory.values()) {
                series.get(c.title()).add(round(d.risk().byCategory().get(c)));
            }
        }
        out.put("days", x);
        out.put("orders", orders);
        out.put("series", series);
        return Json.mapper().writeValueAsString(out);
    }

    /** Mean risk of the chosen category per destination, and the riskiest lanes with their ends. */
    private String mapJson(List<OverviewQueries.Place> places, List<OverviewQueries.Lane> lanes, String category) {
        Map<String, Object> out = new LinkedHashMap<>();
        List<Map<String, Object>> countries = new ArrayList<>();
        for (OverviewQueries.Place p : places) {
            countries.add(Map.of("name", p.country(), "value", round(p.risk().mean(category)), "orders", p.risk().orders()));
        }
        List<Map<String, Object>> lines = new ArrayList<>();
        for (OverviewQueries.Lane l : lanes) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("from", l.from());
            m.put("to", l.to());
            m.put("value", round(l.risk().mean(category)));
            m.put("orders", l.risk().orders());
            m.put("fromPoint", portMiddles.get(l.from()));
            m.put("toPoint", portMiddles.get(l.to()));
            lines.add(m);
        }
        out.put("title", categoryTitles().get(category));
        out.put("countries", countries);
        out.put("lanes", lines);
        return Json.mapper().writeValueAsString(out);
    }

    private static double round(double p) {
        return Math.round(p * 10000) / 10000.0;
    }
}
