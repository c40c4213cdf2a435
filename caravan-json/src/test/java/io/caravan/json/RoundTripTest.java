package io.caravan.json;

import io.caravan.domain.Area;
import io.caravan.domain.BeneficialOwner;
import io.caravan.domain.CountryCode;
import io.caravan.domain.Event;
import io.caravan.domain.HazardEvent;
import io.caravan.domain.HazardKind;
import io.caravan.domain.GeoPoint;
import io.caravan.domain.Leg;
import io.caravan.domain.Listing;
import io.caravan.domain.Location;
import io.caravan.domain.Money;
import io.caravan.domain.Order;
import io.caravan.domain.OrderItem;
import io.caravan.domain.Outcome;
import io.caravan.domain.OutcomeKind;
import io.caravan.domain.Participant;
import io.caravan.domain.ParticipantKind;
import io.caravan.domain.Payment;
import io.caravan.domain.PaymentMethod;
import io.caravan.domain.PaymentParty;
import io.caravan.domain.PaymentStatus;
import io.caravan.domain.PoliticalEvent;
import io.caravan.domain.PoliticalEventKind;
import io.caravan.domain.Qualification;
import io.caravan.domain.RegistrationId;
import io.caravan.domain.Shipment;
import io.caravan.domain.TrackingEvent;
import io.caravan.domain.TrackingStatus;
import io.caravan.domain.TransportMode;
import io.caravan.reference.ReferenceData;
import io.caravan.risk.Assessment;
import io.caravan.risk.Action;
import io.caravan.risk.Decision;
import io.caravan.risk.Estimate;
import io.caravan.risk.Interval;
import io.caravan.risk.Reason;
import io.caravan.risk.RiskCategory;
import io.caravan.risk.SubjectType;
import io.caravan.risk.Versions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/** Every record type written and read back is the same record. */
class RoundTripTest {

    private static final Instant T = Instant.parse("2025-03-01T10:00:00Z");

    static List<Event> samples() {
        return List.of(
                new Participant("M-1", T, ParticipantKind.MERCHANT, "Acme Trading Co., Ltd.", List.of("Acme"), CountryCode.of("CN"),
                        List.of(new RegistrationId("USCC", "91440300")), List.of(new BeneficialOwner("Li Wei", CountryCode.of("CN"), 0.6)),
                        List.of(new Qualification("BUSINESS_LICENCE", "BL-1", "SAMR", LocalDate.of(2024, 1, 1), LocalDate.of(2027, 1, 1)))),
                new Order("O-1", T, "M-1", "MP-1", "B-1", CountryCode.of("US"), CountryCode.of("CN"), CountryCode.of("US"),
                        List.of(new OrderItem("S-1", "L-1", "950300", "toys", 2, Money.of("12.50", "USD"))), T.plusSeconds(86400 * 20), "S-1"),
                new Payment("P-1", T, "O-1", new PaymentParty("Ann Lee", "ACC-1", CountryCode.of("US")),
                        new PaymentParty("Acme", "IBAN-1", CountryCode.of("CN")), Money.of("25.00", "USD"), PaymentMethod.CARD, "PP-1",
                        PaymentStatus.CAPTURED),
                new Shipment("S-1", T, "O-1", "FF-1", List.of(new Leg(1, TransportMode.SEA, "C-1", Location.of("CNSGH"),
                        Location.of("USLAX"), T, T.plusSeconds(86400 * 15)))),
                new TrackingEvent("T-1", T.plusSeconds(3600), "S-1", 1, TrackingStatus.DEPARTED, Location.of("CNSGH")),
                new Listing("L-1", T, "M-1", "MP-1", "Bear", "A soft bear", "toys", "950300", List.of("age:3+"), Money.of("12.50", "USD")),
                new Outcome("X-1", T, OutcomeKind.DISPUTE, "M-1", "O-1", Money.of("25.00", "USD")),
                new HazardEvent("H-1", T, HazardKind.TROPICAL_CYCLONE, "Typhoon", 0.7, T.plusSeconds(86400),
                        new Area(List.of(), List.of(Location.of("CNSGH")), new GeoPoint(31.2, 121.5), 450), 6),
                new PoliticalEvent("PE-1", T, PoliticalEventKind.STRIKE, "Strike", 0.8, Instant.MAX,
                        new Area(List.of(CountryCode.of("DE")), List.of(), Area.NO_CENTRE, 0), 5));
    }

