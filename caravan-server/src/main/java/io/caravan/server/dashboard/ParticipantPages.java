package io.caravan.server.dashboard;

import io.caravan.server.ingest.RawJson;
import io.caravan.server.query.AssessmentController;
import io.caravan.server.query.RecordQueries;
import io.caravan.server.query.SubjectController;
import io.caravan.server.web.PageRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

import java.util.List;
import java.util.Map;

/** Participants: the searchable list and one participant with its reasons, history and links. */
@Controller
public class ParticipantPages {

    static final List<io.caravan.domain.ParticipantKind> KINDS = List.of(io.caravan.domain.ParticipantKind.values());
    static final List<io.caravan.risk.Action> DECISIONS = List.of(io.caravan.risk.Action.values());

    private final SubjectController subjects;

    public ParticipantPages(SubjectController subjects) {
        this.subjects = subjects;
    }

    @GetMapping("/participants")
    public String list(@RequestParam(required = false) String kind, @RequestParam(required = false) String country,
                       @RequestParam(required = false) String q, @RequestParam(required = false) String decision,
                       @RequestParam(required = false) String grade, @RequestParam(required = false) String qualifications,
                       @RequestParam(required = false) Integer page, Model model) {
        PageRequest.Page<RecordQueries.Item> found = subjects.participants(blank(kind), blank(country), blank(q), blank(decision),
                blank(grade), blank(qualifications), page, 50, "id");
        Views.list(model, found);
        model.addAttribute("kinds", KINDS);
        model.addAttribute("grades", List.of(RecordQueries.Grade.values()));
        model.addAttribute("qualificationStates", List.of(RecordQueries.Qualifications.values()));
        return "participants";
    }

    @GetMapping("/participants/{id}")
    @SuppressWarnings("unchecked")
    public String one(@PathVariable String id, Model model) {
        Map<String, Object> p = subjects.participant(id);
        RecordQueries.Item item = (RecordQueries.Item) p.get("participant");
        Map<String, Object> current = Views.tree((RawJson) p.get("current_assessment"));
        List<AssessmentController.Summary> history = (List<AssessmentController.Summary>) p.get("history");
        model.addAttribute("item", item);
        Map<String, Object> record = Views.tree(item.record());
        model.addAttribute("record", record);
        model.addAttribute("assessment", current);
        model.addAttribute("estimates", Views.rankedEstimates(current));
        model.addAttribute("history", history);
        model.addAttribute("historyJson", history.isEmpty() ? null : Views.historyJson(history));
        model.addAttribute("alerts", p.get("open_alerts"));
        model.addAttribute("orders", subjects.orders(id, null, null, null, null, null, null, 0, 20, "at,desc").items());
        // only a forwarder books shipments; for anyone else the search would walk every shipment to find none
        boolean forwarder = "FREIGHT_FORWARDER".equals(record.get("kind"));
        model.addAttribute("shipments", forwarder ? subjects.shipments(id, null, null, null, null, 0, 20, "at,desc").items() : List.of());
        return "participant";
    }

    static String blank(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
