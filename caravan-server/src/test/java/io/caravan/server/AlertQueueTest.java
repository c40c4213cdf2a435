package io.caravan.server;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The alert queue's orders — most severe first (oldest first within a severity), oldest first, newest first —
 * page by page, with and without a severity filter, equal the orders worked out from every open alert read one
 * by one.
 */
class AlertQueueTest {

    record Row(long id, int rank, String firstRaised) {
    }

    @Test
    void mostSevereFirstThenOldestPageByPage() {
        Org org = Org.withWorld("alert-queue", 300);
        Client viewer = org.as(Org.Role.VIEWER);
        List<Row> all = new ArrayList<>();
        for (int page = 0; ; page++) {
            JsonNode items = viewer.get("/api/v1/alerts?status=OPEN&sort=id&size=500&page=" + page).json().get("items");
            for (JsonNode a : items) {
                all.add(new Row(a.get("id").asLong(), List.of("LOW", "MEDIUM", "HIGH", "CRITICAL").indexOf(a.get("severity").stringValue()),
                        a.get("first_raised").stringValue()));
            }
            if (items.size() < 500) {
                break;
            }
        }
        assertThat(all).hasSizeGreaterThan(120);
        Comparator<Row> queue = Comparator.comparingInt(Row::rank).reversed()
                .thenComparing(r -> java.time.OffsetDateTime.parse(r.firstRaised())).thenComparingLong(Row::id);
        List<Long> expected = all.stream().sorted(queue).map(Row::id).toList();
        List<Long> paged = new ArrayList<>();
        for (int page = 0; page * 50 < all.size(); page++) {
            JsonNode p = viewer.get("/api/v1/alerts?status=OPEN&size=50&page=" + page).json();
            assertThat(p.get("total").asLong()).isEqualTo(all.size());
            p.get("items").forEach(a -> paged.add(a.get("id").asLong()));
        }
        assertThat(paged).containsExactlyElementsOf(expected);

        // oldest and newest first, across severities
        Comparator<Row> age = Comparator.comparing((Row r) -> java.time.OffsetDateTime.parse(r.firstRaised())).thenComparingLong(Row::id);
        for (String sort : List.of("first_raised", "first_raised,desc")) {
            Comparator<Row> order = sort.endsWith("desc")
                    ? Comparator.comparing((Row r) -> java.time.OffsetDateTime.parse(r.firstRaised())).reversed().thenComparingLong(Row::id)
                    : age;
            List<Long> want = all.stream().sorted(order).map(Row::id).limit(100).toList();
            List<Long> have = new ArrayList<>();
            for (int page = 0; page < 2; page++) {
                viewer.get("/api/v1/alerts?status=OPEN&size=50&sort=" + sort + "&page=" + page).json().get("items")
                        .forEach(a -> have.add(a.get("id").asLong()));
            }
            assertThat(have).as(sort).containsExactlyElementsOf(want);
        }

        List<Long> high = all.stream().filter(r -> r.rank() == 2).sorted(queue).map(Row::id).limit(30).toList();
        List<Long> got = new ArrayList<>();
        viewer.get("/api/v1/alerts?status=OPEN&severity=HIGH&size=30").json().get("items").forEach(a -> got.add(a.get("id").asLong()));
        assertThat(got).containsExactlyElementsOf(high);
    }
}
