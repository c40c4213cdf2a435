package io.caravan.server.dashboard;

import io.caravan.server.query.AssessmentController;
import io.caravan.server.query.RecordQueries;
import io.caravan.server.query.SubjectController;
import io.caravan.server.web.ApiException;
import io.caravan.server.web.PageRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.util.List;
import java.util.Map;

/** Orders and payments: the list by decision and lane, one order with its reasons per category and overrides, one payment. */
@Controller
public class OrderPages {

    private final SubjectController subjects;
    private final AssessmentController assessments;

    public OrderPages(SubjectController subjects, AssessmentController assessments) {
        this.subjects = subjects;
        this.assessments = assessments;
    }

    @GetMapping("/orders")
    public String list(@RequestParam(name = "merchant_id", required = false) String merchantId,
                       @RequestParam(name = "ship_from", required = false) String shipFrom,
                       @RequestParam(name = "ship_to", required = false) String shipTo,
                       @RequestParam(required = false) String decision, @RequestParam(required = false) String sort,
                       @RequestParam(required = false) Integer page, Model model) {
        String order = "p_max".equals(sort) ? "p_max,desc" : "at,desc";
        PageRequest.Page<RecordQueries.Item> found = subjects.orders(ParticipantPages.blank(merchantId), null,
                ParticipantPages.blank(shipFrom), ParticipantPages.blank(shipTo), ParticipantPages.blank(decision), null, null,
                page, 50, order);
        Views.list(model, found);
        return "orders";
    }

    @GetMapping("/orders/{id}")
    @SuppressWarnings("unchecked")
    public String one(@PathVariable String id, Model model) {
        Map<String, Object> o = subjects.order(id);
        RecordQueries.Item item = (RecordQueries.Item) o.get("order");
        model.addAttribute("item", item);
        model.addAttribute("record", Views.tree(item.record()));
        model.addAttribute("payments", Views.rows((List<RecordQueries.Item>) o.get("payments")));
        if (item.assessmentId() != null) {
            AssessmentController.Detail d = assessments.get(item.assessmentId());
            Map<String, Object> a = Views.tree(d.assessment());
            model.addAttribute("assessment", a);
            model.addAttribute("estimates", Views.rankedEstimates(a));
            model.addAttribute("overrides", d.overrides());
        } else {
            model.addAttribute("estimates", List.of());
            model.addAttribute("overrides", List.of());
        }
        model.addAttribute("decisions", ParticipantPages.DECISIONS);
        return "order";
    }

    /** One payment: payer and payee as screened, the money, and its assessment (screening, fraud velocity) with reasons. */
    @GetMapping("/payments/{id}")
    public String payment(@PathVariable String id, Model model) {
        RecordQueries.Item item = subjects.payment(id);
        model.addAttribute("item", item);
        model.addAttribute("record", Views.tree(item.record()));
        Map<String, Object> a = item.assessmentId() == null ? null : Views.tree(assessments.get(item.assessmentId()).assessment());
        model.addAttribute("assessment", a);
        model.addAttribute("estimates", Views.rankedEstimates(a));
        return "payment";
    }

    /** An analyst's decision in place of the engine's, with the reason; audited by the API it calls. */
    @PostMapping("/orders/{id}/override")
    public String override(@PathVariable String id, @RequestParam String action, @RequestParam(required = false) String reason,
                           RedirectAttributes redirect) {
        RecordQueries.Item item = (RecordQueries.Item) subjects.order(id).get("order");
        if (item.assessmentId() == null) {
            throw ApiException.notFound("assessment of order", id);
        }
        try {
            assessments.override(item.assessmentId(), new AssessmentController.OverrideRequest(action, reason));
            redirect.addFlashAttribute("done", "Decision overridden to " + action + ".");
        } catch (ApiException e) {
            redirect.addFlashAttribute("failed", PageModel.message(e));
        }
        return "redirect:/orders/" + id;
    }
}
