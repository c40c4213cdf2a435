package io.caravan.server.query;

import io.caravan.engine.Engine;
import io.caravan.json.AssessmentCodec;
import io.caravan.reference.ReferenceData;
import io.caravan.risk.Versions;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The shared reference data and models: read-only to every tenant. */
@RestController
@RequestMapping("/api/v1/reference")
@Tag(name = "Reference data", description = "Versions of the sanctions list, rule packs, country data and models in use, and those used before.")
public class ReferenceController {

    private final ReferenceData reference;
    private final JdbcTemplate jdbc;

    public ReferenceController(ReferenceData reference, JdbcTemplate jdbc) {
        this.reference = reference;
        this.jdbc = jdbc;
    }

    @Operation(summary = "Versions in use and versions cited by stored assessments")
    @GetMapping
    public Map<String, Object> versions() {
        Map<String, String> v = new TreeMap<>(reference.versions());
        v.putAll(Engine.MODELS);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("current_versions_id", AssessmentCodec.versionsId(Versions.of(v)));
        body.put("current", v);
        body.put("sanctions_list_date", reference.sanctions().listDate());
        List<Map<String, Object>> all = jdbc.queryForList("select id, entries::text as entries, first_used from versions order by first_used");
        body.put("all", all.stream().map(r -> Map.of("id", r.get("id"), "first_used", r.get("first_used"),
                "entries", new io.caravan.server.ingest.RawJson((String) r.get("entries")))).toList());
        return body;
    }
}
