package io.caravan.server;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The order list's answers, however they are found (orders by decision or ranked by probability come from the
 * assessments' indexes, counts by lane and decision from the daily sums): the same orders, totals and order as
 * the orders themselves give when read one by one.
 */
class OrderListTest {

    record Row(String id, String at, String action, double pMax, String shipTo, String merchant) {
    }

    static Org org;
    static List<Row> all = new ArrayList<>();

    @BeforeAll
    static void load() {
        org = Org.withWorld("order-list", 300);
        for (int page = 0; ; page++) {
            JsonNode items = get("/api/v1/orders?size=500&page=" + page).get("items");
            for (JsonNode i : items) {
                all.add(new Row(i.get("id").stringValue(), i.get("at").stringValue(), i.get("action").stringValue(),
                        i.get("p_max").doubleValue(), i.get("record").get("ship_to").stringValue(),
                        i.get("record").get("merchant_id").stringValue()));
            }
            if (items.size() < 500) {
                break;
            }
        }
        assertThat(all).hasSize(300);
    }

    private static JsonNode get(String path) {
        Client.Response r = org.as(Org.Role.VIEWER).get(path);
        assertThat(r.status()).as(path).isEqualTo(200);
        return r.json();
    }

    @Test
    void byDecisionNewestFirstWithExactTotals() {
        assertThat(get("/api/v1/orders?size=1").get("total").asLong()).isEqualTo(300);
        for (String action : List.of("APPROVE", "REVIEW", "HOLD", "BLOCK")) {
            List<Row> expected = all.stream().filter(r -> r.action().equals(action))
                    .sorted(Comparator.comparing(Row::at).reversed()).toList();
            JsonNode page = get("/api/v1/orders?size=500&decision=" + action);
            assertThat(page.get("total").asLong()).as(action).isEqualTo(expected.size());
            assertThat(page.get("total_exact").asBoolean()).isTrue();
            List<String> ats = new ArrayList<>();
            for (JsonNode i : page.get("items")) {
                assertThat(i.get("action").stringValue()).isEqualTo(action);
                ats.add(i.get("at").stringValue());
            }
            assertThat(ats).containsExactlyElementsOf(expected.stream().map(Row::at).toList());
        }
    }

    @Test
    void byLaneAndDecisionCountedFromTheSums() {
        Row some = all.stream().filter(r -> !r.action().equals("APPROVE")).findFirst().orElseThrow();
        long expected = all.stream().filter(r -> r.shipTo().equals(some.shipTo()) && r.action().equals(some.action())).count();
        JsonNode page = get("/api/v1/orders?size=500&ship_to=" + some.shipTo() + "&decision=" + some.action());
        assertThat(page.get("total").asLong()).isEqualTo(expected);
        assertThat(page.get("items").size()).isEqualTo((int) expected);
        assertThat(get("/api/v1/orders?size=1&ship_to=" + some.shipTo()).get("total").asLong())
                .isEqualTo(all.stream().filter(r -> r.shipTo().equals(some.shipTo())).count());
        // a merchant is not in the sums: counted by the records, exactly below the cap
        long merchants = all.stream().filter(r -> r.merchant().equals(some.merchant())).count();
        JsonNode byMerchant = get("/api/v1/orders?size=1&merchant_id=" + some.merchant());
        assertThat(byMerchant.get("total").asLong()).isEqualTo(merchants);
        assertThat(byMerchant.get("total_exact").asBoolean()).isTrue();
    }

    @Test
    void rankedByProbability() {
        List<Double> expected = all.stream().map(Row::pMax).sorted(Comparator.reverseOrder()).limit(50).toList();
        List<Double> got = new ArrayList<>();
        for (JsonNode i : get("/api/v1/orders?sort=p_max,desc").get("items")) {
            got.add(i.get("p_max").doubleValue());
        }
        assertThat(got).containsExactlyElementsOf(expected);
    }
}
