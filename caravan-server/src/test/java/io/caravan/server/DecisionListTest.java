package io.caravan.server;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Shipments, payments and listings filtered by decision or ranked by probability — found from the assessments'
 * indexes (schemas 10 and 12) rather than record by record — give the same items, totals and order as the whole
 * list read page by page, where each record shows its newest assessment.
 */
class DecisionListTest {

    record Row(String id, String at, String action, double pMax) {
    }

    static Org org;
    static final Map<String, List<Row>> ALL = new TreeMap<>();

    @BeforeAll
    static void load() {
        org = Org.withWorld("decision-list", 400);
        for (String list : List.of("shipments", "payments", "listings")) {
            List<Row> rows = new ArrayList<>();
            for (int page = 0; ; page++) {
                JsonNode items = get("/api/v1/" + list + "?size=500&page=" + page).get("items");
                for (JsonNode i : items) {
                    rows.add(new Row(i.get("id").stringValue(), i.get("at").stringValue(), i.get("action").stringValue(),
                            i.get("p_max").doubleValue()));
                }
                if (items.size() < 500) {
                    break;
                }
            }
            ALL.put(list, rows);
        }
    }

    private static JsonNode get(String path) {
        Client.Response r = org.as(Org.Role.VIEWER).get(path);
        assertThat(r.status()).as(path).isEqualTo(200);
        return r.json();
    }

    @Test
    void theWorldHasSomethingNotApprovedInEachList() {
        ALL.forEach((list, rows) -> assertThat(rows).as(list).isNotEmpty()
                .anyMatch(r -> !r.action().equals("APPROVE")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"shipments", "payments", "listings"})
    void byDecisionNewestFirstWithExactTotals(String list) {
        for (String action : List.of("APPROVE", "REVIEW", "HOLD", "BLOCK")) {
            List<Row> expected = ALL.get(list).stream().filter(r -> r.action().equals(action))
                    .sorted(Comparator.comparing(Row::at).reversed()).toList();
            JsonNode page = get("/api/v1/" + list + "?size=500&decision=" + action);
            assertThat(page.get("total").asLong()).as(list + " " + action).isEqualTo(expected.size());
            assertThat(page.get("total_exact").asBoolean()).isTrue();
            List<String> ids = new ArrayList<>();
            List<String> ats = new ArrayList<>();
            for (JsonNode i : page.get("items")) {
                assertThat(i.get("action").stringValue()).isEqualTo(action);
                ids.add(i.get("id").stringValue());
                ats.add(i.get("at").stringValue());
            }
            // newest first; records of the same time may come in either order
            assertThat(ats).as(list + " " + action).containsExactlyElementsOf(expected.stream().map(Row::at).toList());
            assertThat(ids).as(list + " " + action).containsExactlyInAnyOrderElementsOf(expected.stream().map(Row::id).toList());
        }
    }

    @Test
    void assessmentsMatchingAFilterAreCountedUpToTheCapAndAllOfThemExactly() {
        JsonNode all = get("/api/v1/assessments?size=1");
        assertThat(all.get("total_exact").asBoolean()).isTrue();
        long total = all.get("total").asLong();
        long orders = get("/api/v1/assessments?size=1&subject_type=order").get("total").asLong();
        long others = total - orders;
        assertThat(orders).isEqualTo(400);
        assertThat(others).as("this world's other assessments, more than the cap").isGreaterThan(1_000);
        JsonNode notOrders = get("/api/v1/assessments?size=1&min_probability=0");
        assertThat(notOrders.get("total").asLong()).isEqualTo(1_000);
        assertThat(notOrders.get("total_exact").asBoolean()).isFalse();
        JsonNode few = get("/api/v1/assessments?size=1&subject_type=order");
        assertThat(few.get("total_exact").asBoolean()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"shipments", "payments", "listings"})
    void rankedByProbability(String list) {
        List<Double> expected = ALL.get(list).stream().map(Row::pMax).sorted(Comparator.reverseOrder()).limit(50).toList();
        List<Double> got = new ArrayList<>();
        for (JsonNode i : get("/api/v1/" + list + "?sort=p_max,desc").get("items")) {
            got.add(i.get("p_max").doubleValue());
        }
        assertThat(got).containsExactlyElementsOf(expected);
        JsonNode page = get("/api/v1/" + list + "?size=1&sort=p_max,desc");
        assertThat(page.get("total").asLong()).isEqualTo(ALL.get(list).size());
    }
}
