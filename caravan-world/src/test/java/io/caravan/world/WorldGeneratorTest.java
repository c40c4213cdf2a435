package io.caravan.world;

import io.caravan.domain.Event;
import io.caravan.domain.Leg;
import io.caravan.domain.OrderItem;
import io.caravan.domain.RecordType;
import io.caravan.json.EventReader;
import io.caravan.json.Schemas;
import io.caravan.reference.ReferenceData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WorldGeneratorTest {

    private static final ReferenceData REF = ReferenceData.bundled();

    private static String digest(Path dir) throws Exception {
        MessageDigest d = MessageDigest.getInstance("SHA-256");
        try (var files = Files.list(dir)) {
            for (Path f : files.sorted().collect(Collectors.toList())) {
                d.update(f.getFileName().toString().getBytes());
                d.update(Files.readAllBytes(f));
            }
        }
        return HexFormat.of().formatHex(d.digest());
    }

    @Test
    void theSameSeedGivesTheSameWorldByteForByte(@TempDir Path a, @TempDir Path b, @TempDir Path c) throws Exception {
        WorldFiles.write(new WorldGenerator(REF).generate(11, 1000), a);
        WorldFiles.write(new WorldGenerator(REF).generate(11, 1000), b);
        WorldFiles.write(new WorldGenerator(REF).generate(12, 1000), c);
        assertThat(digest(a)).isEqualTo(digest(b));
        assertThat(digest(a)).isNotEqualTo(digest(c));
    }

    /** Under Egyptian Arabic, Java formats 17 as "٠٠٠٠١٧": an order's id must read O-000017 on every machine. */
    @Test
    void theMachinesLanguageChangesNoIdentifier(@TempDir Path neutral, @TempDir Path arabic) throws Exception {
        WorldFiles.write(new WorldGenerator(REF).generate(11, 1000), neutral);
        java.util.Locale before = java.util.Locale.getDefault();
        try {
            java.util.Locale.setDefault(java.util.Locale.forLanguageTag("ar-EG"));
            WorldFiles.write(new WorldGenerator(REF).generate(11, 1000), arabic);
        } finally {
            java.util.Locale.setDefault(before);
        }
        assertThat(digest(arabic)).isEqualTo(digest(neutral));
    }

    @Test
    void everyRecordWrittenReadsBackWithoutError(@TempDir Path dir) throws IOException {
        WorldGenerator.World w = new WorldGenerator(REF).generate(3, 2000);
        WorldFiles.write(w, dir);
        EventReader reader = new EventReader(REF);
        long total = 0;
        for (RecordType t : RecordType.values()) {
            EventReader.Result r = reader.read(dir.resolve(Schemas.fileName(t)), t, x -> { });
            assertThat(r.errors()).as(t.name()).isEmpty();
            total += r.events().size();
        }
        assertThat(total).isEqualTo(w.byType().values().stream().mapToLong(List::size).sum());
        assertThat(w.orderList()).hasSize(2000);
    }

    @Test
    void itUsesRealReferenceData() {
        WorldGenerator.World w = new WorldGenerator(REF).generate(5, 1000);
        for (var s : w.shipments()) {
            for (Leg leg : s.legs()) {
                for (var l : List.of(leg.from(), leg.to())) {
                    if (l.isSpecific()) {
                        assertThat(REF.ports().find(l.code())).as(l.code()).isPresent();
                    }
                    assertThat(REF.countries().contains(l.country())).isTrue();
                }
            }
        }
        for (var o : w.orderList()) {
            for (OrderItem i : o.items()) {
                assertThat(REF.hs().isValid(i.hsCode())).as(i.hsCode()).isTrue();
            }
        }
        Set<String> countries = new HashSet<>();
        w.participants().forEach(p -> countries.add(p.country().value()));
        w.orderList().forEach(o -> countries.add(o.shipTo().value()));
        assertThat(countries.size()).isGreaterThanOrEqualTo(30);
    }

    @Test
    void labelsNameSubjectsThatExistAndCoverEveryPlantedRisk() {
        WorldGenerator.World w = new WorldGenerator(REF).generate(9, 5000);
        Set<String> subjects = new HashSet<>();
        w.orderList().forEach(o -> subjects.add("order:" + o.id()));
        w.payments().forEach(p -> subjects.add("payment:" + p.id()));
        w.shipments().forEach(s -> subjects.add("shipment:" + s.id()));
        w.listings().forEach(l -> subjects.add("listing:" + l.id()));
        w.participants().forEach(p -> subjects.add("participant:" + p.id()));
        assertThat(w.labels()).allSatisfy(l -> assertThat(subjects).contains(l.subject()));
        Set<String> truths = w.labels().stream().map(Label::truth).collect(Collectors.toSet());
        assertThat(truths).contains("unreliable_carrier_lane", "fraud_ring", "sanctioned_party", "copied_listing",
                "prohibited_goods", "typhoon_exposure", "port_strike_exposure", "missing_disclosure", "high_risk_merchant",
                "embargoed_lane", "missing_certificate");
    }

    @Test
    void refusesATinyWorld() {
        assertThatThrownBy(() -> new WorldGenerator(REF).generate(1, 10)).hasMessageContaining("at least 200");
    }

    static List<Event> timeline(WorldGenerator.World w) {
        List<Event> t = new java.util.ArrayList<>();
        w.byType().values().forEach(t::addAll);
        t.sort(java.util.Comparator.comparing(Event::at).thenComparing(e -> e.type().ordinal()));
        return t;
    }
}