    @Test
    void eventsSurviveWritingAndReading(@TempDir Path dir) throws IOException {
        EventReader reader = new EventReader(ReferenceData.bundled());
        for (Event e : samples()) {
            Path f = dir.resolve(Schemas.fileName(e.type()));
            try (EventWriter w = new EventWriter(Files.newBufferedWriter(f, StandardCharsets.UTF_8))) {
                w.write(e);
            }
            EventReader.Result r = reader.read(f, e.type(), b -> { });
            assertThat(r.errors()).as(e.type().name()).isEmpty();
            assertThat(r.events()).singleElement().isEqualTo(e);
        }
    }

    /** The canonical bytes a digest is taken of are exactly the record's line in a file, however they are written. */
    @Test
    void aRecordsCanonicalBytesAreItsLineInAFile(@TempDir Path dir) throws IOException {
        for (Event e : samples()) {
            Path f = dir.resolve(Schemas.fileName(e.type()));
            try (EventWriter w = new EventWriter(Files.newBufferedWriter(f, StandardCharsets.UTF_8))) {
                w.write(e);
            }
            byte[] line = Files.readAllBytes(f);
            assertThat(line[line.length - 1]).isEqualTo((byte) '\n');
            assertThat(EventWriter.toJsonBytes(e)).as(e.type().name()).isEqualTo(java.util.Arrays.copyOf(line, line.length - 1));
            assertThat(EventWriter.toJson(e)).isEqualTo(new String(line, StandardCharsets.UTF_8).strip());
        }
    }

    @Test
    void assessmentsSurviveWritingAndReadingWithTheirVersions(@TempDir Path dir) throws IOException {
        Versions v = Versions.of(new TreeMap<>(Map.of("countries", "c-1", "engine", "e-1")));
        Estimate est = new Estimate(RiskCategory.LEGAL, "customs_refusal", "at import", 0.95, new Interval(0.9, 0.97), 2,
                List.of(new Reason("PROHIBITED_GOODS", "Fireworks are prohibited.", 0.95, List.of("legal-rules.csv line 20"))),
                new TreeMap<>(Map.of("k", 1.5)));
        Assessment a = new Assessment("order:O-1", SubjectType.ORDER, "O-1", T, List.of(est), 100, 95,
                new Decision(Action.BLOCK, List.of("LEGAL customs_refusal 95.0% >= block threshold 90.0%")), v);
        Path file = dir.resolve("assessments.jsonl");
        try (AssessmentFiles.Sink sink = AssessmentFiles.create(file)) {
            sink.write(a);
            sink.commit();
        }
        assertThat(AssessmentFiles.find(file, "order:O-1")).contains(a);
        assertThat(Files.readString(AssessmentFiles.versionsFile(file))).contains("\"countries\" : \"c-1\"");
        assertThat(AssessmentFiles.find(file, "order:O-2")).isEmpty();
    }

    @Test
    void aLineThatIsNotAnAssessmentIsNamedByFileAndLine(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("assessments.jsonl");
        Files.writeString(file, "\n{\"schema\":\"caravan.label.v1\",\"id\":\"order:O-1\"}\n");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> AssessmentFiles.forEach(file, a -> { }))
                .hasMessageStartingWith("assessments.jsonl line 2: not an assessment written by 'caravan assess'");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> AssessmentFiles.find(file, "order:O-1"))
                .hasMessageContaining("line 2");
        Files.writeString(file, "{broken\n");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> AssessmentFiles.forEach(file, a -> { }))
                .hasMessageStartingWith("assessments.jsonl line 1: not an assessment");
    }

    @Test
    void anAbortedFileLeavesNothingThatLooksFinished(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("assessments.jsonl");
        try (AssessmentFiles.Sink sink = AssessmentFiles.create(file)) {
            sink.abort();
        }
        assertThat(file).doesNotExist();
        try (var files = Files.list(dir)) {
            assertThat(files).isEmpty();
        }
    }
}
