package io.caravan.world;

import io.caravan.domain.Event;
import io.caravan.engine.Engine;
import io.caravan.json.AssessmentCodec;
import io.caravan.json.Json;
import io.caravan.reference.ReferenceData;
import io.caravan.risk.Assessment;
import org.junit.jupiter.api.Test;
import tools.jackson.core.JsonGenerator;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The engine is deterministic and its state survives a snapshot. */
class EngineReplayTest {

    private static final ReferenceData REF = ReferenceData.bundled();
    private static final List<Event> TIMELINE = WorldGeneratorTest.timeline(new WorldGenerator(REF).generate(21, 3000));

    /** Replays events from {@code from} to {@code to}, returning the assessments as written bytes. */
    private static String replay(Engine engine, int from, int to) {
        StringWriter out = new StringWriter();
        try (JsonGenerator g = Json.mapper().createGenerator(out)) {
            for (int i = from; i < to; i++) {
                Event e = TIMELINE.get(i);
                Optional<Assessment> a = engine.assess(e);
                a.ifPresent(x -> AssessmentCodec.write(g, x, "v"));
                engine.observe(e);
            }
            Event last = TIMELINE.get(to - 1);
            for (String id : engine.participantIds()) {
                engine.assessParticipant(id, last.at()).ifPresent(x -> AssessmentCodec.write(g, x, "v"));
            }
        }
        return out.toString();
    }

    @Test
    void theSameEventsInTheSameOrderGiveByteIdenticalAssessments() {
        String first = replay(new Engine(REF), 0, TIMELINE.size());
        String second = replay(new Engine(REF), 0, TIMELINE.size());
        assertThat(first).hasSizeGreaterThan(1_000_000);
        assertThat(second).isEqualTo(first);
    }

    /**
     * A server may start again on a machine set to another language or time zone. In Turkish, "AIR".toLowerCase() is
     * "aır" and "i".toUpperCase() is "İ"; in German a decimal is written with a comma; in Egyptian Arabic the digits
     * are "٠١٢"; at UTC+14 a day starts ten hours before it does in London. None of it may reach a reason code, a
     * sentence or a number of an assessment.
     */
    @Test
    void theMachinesLanguageAndTimeZoneChangeNotOneByte() {
        String neutral = replay(new Engine(REF), 0, TIMELINE.size());
        Locale before = Locale.getDefault();
        java.util.TimeZone zone = java.util.TimeZone.getDefault();
        try {
            for (String tag : List.of("tr-TR", "de-DE", "ar-EG")) {
                Locale.setDefault(Locale.forLanguageTag(tag));
                assertThat(replay(new Engine(REF), 0, TIMELINE.size())).as("with the default locale %s", tag).isEqualTo(neutral);
            }
            java.util.TimeZone.setDefault(java.util.TimeZone.getTimeZone("Pacific/Kiritimati"));
            assertThat(replay(new Engine(REF), 0, TIMELINE.size())).as("in the time zone UTC+14").isEqualTo(neutral);
        } finally {
            Locale.setDefault(before);
            java.util.TimeZone.setDefault(zone);
        }
        assertThat(neutral).contains("(air)").contains("(sea)");
    }

    /**
     * An assessment's sentences are written after it is made (the server encodes a batch on another thread while
     * its engine goes on with the next), so they must say what the engine knew when it assessed: here every
     * participant is renamed before the held assessments are written, and not one sentence may change.
     */
    @Test
    void anAssessmentsSentencesSayWhatWasKnownWhenItWasMadeNotWhenTheyAreWritten() {
        int part = TIMELINE.size() / 3;
        String writtenAtOnce = replay(new Engine(REF), 0, part);

        Engine engine = new Engine(REF);
        List<Assessment> held = new java.util.ArrayList<>();
        for (int i = 0; i < part; i++) {
            Event e = TIMELINE.get(i);
            engine.assess(e).ifPresent(held::add);
            engine.observe(e);
        }
        Event last = TIMELINE.get(part - 1);
        for (String id : engine.participantIds()) {
            engine.assessParticipant(id, last.at()).ifPresent(held::add);
        }
        int renamed = 0;
        for (Event e : TIMELINE.subList(0, part)) {
            if (e instanceof io.caravan.domain.Participant p) {
                engine.observe(new io.caravan.domain.Participant(p.id(), last.at().plusSeconds(60), p.kind(), "Renamed " + p.legalName(),
                        p.aliases(), p.country(), p.registrations(), p.owners(), p.qualifications()));
                renamed++;
            }
        }
        assertThat(renamed).isPositive();
        StringWriter out = new StringWriter();
        try (JsonGenerator g = Json.mapper().createGenerator(out)) {
            held.forEach(a -> AssessmentCodec.write(g, a, "v"));
        }
        assertThat(out.toString()).doesNotContain("Renamed ").isEqualTo(writtenAtOnce);
    }

    @Test
    void aRestoredSnapshotContinuesExactlyWhereItStopped() throws IOException, ClassNotFoundException {
        int half = TIMELINE.size() / 2;
        Engine straight = new Engine(REF);
        replay(straight, 0, half);
        String expected = replay(straight, half, TIMELINE.size());

        Engine before = new Engine(REF);
        replay(before, 0, half);
        ByteArrayOutputStream snapshot = new ByteArrayOutputStream();
        before.snapshot(snapshot);
        Engine restored = Engine.restore(REF, new ByteArrayInputStream(snapshot.toByteArray()));
        assertThat(restored.stateSizes()).isEqualTo(before.stateSizes());
        assertThat(replay(restored, half, TIMELINE.size())).isEqualTo(expected);
    }
}
