package io.caravan.server.dashboard;

import io.caravan.engine.Engine;
import io.caravan.reference.ReferenceData;
import io.caravan.server.query.ReferenceController;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Map;

/**
 * Reference data: the tables, rule packs, sanctions list and models in use, each with its version and the
 * source it names, and every combination of versions that stored assessments cite. Shared and read-only.
 */
@Controller
public class ReferencePages {

    /** A sanctions list older than this is flagged: lists change every week or two. */
    static final int STALE_AFTER_DAYS = 31;

    private final ReferenceData reference;
    private final ReferenceController versions;

    public ReferencePages(ReferenceData reference, ReferenceController versions) {
        this.reference = reference;
        this.versions = versions;
    }

    @GetMapping("/reference")
    public String page(Model model) {
        Map<String, Object> v = versions.versions();
        model.addAttribute("currentId", v.get("current_versions_id"));
        model.addAttribute("tables", reference.tables());
        model.addAttribute("settingsVersion", reference.settings().version());
        model.addAttribute("models", new java.util.TreeMap<>(Engine.MODELS));
        var s = reference.sanctions();
        model.addAttribute("sanctions", s);
        Long age = null;
        if (s.listDate() != null && !s.listDate().isBlank()) {
            try {
                age = ChronoUnit.DAYS.between(LocalDate.parse(s.listDate()), LocalDate.now(ZoneOffset.UTC));
            } catch (java.time.format.DateTimeParseException e) {
                age = null;
            }
        }
        model.addAttribute("sanctionsAge", age);
        model.addAttribute("sanctionsStale", age == null || age > STALE_AFTER_DAYS);
        model.addAttribute("staleAfter", STALE_AFTER_DAYS);
        model.addAttribute("cited", Views.citedVersions(v.get("all")));
        return "reference";
    }
}
