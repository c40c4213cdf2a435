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
import tools.jackson.core.SerializableString;
import tools.jackson.core.io.SerializedString;
import tools.jackson.databind.JsonNode;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

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

    // Property names, and the values that come from a fixed set (codes, outcomes, horizons), are kept with their
    // JSON bytes ready: an order's assessment repeats some 150 of them, and writing them escaped character by
    // character was a large part of the time this format costs.
    private static final SerializableString SCHEMA = name("schema"), ID = name("id"), SUBJECT = name("subject"),
            SUBJECT_ID = name("subject_id"), AS_OF = name("as_of"), DECISION = name("decision"), ACTION = name("action"),
            DRIVERS = name("drivers"), EXPOSURE = name("exposure_usd"), EXPECTED_LOSS = name("expected_loss_usd"),
            ESTIMATES = name("estimates"), CATEGORY = name("category"), OUTCOME = name("outcome"),
            HORIZON = name("horizon"), PROBABILITY = name("probability"), INTERVAL = name("interval"),
            EVIDENCE = name("evidence"), REASONS = name("reasons"), CODE = name("code"), TEXT = name("text"),
            CONTRIBUTION = name("contribution"), MEASURES = name("measures"), VERSIONS_ID = name("versions_id");

    /** Values of a fixed set, by value; bounded, so that a caller's free text can never grow it without end. */
    private static final ConcurrentHashMap<String, SerializableString> FIXED = new ConcurrentHashMap<>();
    private static final int FIXED_LIMIT = 4096;

    private static SerializableString name(String n) {
        return new SerializedString(n);
    }

    /** A property whose value comes from a fixed set of the engine's (a code, an outcome, a horizon). */
    private static void writeFixed(JsonGenerator g, SerializableString name, String value) {
        g.writeName(name);
        SerializableString s = FIXED.get(value);
        if (s == null) {
            if (FIXED.size() >= FIXED_LIMIT) {
                g.writeString(value);
                return;
            }
            s = FIXED.computeIfAbsent(value, SerializedString::new);
        }
        g.writeString(s);
    }

    /** A property whose value is rounded to {@code decimals} (see {@link RoundedNumber}). */
    private static void writeRounded(JsonGenerator g, SerializableString name, double x, int decimals) {
        g.writeName(name);
        RoundedNumber.write(g, x, decimals);
    }

    /** An array of strings; by index, as the lists are immutable ones whose iterators the compiler does not always elide. */
    private static void writeStrings(JsonGenerator g, List<String> values) {
        g.writeStartArray();
        for (int i = 0; i < values.size(); i++) {
            g.writeString(values.get(i));
        }
        g.writeEndArray();
    }

    /** Writes one assessment; probabilities to 6 decimals, money to cents: enough for every use, and stable to read. */
    public static void write(JsonGenerator g, Assessment a, String versionsId) {
        g.writeStartObject();
        writeFixed(g, SCHEMA, Schemas.ASSESSMENT);
        g.writeName(ID);
        g.writeString(a.id());
        writeFixed(g, SUBJECT, a.subject().name());
        g.writeName(SUBJECT_ID);
        g.writeString(a.subjectId());
        g.writeName(AS_OF);
        g.writeString(a.asOf().toString());
        g.writeName(DECISION);
        g.writeStartObject();
        writeFixed(g, ACTION, a.decision().action().name());
        g.writeName(DRIVERS);
        writeStrings(g, a.decision().drivers());
        g.writeEndObject();
        writeRounded(g, EXPOSURE, a.exposureUsd(), 2);
        writeRounded(g, EXPECTED_LOSS, a.expectedLossUsd(), 2);
        g.writeName(ESTIMATES);
        g.writeStartArray();
        // loops by index, as in writeStrings
        List<Estimate> estimates = a.estimates();
        for (int ei = 0; ei < estimates.size(); ei++) {
            Estimate e = estimates.get(ei);
            g.writeStartObject();
            writeFixed(g, CATEGORY, e.category().name());
            writeFixed(g, OUTCOME, e.outcome());
            writeFixed(g, HORIZON, e.horizon());
            writeRounded(g, PROBABILITY, e.probability(), 6);
            g.writeName(INTERVAL);
            g.writeStartArray();
            RoundedNumber.write(g, e.interval().low(), 6);
            RoundedNumber.write(g, e.interval().high(), 6);
            g.writeEndArray();
            g.writeName(EVIDENCE);
            g.writeNumber(e.evidence());
            g.writeName(REASONS);
            g.writeStartArray();
            List<Reason> reasons = e.reasons();
            for (int ri = 0; ri < reasons.size(); ri++) {
                Reason r = reasons.get(ri);
                g.writeStartObject();
                writeFixed(g, CODE, r.code());
                g.writeName(TEXT);
                g.writeString(r.text());
                writeRounded(g, CONTRIBUTION, r.contribution(), 6);
                g.writeName(EVIDENCE);
                writeStrings(g, r.evidence());
                g.writeEndObject();
            }
            g.writeEndArray();
            if (!e.measures().isEmpty()) {
                g.writeName(MEASURES);
                g.writeStartObject();
                for (Map.Entry<String, Double> m : e.measures().entrySet()) {
                    g.writeName(m.getKey());
                    RoundedNumber.write(g, m.getValue(), 6);
                }
                g.writeEndObject();
            }
            g.writeEndObject();
        }
        g.writeEndArray();
        writeFixed(g, VERSIONS_ID, versionsId);
        g.writeEndObject();
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
