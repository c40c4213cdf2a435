package io.caravan.json;

import io.caravan.risk.Action;
import io.caravan.risk.Assessment;
import io.caravan.risk.Decision;
import io.caravan.risk.Estimate;
import io.caravan.risk.Interval;
import io.caravan.risk.Reason;
import io.caravan.risk.RiskCategory;
import io.caravan.risk.SubjectType;
import io.caravan.risk.Versions;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.JsonNode;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The {@code caravan.assessment.v1} format. An assessment names the versions it used by
 * {@code versions_id}, a digest of the full version map, which {@code versions.json} beside the
 * assessments file lists — one entry for a whole run instead of a copy per line.
 */
public final class AssessmentCodec {

    private AssessmentCodec() {
    }

    /** A stable identifier of a version map: "v-" and the first 12 hex digits of its SHA-256. */
    public static String versionsId(Versions v) {
        try {
            MessageDigest d = MessageDigest.getInstance("SHA-256");
            for (Map.Entry<String, String> e : v.components().entrySet()) {
                d.update((e.getKey() + "=" + e.getValue() + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
            }
            return "v-" + HexFormat.of().formatHex(d.digest()).substring(0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** One assessment as one line of JSON in UTF-8, without the line end. */
    public static byte[] toJsonBytes(Assessment a, String versionsId) {
        Utf8Buffer out = Utf8Buffer.get();
        // The plain token stream: no data-binding context is needed to write an assessment field by field.
        try (JsonGenerator g = Json.mapper().tokenStreamFactory().createGenerator(out)) {
            write(g, a, versionsId);
        }
        return out.take();
    }

    /** One assessment as one line of JSON, without the line end. */
    public static String toJson(Assessment a, String versionsId) {
        return new String(toJsonBytes(a, versionsId), java.nio.charset.StandardCharsets.UTF_8);
    }

    public static void write(JsonGenerator g, Assessment a, String versionsId) {
        g.writeStartObject();
        g.writeStringProperty("schema", Schemas.ASSESSMENT);
        g.writeStringProperty("id", a.id());
        g.writeStringProperty("subject", a.subject().name());
        g.writeStringProperty("subject_id", a.subjectId());
        g.writeStringProperty("as_of", a.asOf().toString());
        g.writeObjectPropertyStart("decision");
        g.writeStringProperty("action", a.decision().action().name());
        g.writeArrayPropertyStart("drivers");
        for (String d : a.decision().drivers()) {
            g.writeString(d);
        }
        g.writeEndArray();
        g.writeEndObject();
        g.writeNumberProperty("exposure_usd", round(a.exposureUsd(), 100));
        g.writeNumberProperty("expected_loss_usd", round(a.expectedLossUsd(), 100));
        g.writeArrayPropertyStart("estimates");
        for (Estimate e : a.estimates()) {
            g.writeStartObject();
            g.writeStringProperty("category", e.category().name());
            g.writeStringProperty("outcome", e.outcome());
            g.writeStringProperty("horizon", e.horizon());
            g.writeNumberProperty("probability", round(e.probability(), 1e6));
            g.writeArrayPropertyStart("interval");
            g.writeNumber(round(e.interval().low(), 1e6));
            g.writeNumber(round(e.interval().high(), 1e6));
            g.writeEndArray();
            g.writeNumberProperty("evidence", e.evidence());
            g.writeArrayPropertyStart("reasons");
            for (Reason r : e.reasons()) {
                g.writeStartObject();
                g.writeStringProperty("code", r.code());
                g.writeStringProperty("text", r.text());
                g.writeNumberProperty("contribution", round(r.contribution(), 1e6));
                g.writeArrayPropertyStart("evidence");
                for (String ev : r.evidence()) {
                    g.writeString(ev);
                }
                g.writeEndArray();
                g.writeEndObject();
            }
            g.writeEndArray();
            if (!e.measures().isEmpty()) {
                g.writeObjectPropertyStart("measures");
                for (Map.Entry<String, Double> m : e.measures().entrySet()) {
                    g.writeNumberProperty(m.getKey(), round(m.getValue(), 1e6));
                }
                g.writeEndObject();
            }
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeStringProperty("versions_id", versionsId);
        g.writeEndObject();
    }

    /** Probabilities are written to 6 decimals, money to cents: enough for every use, and stable to read. */
    static double round(double x, double scale) {
        return Math.round(x * scale) / scale;
    }

    /** Reads an assessment written by {@link #write}; the versions are those named by {@code versions}. */
    public static Assessment read(JsonNode n, Map<String, Versions> versions) {
        List<Estimate> estimates = new ArrayList<>();
        for (JsonNode e : n.get("estimates")) {
            List<Reason> reasons = new ArrayList<>();
            for (JsonNode r : e.get("reasons")) {
                List<String> ev = new ArrayList<>();
                r.get("evidence").forEach(x -> ev.add(x.stringValue()));
                reasons.add(new Reason(r.get("code").stringValue(), r.get("text").stringValue(),
                        r.get("contribution").doubleValue(), ev));
            }
            TreeMap<String, Double> measures = new TreeMap<>();
            JsonNode m = e.get("measures");
            if (m != null) {
                for (String k : m.propertyNames()) {
                    measures.put(k, m.get(k).doubleValue());
                }
            }
            estimates.add(new Estimate(RiskCategory.valueOf(e.get("category").stringValue()), e.get("outcome").stringValue(),
                    e.get("horizon").stringValue(), e.get("probability").doubleValue(),
                    new Interval(e.get("interval").get(0).doubleValue(), e.get("interval").get(1).doubleValue()),
                    e.get("evidence").longValue(), reasons, measures));
        }
        List<String> drivers = new ArrayList<>();
        n.get("decision").get("drivers").forEach(x -> drivers.add(x.stringValue()));
        String vid = n.get("versions_id").stringValue();
        Versions v = versions.getOrDefault(vid, Versions.of(Map.of("versions_id", vid)));
        return new Assessment(n.get("id").stringValue(), SubjectType.valueOf(n.get("subject").stringValue()),
                n.get("subject_id").stringValue(), Instant.parse(n.get("as_of").stringValue()), estimates,
                n.get("exposure_usd").doubleValue(), n.get("expected_loss_usd").doubleValue(),
                new Decision(Action.valueOf(n.get("decision").get("action").stringValue()), drivers), v);
    }
}
