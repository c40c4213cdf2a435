package io.caravan.server;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

/** Query parameters as people type them: a misspelt name is refused, not ignored; times in the forms people write. */
class QueryParametersTest {

    static Org org;
    static Client viewer;

    @BeforeAll
    static void load() {
        org = Org.create("query-parameters");
        assertThat(org.as(Org.Role.INGEST).postNdjson("/api/v1/records", Worlds.ndjson(Worlds.lines(200))).status()).isEqualTo(200);
        viewer = org.as(Org.Role.VIEWER);
    }

    private static JsonNode refused(String path, String field) {
        Client.Response r = viewer.get(path);
        assertThat(r.status()).as(path).isEqualTo(400);
        assertThat(r.header("Content-Type")).contains("application/problem+json");
        assertThat(r.json().get("field").stringValue()).as(path).isEqualTo(field);
        return r.json();
    }

    private static long total(String path) {
        Client.Response r = viewer.get(path);
        assertThat(r.status()).as(path + ": " + r.body()).isEqualTo(200);
        return r.json().get("total").asLong();
    }

    @Test
    void aNameTheEndpointDoesNotTakeIsRefusedWithTheNamesItDoes() {
        JsonNode p = refused("/api/v1/orders?shipto=DE", "shipto");
        assertThat(p.get("detail").stringValue())
                .isEqualTo("'shipto' is not a parameter of GET /api/v1/orders; it takes decision, from, marketplace_id,"
                        + " merchant_id, page, ship_from, ship_to, size, sort, to");
        assertThat(refused("/api/v1/alerts/summary?severity=HIGH", "severity").get("detail").stringValue())
                .endsWith("; it takes none");
        refused("/api/v1/assessments?size=1&risk=credit", "risk");

        // names as the address may escape them, and the right ones, pass
        assertThat(total("/api/v1/orders?ship%5Fto=DE&size=1")).isEqualTo(total("/api/v1/orders?ship_to=DE&size=1")).isPositive();
        assertThat(total("/api/v1/orders?size=1&")).isEqualTo(200);
    }

    @Test
    void aValueNotOfItsTypeSaysWhatItShouldBe() {
        assertThat(refused("/api/v1/orders?page=abc", "page").get("detail").stringValue()).isEqualTo("'abc' is not a whole number");
        assertThat(refused("/api/v1/assessments?min_probability=high", "min_probability").get("detail").stringValue())
                .isEqualTo("'high' is not a number such as 0.25");
        assertThat(refused("/api/v1/orders?from=yesterday", "from").get("detail").stringValue())
                .isEqualTo("'yesterday' is not a date or a date and time; write 2025-06-01, or 2025-06-01T08:00:00Z with its offset");
        assertThat(refused("/api/v1/cases/abc", "id").get("detail").stringValue()).isEqualTo("'abc' is not a whole number");
    }

    @Test
    void aDateIsItsFirstInstantInUtcAndAnUnescapedPlusIsReadBack() {
        // the day of the middle order, so that the filter splits the orders
        JsonNode orders = viewer.get("/api/v1/orders?size=500&sort=at").json().get("items");
        OffsetDateTime middle = OffsetDateTime.parse(orders.get(orders.size() / 2).get("at").stringValue());
        String day = middle.toLocalDate().toString();
        long expected = 0;
        for (JsonNode o : orders) {
            if (!OffsetDateTime.parse(o.get("at").stringValue()).isBefore(middle.toLocalDate().atStartOfDay().atOffset(ZoneOffset.UTC))) {
                expected++;
            }
        }
        assertThat(expected).isStrictlyBetween(0L, 200L);
        assertThat(total("/api/v1/orders?size=1&from=" + day)).isEqualTo(expected);
        assertThat(total("/api/v1/orders?size=1&from=" + day + "T00:00:00Z")).isEqualTo(expected);
        // "+02:00" typed into an address unescaped arrives as " 02:00"
        assertThat(total("/api/v1/orders?size=1&from=" + day + "T02:00:00+02:00")).isEqualTo(expected);
        assertThat(total("/api/v1/orders?size=1&from=" + day + "T02:00:00%2B02:00")).isEqualTo(expected);
    }
}
