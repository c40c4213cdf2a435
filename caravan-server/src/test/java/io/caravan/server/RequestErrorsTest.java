package io.caravan.server;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Requests as people get them wrong: a misspelt parameter or body field is refused, not ignored; a value of the wrong
 * type or a broken body says where and what it should be; times are read in the forms people write.
 */
class RequestErrorsTest {

    static Org org;
    static Client viewer;

    @BeforeAll
    static void load() {
        org = Org.withWorld("query-parameters", 200);
        viewer = org.as(Org.Role.VIEWER);
    }

    private static JsonNode refused(String path, String field) {
        return refused(path, viewer.get(path), field);
    }

    private static JsonNode refused(String what, Client.Response r, String field) {
        assertThat(r.status()).as(what + ": " + r.body()).isEqualTo(400);
        assertThat(r.header("Content-Type")).contains("application/problem+json");
        if (field == null) {
            assertThat(r.json().has("field")).as(what).isFalse();
        } else {
            assertThat(r.json().get("field").stringValue()).as(what).isEqualTo(field);
        }
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
    void aSortKeyTheListDoesNotHaveIsRefusedWithTheKeysItHas() {
        assertThat(refused("/api/v1/orders?sort=risk", "sort").get("detail").stringValue())
                .isEqualTo("'risk' cannot be sorted on; sortable: at, expected_loss_usd, id, p_max, seq");
        // tracking events, outcomes and events are never assessed themselves: no probability to rank them by
        assertThat(refused("/api/v1/records/tracking?sort=p_max,desc", "sort").get("detail").stringValue())
                .isEqualTo("'p_max' cannot be sorted on; sortable: at, id, seq");
        refused("/api/v1/records/outcomes?sort=expected_loss_usd", "sort");
        assertThat(total("/api/v1/records/orders?sort=p_max,desc&size=1")).isEqualTo(200);
        assertThat(total("/api/v1/records/tracking?sort=id&size=1")).isPositive();
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
    void aFilterValueThatCouldMatchNothingIsRefused() {
        // "orders" as in the path /api/v1/orders, where a subject type is singular
        assertThat(refused("/api/v1/assessments?subject_type=orders", "subject_type").get("detail").stringValue())
                .isEqualTo("'orders' is not a subject type; use order, payment, shipment, participant, listing");
        refused("/api/v1/assessments/export?subject_type=orders", "subject_type");
        refused("/api/v1/alerts?subject_type=orders", "subject_type");
        assertThat(refused("/api/v1/alerts?kind=sanctions", "kind").get("detail").stringValue()).startsWith(
                "'sanctions' is not a kind of alert; use sanctions_hit, qualification_expired");
        assertThat(refused("/api/v1/orders?from=2025-06-01&to=2025-05-01", "to").get("detail").stringValue())
                .isEqualTo("'2025-05-01T00:00Z' is not after from '2025-06-01T00:00Z'; the range is from (included) to (excluded)");
        assertThat(refused("/api/v1/assessments?min_probability=25", "min_probability").get("detail").stringValue())
                .isEqualTo("'25.0' is not a probability; use a number from 0 to 1, e.g. 0.25 for 25%");
        // CLOSED is an alert's status; a case is OPEN or RESOLVED
        assertThat(refused("/api/v1/cases?status=CLOSED", "status").get("detail").stringValue())
                .isEqualTo("'CLOSED' is not one of OPEN, RESOLVED");
        assertThat(refused("/api/v1/audit?action=login.succeeded", org.admin.get("/api/v1/audit?action=login.succeeded"), "action")
                .get("detail").stringValue()).startsWith("'login.succeeded' is not an action the audit log records; the actions"
                        + " are alert.closed, api_key.created, api_key.revoked, case.alerts_added");
        // the values themselves, in any case, are taken
        assertThat(total("/api/v1/assessments?subject_type=ORDER&size=1")).isEqualTo(200);
        assertThat(viewer.get("/api/v1/cases?status=resolved").status()).isEqualTo(200);
        assertThat(org.admin.get("/api/v1/audit?action=login").json()).isNotEmpty();
        assertThat(viewer.get("/api/v1/alerts?kind=risk_threshold&subject_type=order&size=1").status()).isEqualTo(200);
        assertThat(total("/api/v1/assessments?subject_type=order&min_probability=0&size=1")).isEqualTo(200);
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

    @Test
    void aBodyThatCannotBeReadSaysWhereAndWhatItShouldBe() {
        Client analyst = org.as(Org.Role.ANALYST);
        long alert = analyst.get("/api/v1/alerts?size=1").json().get("items").get(0).get("id").asLong();
        java.util.function.BiFunction<String, String, String> detail = (body, field) ->
                refused(body, analyst.post("/api/v1/cases", body), field).get("detail").stringValue();

        assertThat(detail.apply("{\"alerts\": [" + alert + "]}", "alerts"))
                .startsWith("'alerts' is not a field of this body (line 1, column ")
                .endsWith("; it takes alert_ids, assignee, comment, title");
        assertThat(detail.apply("{\"alert_ids\": [\"first\"]}", "alert_ids[0]"))
                .isEqualTo("'first' is not a whole number (line 1, column 16)");
        assertThat(detail.apply("{\"alert_ids\": " + alert + "}", "alert_ids")).startsWith("'alert_ids' must be a list (line 1, column ");
        assertThat(detail.apply("{\"alert_ids\": [" + alert + "], \"title\": {}}", "title")).startsWith("'title' must be a string");
        assertThat(detail.apply("[" + alert + "]", null)).isEqualTo("the body must be an object (line 1, column 1)");
        assertThat(detail.apply("{\"alert_ids\": [" + alert + ",\n", "alert_ids"))
                .startsWith("the body is not valid JSON (line 2, column 1): Unexpected end-of-input").doesNotContain("Source");
        assertThat(detail.apply("", null)).isEqualTo("the body is empty; send a JSON object");
        // nothing was opened by any of these
        assertThat(analyst.get("/api/v1/cases").json().get("total").asLong()).isZero();
    }

    @Test
    void aRecordDatedFarAheadOfTheServersClockIsRefused() {
        String template = Worlds.lines(200).stream().filter(l -> l.contains("\"caravan.order.v1\"")).findFirst().orElseThrow();
        java.util.function.BiFunction<String, java.time.Duration, String> order = (id, ahead) -> {
            tools.jackson.databind.node.ObjectNode o = (tools.jackson.databind.node.ObjectNode) Client.MAPPER.readTree(template);
            java.time.Instant at = java.time.Instant.now().plus(ahead).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
            o.put("id", id).put("at", at.toString()).put("promised_by", at.plus(java.time.Duration.ofDays(30)).toString());
            return o.toString();
        };
        Client ingest = Org.create("ahead").as(Org.Role.INGEST);
        JsonNode p = refused("a year ahead", ingest.post("/api/v1/records", order.apply("O-AHEAD-1", java.time.Duration.ofDays(365))), "at");
        assertThat(p.get("detail").stringValue()).contains("is more than 24h ahead of this server's clock")
                .contains("caravan.ingest.max-ahead").endsWith("check its year and time zone");
        // within the allowance (clocks differ a little), and in a bulk line by line
        assertThat(ingest.post("/api/v1/records", order.apply("O-AHEAD-2", java.time.Duration.ofHours(2))).status()).isEqualTo(201);
        JsonNode bulk = ingest.postNdjson("/api/v1/records", order.apply("O-AHEAD-3", java.time.Duration.ofHours(1)) + "\n"
                + order.apply("O-AHEAD-4", java.time.Duration.ofDays(3)) + "\n").json();
        assertThat(bulk.get("accepted_lines").stringValue()).isEqualTo("1");
        assertThat(bulk.get("errors").get(0).get("line").asLong()).isEqualTo(2);
        assertThat(bulk.get("errors").get(0).get("field").stringValue()).isEqualTo("at");
    }
}
