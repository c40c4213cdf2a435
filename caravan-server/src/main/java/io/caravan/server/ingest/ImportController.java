package io.caravan.server.ingest;

import io.caravan.server.access.Caller;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;
import java.net.URI;
import java.util.List;

/**
 * Files of records, imported as they arrive: the dashboard's import page and programs send the same way. A file has no
 * limit on its size or lines, unlike a bulk sent to {@code /api/v1/records}.
 */
@RestController
@RequestMapping("/api/v1/imports")
@Tag(name = "Imports", description = "Send a whole file of records (JSON Lines or CSV, gzip-compressed or not), stored batch"
        + " by batch as it arrives; read the reports of files imported here or through the dashboard's import page.")
public class ImportController {

    private final Imports imports;

    public ImportController(Imports imports) {
        this.imports = imports;
    }

    @Operation(summary = "Import a file sent as the body",
            description = "The body is the file itself: JSON Lines or CSV, gzip-compressed or not (known by its first bytes)."
                    + " Records are checked, assessed and stored batch by batch while it arrives, so a file of any size"
                    + " can be sent. Answered when the file is read whole (or breaks off) with the import's report; a line"
                    + " refused is reported with its number, field and reason, and the rest are stored. Sending the file"
                    + " again stores only what was not stored before.")
    @PostMapping(consumes = {"application/octet-stream", "application/x-ndjson", "application/json", "text/csv", "text/plain",
        "application/gzip"})
    public ResponseEntity<Imports.Run> send(
            @Parameter(description = "the file's name, e.g. orders-2025-06.csv.gz: gives the format and, for CSV, the record"
                    + " type when they are not chosen") @RequestParam String name,
            @Parameter(description = "jsonl or csv; by default from the name") @RequestParam(required = false) String format,
            @Parameter(description = "the record type of a CSV file (orders, payments, …); by default from the name")
            @RequestParam(required = false) String type,
            HttpServletRequest request) throws IOException {
        Imports.Format f = Imports.Format.of(format, name);
        Imports.Run run = imports.run(Caller.current(), name, f, Imports.type(type, name, f), request.getInputStream());
        return ResponseEntity.created(URI.create("/api/v1/imports/" + run.id())).body(run);
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
