package io.caravan.world;

import io.caravan.domain.Event;
import io.caravan.domain.HazardEvent;
import io.caravan.domain.Leg;
import io.caravan.domain.Shipment;
import io.caravan.engine.Engine;
import io.caravan.reference.ReferenceData;
import io.caravan.risk.Assessment;
import io.caravan.risk.RiskCategory;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** A hazard event reaches the shipments already on their way through the place it strikes. */
class DisruptionReachTest {

    @Test
    void theTyphoonReachesInFlightShipmentsThroughShanghaiAndNoOthers() {
        ReferenceData ref = ReferenceData.bundled();
        List<Event> timeline = new WorldGenerator(ref).generate(3, 3000).timeline();
        Engine engine = new Engine(ref);
        Map<String, Shipment> shipments = new HashMap<>();
        List<Assessment> reached = null;
        HazardEvent typhoon = null;
        for (Event e : timeline) {
            engine.observe(e);
            if (e instanceof Shipment s) {
                shipments.put(s.id(), s);
            }
            if (e instanceof HazardEvent h && h.id().equals("H-0001")) {
                typhoon = h;
                reached = engine.inFlightTouchedBy(h);
                break;
            }
        }
        assertThat(typhoon).as("the demo world's typhoon").isNotNull();
        assertThat(reached).isNotEmpty();
        for (Assessment a : reached) {
            Shipment s = shipments.get(a.subjectId());
            assertThat(s.legs().stream().map(Leg::to).map(l -> l.code()).toList()).as(a.subjectId()).contains("CNSGH");
            assertThat(a.asOf()).isEqualTo(typhoon.at());
            assertThat(a.estimates().stream().filter(x -> x.category() == RiskCategory.NATURAL).findFirst().orElseThrow()
                    .hasReason("HAZARD_EVENT")).isTrue();
        }
        assertThat(reached).extracting(Assessment::subjectId).isSorted().doesNotHaveDuplicates();
    }
}
