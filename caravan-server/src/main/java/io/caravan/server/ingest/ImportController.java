package io.caravan.server.ingest;

import io.caravan.server.access.Caller;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** The reports of files imported through the dashboard, for programs. */
@RestController
@RequestMapping("/api/v1/imports")
@Tag(name = "Imports", description = "Reports of files imported through the dashboard's import page.")
public class ImportController {

    private final Imports imports;

    public ImportController(Imports imports) {
        this.imports = imports;
    }

    @Operation(summary = "The organisation's 100 most recent imports, newest first")
    @GetMapping
    public List<Imports.Run> recent() {
        return imports.recent(Caller.current().tenantId(), 100);
    }

    @Operation(summary = "One import: status, counts and the refused lines (line, field, reason)")
    @GetMapping("/{id}")
    public Imports.Run get(@PathVariable long id) {
        return imports.get(Caller.current().tenantId(), id);
    }
}
