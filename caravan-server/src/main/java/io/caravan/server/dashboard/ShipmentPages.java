package io.caravan.server.dashboard;

import io.caravan.domain.Leg;
import io.caravan.domain.RecordType;
import io.caravan.domain.Shipment;
import io.caravan.json.Json;
import io.caravan.logistics.LaneBook;
import io.caravan.logistics.RouteRisk;
import io.caravan.risk.DelayDistribution;
import io.caravan.server.access.Caller;
import io.caravan.server.alerts.AlertController;
import io.caravan.server.ingest.Ingestion;
import io.caravan.server.query.AssessmentController;
import io.caravan.server.query.RecordQueries;
import io.caravan.server.query.SubjectController;
import io.caravan.server.web.PageRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Shipments and their routes: each leg with the on-time probability and delay distribution its lane has
 * earned, the route's delay composed from them with the events touching it, arrival percentiles, the scans
 * so far and the stored assessment with its reasons.
 */
@Controller
public class ShipmentPages {

    /** The percentiles of the arrival shown on a shipment page. */
    static final double[] PERCENTILES = {0.5, 0.9, 0.99};

    private final SubjectController subjects;
    private final AssessmentController assessments;
    private final AlertController alerts;
    private final Ingestion ingestion;

    public ShipmentPages(SubjectController subjects, AssessmentController assessments, AlertController alerts, Ingestion ingestion) {
        this.subjects = subjects;
        this.assessments = assessments;
        this.alerts = alerts;
        this.ingestion = ingestion;
    }

    @GetMapping("/shipments")
    public String list(@RequestParam(name = "forwarder_id", required = false) String forwarderId,
                       @RequestParam(name = "order_id", required = false) String orderId,
                       @RequestParam(required = false) String decision, @RequestParam(required = false) Integer page, Model model) {
        PageRequest.Page<RecordQueries.Item> found = subjects.shipments(ParticipantPages.blank(forwarderId),
                ParticipantPages.blank(orderId), ParticipantPages.blank(decision), null, null, page, 50, "at,desc");
        Views.list(model, found);
        return "shipments";
    }

    @GetMapping("/shipments/{id}")
    @SuppressWarnings("unchecked")
    public String one(@PathVariable String id, Model model) {
        Map<String, Object> s = subjects.shipment(id);
        RecordQueries.Item item = (RecordQueries.Item) s.get("shipment");
        model.addAttribute("item", item);
        model.addAttribute("record", Views.tree(item.record()));
        model.addAttribute("tracking", Views.rows((List<RecordQueries.Item>) s.get("tracking")));
        Shipment shipment = decode(item);
        RouteRisk.Composition route = ingestion.withEngine(Caller.current().tenantId(), e -> e.route(shipment));
        model.addAttribute("legs", legs(route));
        model.addAttribute("shocks", route.shocks());
        model.addAttribute("eta", eta(shipment, route.route()));
        model.addAttribute("routeOnTime", route.route().probability(0));
        model.addAttribute("routeMean", route.route().mean());
        model.addAttribute("delaysJson", delaysJson(route));
        if (item.assessmentId() != null) {
            Map<String, Object> a = Views.tree(assessments.get(item.assessmentId()).assessment());
            model.addAttribute("assessment", a);
            model.addAttribute("estimates", Views.rankedEstimates(a));
        } else {
            model.addAttribute("estimates", List.of());
        }
        model.addAttribute("alerts", alerts.list(null, null, null, "shipment", id, 0, 50, "first_raised,desc").items());
        return "shipment";
    }

    /** One leg as the page shows it. */
    public record LegView(Leg leg, String lane, long arrivals, double onTime, double meanDelay, int p90Delay) {
    }

    /**
     * An arrival percentile: the planned arrival plus that many days of delay. The distribution's last day holds
     * "that many or more", so a percentile there is open-ended.
     */
    public record Eta(String percentile, int delayDays, Instant arrival, boolean orLater) {
    }

    static List<LegView> legs(RouteRisk.Composition route) {
        List<LegView> out = new ArrayList<>();
        for (int i = 0; i < route.legs().size(); i++) {
            LaneBook.LaneView v = route.legs().get(i);
            DelayDistribution d = v.distribution();
            out.add(new LegView(route.shipment().legs().get(i), v.key(), v.arrivals(), d.probability(0), d.mean(), d.quantile(0.9)));
        }
        return out;
    }

    static List<Eta> eta(Shipment shipment, DelayDistribution route) {
        List<Eta> out = new ArrayList<>();
        for (double q : PERCENTILES) {
            int days = route.quantile(q);
            out.add(new Eta("p" + (q * 100 == Math.rint(q * 100) ? Integer.toString((int) (q * 100)) : Double.toString(q * 100)),
                    days, shipment.plannedArrival().plus(Duration.ofDays(days)), days == DelayDistribution.MAX_DAYS));
        }
        return out;
    }

    /** Each leg's P(delay = d) and the route's, for d from 0 to a little past the route's 99.9th percentile. */
    static String delaysJson(RouteRisk.Composition route) {
        int last = Math.min(DelayDistribution.MAX_DAYS, route.route().quantile(0.999) + 2);
        List<Integer> days = new ArrayList<>();
        for (int d = 0; d <= last; d++) {
            days.add(d);
        }
        List<Map<String, Object>> series = new ArrayList<>();
        for (int i = 0; i < route.legs().size(); i++) {
            Leg leg = route.shipment().legs().get(i);
            series.add(series("Leg " + leg.sequence() + " " + leg.from() + "→" + leg.to(), route.legs().get(i).distribution(), last));
        }
        series.add(series(route.shocks().isEmpty() ? "Route" : "Route, with " + route.shocks().size() + " event(s)", route.route(), last));
        Map<String, Object> chart = new LinkedHashMap<>();
        chart.put("days", days);
        chart.put("series", series);
        return Json.mapper().writeValueAsString(chart);
    }

    private static Map<String, Object> series(String name, DelayDistribution d, int last) {
        List<Double> p = new ArrayList<>();
        for (int day = 0; day <= last; day++) {
            p.add(Math.round(d.probability(day) * 1e6) / 1e6);
        }
        return Map.of("name", name, "data", p);
    }

    /** The stored record as the engine's shipment (it passed the same parser when it was accepted). */
    private Shipment decode(RecordQueries.Item item) {
        try {
            byte[] json = item.record().json().getBytes(StandardCharsets.UTF_8);
            var parsed = ingestion.parser().parse(new ByteArrayInputStream(json), json.length, RecordType.SHIPMENT, "shipment " + item.id());
            if (parsed.records().size() != 1) {
                throw new IllegalStateException("stored shipment " + item.id() + " no longer parses: " + parsed.errors());
            }
            return (Shipment) parsed.records().get(0).event();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
