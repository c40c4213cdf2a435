package io.caravan.server.dashboard;

import io.caravan.domain.RecordType;
import io.caravan.server.access.Caller;
import io.caravan.server.ingest.Imports;
import io.caravan.server.web.ApiException;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.MediaType;
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
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Import: a person uploads a JSON Lines or CSV file; the browser sends the file itself as the request body
 * and shows the upload's progress, the server stores it batch by batch as it arrives, then the page shows
 * the run's report line by line. Without script the form posts the file as a multipart upload instead.
 */
@Controller
public class ImportPages {

    private final Imports imports;

    public ImportPages(Imports imports) {
        this.imports = imports;
    }

    @GetMapping("/import")
    public String page(Model model) {
        model.addAttribute("runs", imports.recent(Caller.current().tenantId(), 20));
        model.addAttribute("types", List.of(RecordType.values()).stream().map(RecordType::fileStem).toList());
        return "import";
    }

    /** The file as the body, as the page's script sends it: answered with the run, as JSON. */
    @PostMapping(path = "/import", consumes = {MediaType.APPLICATION_OCTET_STREAM_VALUE, "text/csv", "application/x-ndjson",
        MediaType.TEXT_PLAIN_VALUE, "application/gzip"})
    public ResponseEntity<Map<String, Object>> stream(@RequestParam String name, @RequestParam(required = false) String format,
                                                      @RequestParam(required = false) String type, HttpServletRequest request)
            throws IOException {
        Imports.Run run;
        try {
            Imports.Format f = Imports.Format.of(format, name);
            run = imports.run(Caller.current(), name, f, Imports.type(type, name, f), request.getInputStream());
        } catch (ApiException e) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("field", e.field());
            body.put("detail", PageModel.message(e));
            return ResponseEntity.status(e.status()).body(body);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", run.id());
        body.put("status", run.status());
        body.put("report", "/import/" + run.id());
        return ResponseEntity.ok(body);
    }

    /** The same from a plain form (no script): a multipart upload, then the report. */
    @PostMapping(path = "/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    public String form(@RequestParam(required = false) MultipartFile file, @RequestParam(required = false) String format,
                       @RequestParam(required = false) String type, RedirectAttributes redirect) throws IOException {
        try {
            if (file == null || file.isEmpty()) {
                throw new io.caravan.server.web.BadRequest("file", "choose a file to import");
            }
            String name = file.getOriginalFilename() == null ? "upload" : file.getOriginalFilename();
            Imports.Format f = Imports.Format.of(format, name);
            RecordType t = Imports.type(type, name, f);
            try (InputStream in = file.getInputStream()) {
                return "redirect:/import/" + imports.run(Caller.current(), name, f, t, in).id();
            }
        } catch (ApiException e) {
            redirect.addFlashAttribute("failed", PageModel.message(e));
            return "redirect:/import";
        }
    }

    @GetMapping("/import/{id}")
    public String report(@PathVariable long id, Model model) {
        model.addAttribute("run", imports.get(Caller.current().tenantId(), id));
        return "import-report";
    }
}
