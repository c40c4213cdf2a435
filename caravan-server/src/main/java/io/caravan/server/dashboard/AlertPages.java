package io.caravan.server.dashboard;

import io.caravan.server.alerts.AlertController;
import io.caravan.server.web.PageRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.util.List;

/**
 * The alert queue: open alerts, most severe first, filtered by severity, kind or subject; ticked alerts
 * open one case, assigned at once (the form posts to {@link CasePages}).
 */
@Controller
public class AlertPages {

    private final AlertController alerts;
    private final io.caravan.server.access.AccessStore access;
    private final io.caravan.server.cases.CaseController cases;

    public AlertPages(AlertController alerts, io.caravan.server.access.AccessStore access, io.caravan.server.cases.CaseController cases) {
        this.alerts = alerts;
        this.access = access;
        this.cases = cases;
    }

    @GetMapping("/alerts")
    public String queue(@RequestParam(required = false) String status, @RequestParam(required = false) String severity,
                        @RequestParam(required = false) String kind, @RequestParam(name = "subject_id", required = false) String subjectId,
                        @RequestParam(required = false) String sort, @RequestParam(required = false) Integer page,
                        jakarta.servlet.http.HttpServletRequest request, Model model) {
        String s = ParticipantPages.blank(status) == null ? "OPEN" : status;
        String order = "oldest".equals(sort) ? "first_raised" : "newest".equals(sort) ? "first_raised,desc" : "severity,desc";
        PageRequest.Page<AlertController.Alert> found = alerts.list("ANY".equals(s) ? null : s, ParticipantPages.blank(severity),
                ParticipantPages.blank(kind), null, ParticipantPages.blank(subjectId), page, 50, order);
        model.addAttribute("found", found);
        model.addAttribute("pager", Pager.of(found));
        model.addAttribute("status", s);
        model.addAttribute("statuses", List.of("OPEN", "IN_CASE", "CLOSED", "ANY"));
        model.addAttribute("severities", OverviewQueries.SEVERITIES);
        model.addAttribute("users", CasePages.assignees(access));
        model.addAttribute("openCases", cases.list("OPEN", null, 0, 50, "updated_at,desc").items());
        model.addAttribute("filters", request.getQueryString() == null ? "" : request.getQueryString());
        return "alerts";
    }
}
