package io.caravan.server.query;

import io.caravan.server.access.Caller;
import io.caravan.server.ingest.Ingestion;
import io.caravan.server.ingest.RawJson;
import io.caravan.json.AssessmentCodec;
import io.caravan.server.web.PageRequest;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Participants, orders, payments, shipments and listings, each with its newest decision. */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Participants, orders, payments, shipments", description = "The stored records with their newest assessment.")
public class SubjectController {

    private final RecordQueries records;
    private final Ingestion ingestion;
    private final JdbcTemplate jdbc;
    private final io.caravan.reference.ReferenceData reference;

    /** How the lists' time filters are written, for the OpenAPI document (the forms QueryParameters reads). */
    static final String FROM = "Records at or after this time: ISO 8601 with its offset (2025-06-01T08:00:00Z), or a date"
            + " alone (2025-06-01), read as its first instant in UTC";
    static final String TO = "Records before this time (excluded), written as for from; it must be after from";

    public SubjectController(RecordQueries records, Ingestion ingestion, JdbcTemplate jdbc,
                             io.caravan.reference.ReferenceData reference) {
        this.records = records;
        this.ingestion = ingestion;
        this.jdbc = jdbc;
        this.reference = reference;
    }

    @Operation(summary = "List participants", description = "Filter by kind (MERCHANT, CARRIER, …), country, part of the"
            + " legal name (q), the decision of the newest participant assessment, its grade (A: highest probability under 1%,"
            + " B: 1–5%, C: 5–15%, D: 15–40%, E: 40% or more) and qualifications (LAPSED: a lapsed or missing qualification alert"
            + " is open; EXPIRING: an expiring one and no lapsed; IN_ORDER: neither).")
    @GetMapping("/participants")
    public PageRequest.Page<RecordQueries.Item> participants(
            @RequestParam(required = false) String kind, @RequestParam(required = false) String country,
            @RequestParam(required = false) String q, @RequestParam(required = false) String decision,
            @RequestParam(required = false) String grade, @RequestParam(required = false) String qualifications,
            @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size,
            @RequestParam(required = false) String sort) {
        List<RecordQueries.FieldFilter> f = filters("kind", kind(kind),
                "country", country("country", country));
        return records.list(Caller.current().tenantId(), "participant", f, q, decision,
                choice("grade", grade, RecordQueries.Grade.class), choice("qualifications", qualifications, RecordQueries.Qualifications.class),
                null, null, PageRequest.of(page, size, sort, RecordQueries.SORTABLE, "id"));
    }

