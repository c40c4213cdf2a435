package io.caravan.server.audit;

import io.caravan.server.access.Caller;
import io.caravan.server.web.BadRequest;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** Reading the audit log (ADMIN). There is no endpoint to change or delete it. */
@RestController
@RequestMapping("/api/v1/audit")
@Tag(name = "Audit", description = "Who did what and when in your organisation. Read-only.")
public class AuditController {

    private final AuditLog audit;

    public AuditController(AuditLog audit) {
        this.audit = audit;
    }

    @Operation(summary = "Audit entries, newest first", description = "Page backwards with before=<the last id you saw>.")
    @GetMapping
    public List<AuditLog.Entry> entries(@RequestParam(required = false, defaultValue = "") String action,
                                        @RequestParam(required = false) Long before,
                                        @RequestParam(required = false, defaultValue = "100") int limit) {
        if (limit < 1 || limit > 1000) {
            throw new BadRequest("limit", "must be between 1 and 1000");
        }
        if (!action.isEmpty() && !AuditLog.ACTIONS.contains(action)) {
            throw new BadRequest("action", "'" + action + "' is not an action the audit log records; the actions are "
                    + String.join(", ", new java.util.TreeSet<>(AuditLog.ACTIONS)));
        }
        return audit.entries(Caller.current().tenantId(), action, before == null ? Long.MAX_VALUE : before, limit);
    }
}
