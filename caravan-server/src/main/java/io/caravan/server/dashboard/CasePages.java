package io.caravan.server.dashboard;

import io.caravan.server.access.AccessStore;
import io.caravan.server.access.Caller;
import io.caravan.server.cases.CaseController;
import io.caravan.server.web.ApiException;
import io.caravan.server.web.PageRequest;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.io.IOException;
import java.util.List;
import java.util.function.Supplier;

/**
 * Cases in the browser: opened from alerts chosen in the queue, then assigned, commented, given evidence,
 * resolved and reopened. Each action is the API's own (validated, audited, scoped to the organisation);
 * a refusal comes back to the page it was made on, saying which field and why.
 */
@Controller
public class CasePages {

    static final List<String> STATUSES = List.of("OPEN", "RESOLVED");
    private static final java.util.regex.Pattern QUERY = java.util.regex.Pattern.compile("[A-Za-z0-9_=&%.+-]{1,500}");
    static final List<String> OUTCOMES = List.of("CONFIRMED", "FALSE_POSITIVE", "MITIGATED");

    private final CaseController cases;
    private final AccessStore access;

    public CasePages(CaseController cases, AccessStore access) {
        this.cases = cases;
        this.access = access;
    }

    @GetMapping("/cases")
    public String list(@RequestParam(required = false) String status, @RequestParam(required = false) String assignee,
                       @RequestParam(required = false) Integer page, Model model) {
        String who = "me".equals(assignee) ? Caller.current().name() : ParticipantPages.blank(assignee);
        PageRequest.Page<CaseController.CaseFile> found = cases.list(ParticipantPages.blank(status) == null ? "OPEN"
                : "ANY".equals(status) ? null : status, who, page, 50, "updated_at,desc");
        model.addAttribute("found", found);
        model.addAttribute("pager", Pager.of(found));
        model.addAttribute("status", ParticipantPages.blank(status) == null ? "OPEN" : status);
        model.addAttribute("users", assignees(access));
        return "cases";
    }

    /** Opens a case from the alerts ticked in the queue. */
    @PostMapping("/cases")
    public String open(@RequestParam(name = "alert_id", required = false) List<Long> alertIds,
                       @RequestParam(required = false) String title, @RequestParam(required = false) String assignee,
                       @RequestParam(required = false) String comment, @RequestParam(required = false) String filters,
                       RedirectAttributes redirect) {
        try {
            CaseController.CaseDetail d = cases.open(new CaseController.OpenRequest(title, alertIds == null ? List.of() : alertIds,
                    ParticipantPages.blank(assignee), comment));
            redirect.addFlashAttribute("done", "Case opened from " + d.alerts().size() + (d.alerts().size() == 1 ? " alert." : " alerts."));
            return "redirect:/cases/" + d.caseFile().id();
        } catch (ApiException e) {
            redirect.addFlashAttribute("failed", "No case opened: " + PageModel.message(e));
            // back to the queue as it was filtered; anything but a plain query is dropped
            return "redirect:/alerts" + (filters != null && QUERY.matcher(filters).matches() ? "?" + filters : "");
        }
    }

    /** Adds the alerts ticked in the queue to an open case. */
    @PostMapping("/cases/add")
    public String add(@RequestParam(name = "alert_id", required = false) List<Long> alertIds,
                      @RequestParam(name = "case_id", required = false) Long caseId, @RequestParam(required = false) String filters,
                      RedirectAttributes redirect) {
        try {
            if (caseId == null) {
                throw new io.caravan.server.web.BadRequest("case_id", "choose the open case to add the alerts to");
            }
            cases.addAlerts(caseId, new CaseController.AlertsRequest(alertIds == null ? List.of() : alertIds));
            redirect.addFlashAttribute("done", (alertIds.size() == 1 ? "1 alert" : alertIds.size() + " alerts") + " added.");
            return "redirect:/cases/" + caseId;
        } catch (ApiException e) {
            redirect.addFlashAttribute("failed", "Not added: " + PageModel.message(e));
            return "redirect:/alerts" + (filters != null && QUERY.matcher(filters).matches() ? "?" + filters : "");
        }
    }

    @GetMapping("/cases/{id}")
    public String one(@PathVariable long id, Model model) {
        CaseController.CaseDetail d = cases.get(id);
        model.addAttribute("file", d.caseFile());
        model.addAttribute("alerts", d.alerts());
        model.addAttribute("timeline", d.timeline());
        model.addAttribute("users", assignees(access));
        model.addAttribute("outcomes", OUTCOMES);
        return "case";
    }

    @PostMapping("/cases/{id}/comment")
    public String comment(@PathVariable long id, @RequestParam(required = false) String text, RedirectAttributes redirect) {
        return act(id, redirect, "Comment added.", () -> cases.comment(id, new CaseController.TextRequest(text)));
    }

    @PostMapping("/cases/{id}/assign")
    public String assign(@PathVariable long id, @RequestParam(required = false) String assignee, RedirectAttributes redirect) {
        return act(id, redirect, "Assigned to " + assignee + ".", () -> cases.assign(id, new CaseController.AssignRequest(assignee)));
    }

    @PostMapping("/cases/{id}/evidence")
    public String evidence(@PathVariable long id, @RequestParam(required = false) MultipartFile file,
                           @RequestParam(required = false) String note, RedirectAttributes redirect) {
        return act(id, redirect, "Evidence attached.", () -> {
            if (file == null) {
                throw new io.caravan.server.web.BadRequest("file", "choose a file to attach");
            }
            try {
                return cases.evidence(id, file, note);
            } catch (IOException e) {
                throw new io.caravan.server.web.BadRequest("file", "the upload broke off; attach it again");
            }
        });
    }

    @GetMapping("/cases/{id}/evidence/{entryId}")
    public ResponseEntity<byte[]> download(@PathVariable long id, @PathVariable long entryId) {
        return cases.download(id, entryId);
    }

    @PostMapping("/cases/{id}/resolve")
    public String resolve(@PathVariable long id, @RequestParam(required = false) String outcome,
                          @RequestParam(required = false) String text, RedirectAttributes redirect) {
        return act(id, redirect, "Case resolved; its alerts are closed.",
                () -> cases.resolve(id, new CaseController.ResolveRequest(outcome, text)));
    }

    @PostMapping("/cases/{id}/reopen")
    public String reopen(@PathVariable long id, @RequestParam(required = false) String text, RedirectAttributes redirect) {
        return act(id, redirect, "Case reopened.", () -> cases.reopen(id, new CaseController.TextRequest(text)));
    }

    private static String act(long id, RedirectAttributes redirect, String done, Supplier<CaseController.CaseDetail> action) {
        try {
            action.get();
            redirect.addFlashAttribute("done", done);
        } catch (ApiException e) {
            if (e.status().value() == 404) {
                throw e;
            }
            redirect.addFlashAttribute("failed", PageModel.message(e));
        }
        return "redirect:/cases/" + id;
    }

    /** The organisation's people who can work a case: enabled admins and analysts. */
    static List<String> assignees(AccessStore access) {
        return access.users(Caller.current().tenantId()).stream()
                .filter(u -> u.enabled() && (u.role() == io.caravan.server.access.Role.ADMIN || u.role() == io.caravan.server.access.Role.ANALYST))
                .map(AccessStore.User::username).toList();
    }
}