    /** One of an enum's values, named in any case; anything else refused with the values there are. */
    private static <E extends Enum<E>> E choice(String field, String value, Class<E> type) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return io.caravan.server.web.BadRequest.oneOf(value.trim(), field, type);
    }

    @Operation(summary = "One participant", description = "Its newest record, its current assessment (credit, qualifications,"
            + " screening, disclosures) computed now from everything stored, its stored assessment history and open alerts.")
    @GetMapping("/participants/{id}")
    public Map<String, Object> participant(@PathVariable String id) {
        Caller c = Caller.current();
        RecordQueries.Item item = records.get(c.tenantId(), "participant", id);
        Instant asOf = Instant.now();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("participant", item);
        body.put("current_assessment", ingestion.withEngine(c.tenantId(), e -> e.assessParticipant(id, asOf)
                .map(a -> new RawJson(AssessmentCodec.toJson(a, AssessmentCodec.versionsId(a.versions())))).orElse(null)));
        body.put("history", jdbc.query("select " + AssessmentController.COLUMNS + " from assessment where tenant_id = ?"
                        + " and subject_type = 'participant' and subject_id = ? order by as_of, id",
                (rs, n) -> AssessmentController.summary(rs), c.tenantId(), id));
        body.put("open_alerts", jdbc.queryForList("select id, kind, severity, title, first_raised, occurrences from alert"
                + " where tenant_id = ? and subject_type = 'participant' and subject_id = ? and status <> 'CLOSED' order by id",
                c.tenantId(), id));
        return body;
    }

    @Operation(summary = "List orders", description = "Filter by merchant, marketplace, origin, destination, decision and time.")
    @GetMapping("/orders")
    public PageRequest.Page<RecordQueries.Item> orders(
            @RequestParam(name = "merchant_id", required = false) String merchantId,
            @RequestParam(name = "marketplace_id", required = false) String marketplaceId,
            @RequestParam(name = "ship_from", required = false) String shipFrom,
            @RequestParam(name = "ship_to", required = false) String shipTo,
            @RequestParam(required = false) String decision,
            @Parameter(description = FROM) @RequestParam(required = false) OffsetDateTime from,
            @Parameter(description = TO) @RequestParam(required = false) OffsetDateTime to,
            @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size,
            @RequestParam(required = false) String sort) {
        List<RecordQueries.FieldFilter> f = filters("merchant_id", merchantId, "marketplace_id", marketplaceId,
                "ship_from", country("ship_from", shipFrom), "ship_to", country("ship_to", shipTo));
        return records.list(Caller.current().tenantId(), "order", f, null, decision, from, to,
                PageRequest.of(page, size, sort, RecordQueries.SORTABLE, "at,desc"));
    }

    @GetMapping("/orders/{id}")
    @Operation(summary = "One order with its payments")
    public Map<String, Object> order(@PathVariable String id) {
        long t = Caller.current().tenantId();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("order", records.get(t, "order", id));
        body.put("payments", records.referencing(t, "payment", "order_id", id, 100));
        return body;
    }

    @Operation(summary = "List payments", description = "Filter by order, decision and time.")
    @GetMapping("/payments")
    public PageRequest.Page<RecordQueries.Item> payments(
            @RequestParam(name = "order_id", required = false) String orderId,
            @RequestParam(required = false) String decision,
            @Parameter(description = FROM) @RequestParam(required = false) OffsetDateTime from,
            @Parameter(description = TO) @RequestParam(required = false) OffsetDateTime to,
            @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size,
            @RequestParam(required = false) String sort) {
        List<RecordQueries.FieldFilter> f = filters("order_id", orderId);
        return records.list(Caller.current().tenantId(), "payment", f, null, decision, from, to,
                PageRequest.of(page, size, sort, RecordQueries.SORTABLE, "at,desc"));
    }

    @GetMapping("/payments/{id}")
    @Operation(summary = "One payment")
    public RecordQueries.Item payment(@PathVariable String id) {
        return records.get(Caller.current().tenantId(), "payment", id);
    }

    @Operation(summary = "List shipments", description = "Filter by forwarder, order, decision and time.")
    @GetMapping("/shipments")
    public PageRequest.Page<RecordQueries.Item> shipments(
            @RequestParam(name = "forwarder_id", required = false) String forwarderId,
            @RequestParam(name = "order_id", required = false) String orderId,
            @RequestParam(required = false) String decision,
            @Parameter(description = FROM) @RequestParam(required = false) OffsetDateTime from,
            @Parameter(description = TO) @RequestParam(required = false) OffsetDateTime to,
            @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size,
            @RequestParam(required = false) String sort) {
        List<RecordQueries.FieldFilter> f = filters("forwarder_id", forwarderId, "order_id", orderId);
        return records.list(Caller.current().tenantId(), "shipment", f, null, decision, from, to,
                PageRequest.of(page, size, sort, RecordQueries.SORTABLE, "at,desc"));
    }

    @GetMapping("/shipments/{id}")
    @Operation(summary = "One shipment with its tracking events")
    public Map<String, Object> shipment(@PathVariable String id) {
        long t = Caller.current().tenantId();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("shipment", records.get(t, "shipment", id));
        body.put("tracking", records.referencing(t, "tracking", "shipment_id", id, 500));
        return body;
    }

    @Operation(summary = "List listings", description = "Filter by seller, decision and time.")
    @GetMapping("/listings")
    public PageRequest.Page<RecordQueries.Item> listings(
            @RequestParam(name = "seller_id", required = false) String sellerId,
            @RequestParam(required = false) String decision,
            @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size,
            @RequestParam(required = false) String sort) {
        List<RecordQueries.FieldFilter> f = filters("seller_id", sellerId);
        return records.list(Caller.current().tenantId(), "listing", f, null, decision, null, null,
                PageRequest.of(page, size, sort, RecordQueries.SORTABLE, "at,desc"));
    }

    @Operation(summary = "List stored records of any type", description = "type as in POST /api/v1/records/{type}, e.g."
            + " hazards, political-events, outcomes, tracking.")
    @GetMapping("/records/{type}")
    public PageRequest.Page<RecordQueries.Item> records(@PathVariable String type,
            @Parameter(description = FROM) @RequestParam(required = false) OffsetDateTime from,
            @Parameter(description = TO) @RequestParam(required = false) OffsetDateTime to,
            @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size,
            @RequestParam(required = false) String sort) {
        var t = io.caravan.server.ingest.IngestController.stem(type);
        String name = io.caravan.server.ingest.ParsedRecord.typeName(t);
        return records.list(Caller.current().tenantId(), name, List.of(), null, null, from, to, PageRequest.of(page, size, sort,
                RecordQueries.ASSESSED.contains(name) ? RecordQueries.SORTABLE : RecordQueries.RECORD_SORTABLE, "seq,desc"));
    }

    /** A kind filter as the enum's name; an unknown kind is refused with the kinds there are. */
    private static String kind(String kind) {
        if (kind == null || kind.isBlank()) {
            return null;
        }
        String k = kind.trim().toUpperCase(java.util.Locale.ROOT);
        try {
            return io.caravan.domain.ParticipantKind.valueOf(k).name();
        } catch (IllegalArgumentException e) {
            throw new io.caravan.server.web.BadRequest("kind", "'" + kind.trim() + "' is not a kind of participant; use one of "
                    + String.join(", ", io.caravan.server.web.BadRequest.names(io.caravan.domain.ParticipantKind.class)));
        }
    }

    /** A country filter as its upper-case code; a code the reference data does not know is refused, not matched to nothing. */
    private String country(String field, String code) {
        if (code == null || code.isBlank()) {
            return null;
        }
        String c = code.trim().toUpperCase(java.util.Locale.ROOT);
        if (reference.countries().find(c).isEmpty()) {
            throw new io.caravan.server.web.BadRequest(field, "'" + code.trim() + "' is not an ISO 3166-1 alpha-2 country code"
                    + " known to countries.csv; use two letters such as DE or CN");
        }
        return c;
    }

    /** Field filters from (field, value) pairs; a value that is null or blank filters nothing. */
    private static List<RecordQueries.FieldFilter> filters(String... fieldsAndValues) {
        List<RecordQueries.FieldFilter> f = new ArrayList<>();
        for (int i = 0; i < fieldsAndValues.length; i += 2) {
            String value = fieldsAndValues[i + 1];
            if (value != null && !value.isBlank()) {
                f.add(new RecordQueries.FieldFilter(fieldsAndValues[i], value));
            }
        }
        return f;
    }
}
