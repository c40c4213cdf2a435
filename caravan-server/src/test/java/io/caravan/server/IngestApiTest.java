package io.caravan.server;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class IngestApiTest {

    static Org org;

    @BeforeAll
    static void setUp() {
        org = Org.create("ingest");
    }

    static final String MERCHANT = "{\"schema\":\"caravan.participant.v1\",\"id\":\"M-1\",\"at\":\"2025-03-01T00:00:00Z\","
            + "\"kind\":\"MERCHANT\",\"legal_name\":\"Harbour Lane Trading Ltd\",\"aliases\":[],\"country\":\"CN\","
            + "\"registrations\":[],\"beneficial_owners\":[],\"qualifications\":[]}";

    static String order(String id, String merchant, String amount) {
        return "{\"schema\":\"caravan.order.v1\",\"id\":\"" + id + "\",\"at\":\"2025-03-02T10:00:00Z\",\"merchant_id\":\"" + merchant
                + "\",\"marketplace_id\":\"MP-1\",\"buyer_id\":\"B-1\",\"buyer_country\":\"US\",\"ship_from\":\"CN\",\"ship_to\":\"US\","
                + "\"items\":[{\"sku\":\"S1\",\"hs_code\":\"691390\",\"category\":\"home\",\"quantity\":2,"
                + "\"unit_value\":{\"amount\":\"" + amount + "\",\"currency\":\"USD\"}}],\"promised_by\":\"2025-03-12T10:00:00Z\"}";
    }

    @Test
    void aSingleRecordIsStoredOnceAndAnsweredWithItsAssessment() {
        Client ingest = org.as(Org.Role.ANALYST);
        assertThat(ingest.post("/api/v1/records", MERCHANT).status()).isEqualTo(201);
        Client.Response first = ingest.post("/api/v1/records", order("O-1", "M-1", "12.50"));
        assertThat(first.status()).isEqualTo(201);
        // The answer goes out whole with its length, not in chunks.
        assertThat(first.header("Content-Type")).startsWith("application/json");
        assertThat(first.header("Content-Length"))
                .isEqualTo(String.valueOf(first.body().getBytes(java.nio.charset.StandardCharsets.UTF_8).length));
        assertThat(first.header("Transfer-Encoding")).isNull();
        // Written straight to the response, it still carries the security headers and the request id.
        assertThat(first.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(first.header("Cache-Control")).contains("no-store");
        assertThat(first.header("X-Request-Id")).isNotBlank();
        JsonNode a = first.json();
        assertThat(a.get("status").stringValue()).isEqualTo("accepted");
        assertThat(a.get("assessment").get("id").stringValue()).isEqualTo("order:O-1");
        assertThat(a.get("assessment").get("estimates").size()).isGreaterThan(2);

        // A record streamed without its length is read the same way; the same record again is a duplicate.
        Client.Response streamed = ingest.postStreamed("/api/v1/records", "application/json", order("O-1S", "M-1", "12.50"));
        assertThat(streamed.status()).as(streamed.body()).isEqualTo(201);
        assertThat(streamed.json().get("assessment").get("id").stringValue()).isEqualTo("order:O-1S");

        Client.Response again = ingest.post("/api/v1/records", order("O-1", "M-1", "12.50"));
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().get("status").stringValue()).isEqualTo("duplicate");
        assertThat(again.json().get("seq").longValue()).isEqualTo(a.get("seq").longValue());

        // Same id, different content: refused, and the stored record is untouched.
        Client.Response conflict = ingest.post("/api/v1/records", order("O-1", "M-1", "99.00"));
        assertThat(conflict.status()).isEqualTo(409);
        assertThat(conflict.header("Content-Type")).startsWith("application/problem+json");
        assertThat(conflict.json().get("field").stringValue()).isEqualTo("id");
        assertThat(conflict.json().get("detail").stringValue()).contains("already stored");

        JsonNode stored = org.as(Org.Role.VIEWER).get("/api/v1/orders/O-1").json();
        assertThat(stored.get("order").get("record").get("items").get(0).get("unit_value").get("amount").stringValue())
                .isEqualTo("12.50");
        JsonNode listed = org.as(Org.Role.VIEWER).get("/api/v1/assessments?subject_id=O-1").json();
        assertThat(listed.get("total").longValue()).isEqualTo(1);

        // the lists show an assessment's numbers as its body writes them (money to cents, probabilities to 6 decimals)
        JsonNode summary = listed.get("items").get(0);
        JsonNode body = org.as(Org.Role.VIEWER).get("/api/v1/assessments/" + summary.get("id").longValue()).json().get("assessment");
        // stored in binary, it reads back as the very JSON the answer to the record carried
        assertThat(body).isEqualTo(a.get("assessment"));
        assertThat(body.toString()).isEqualTo(a.get("assessment").toString());
        assertThat(summary.get("expected_loss_usd").doubleValue()).isEqualTo(body.get("expected_loss_usd").doubleValue());
        assertThat(summary.get("exposure_usd").doubleValue()).isEqualTo(body.get("exposure_usd").doubleValue());
        assertThat(summary.get("p_max").doubleValue())
                .isEqualTo(body.get("estimates").valueStream().mapToDouble(e -> e.get("probability").doubleValue()).max().orElseThrow());
        JsonNode orderItem = org.as(Org.Role.VIEWER).get("/api/v1/orders?merchant_id=M-1&size=200").json().get("items")
                .valueStream().filter(i -> i.get("id").stringValue().equals("O-1")).findFirst().orElseThrow();
        assertThat(orderItem.get("expected_loss_usd").doubleValue()).isEqualTo(body.get("expected_loss_usd").doubleValue());
        assertThat(orderItem.get("p_max").doubleValue()).isEqualTo(summary.get("p_max").doubleValue());

        // the lists find what a single record stored by its filter fields, and nothing by another value
        Client viewer = org.as(Org.Role.VIEWER);
        JsonNode ofMerchant = viewer.get("/api/v1/orders?merchant_id=M-1&marketplace_id=MP-1&ship_from=CN&size=200").json();
        assertThat(ofMerchant.get("items").valueStream().map(i -> i.get("id").stringValue())).contains("O-1");
        assertThat(ofMerchant.get("items").valueStream().map(i -> i.get("record").get("merchant_id").stringValue())).containsOnly("M-1");
        assertThat(viewer.get("/api/v1/orders?merchant_id=M-1&marketplace_id=MP-9").json().get("total").longValue()).isZero();
        JsonNode named = viewer.get("/api/v1/participants?kind=merchant&country=CN&q=harbour%20lane&size=200").json();
        assertThat(named.get("items").valueStream().map(i -> i.get("id").stringValue())).contains("M-1");
        assertThat(named.get("items").valueStream().map(i -> i.get("record").get("legal_name").stringValue()))
                .containsOnly("Harbour Lane Trading Ltd");
        assertThat(viewer.get("/api/v1/participants?country=DE&q=harbour%20lane").json().get("total").longValue()).isZero();
    }

    @Test
    void aLicenceThatLapsesWithTimeRaisesAnAlertAtTheNextSweep() {
        Org own = Org.create("sweep");
        String licensed = MERCHANT.replace("M-1", "M-LIC").replace("\"qualifications\":[]",
                "\"qualifications\":[{\"type\":\"BUSINESS_LICENCE\",\"number\":\"CN-1\",\"issuer\":\"Licensing office\","
                        + "\"valid_from\":\"2023-01-01\",\"valid_until\":\"2025-06-30\"}]");
        Client ingest = own.as(Org.Role.INGEST);
        assertThat(ingest.post("/api/v1/records", licensed).status()).isEqualTo(201);
        Client viewer = own.as(Org.Role.VIEWER);
        assertThat(viewer.get("/api/v1/alerts?subject_id=M-LIC&kind=qualification_expired").json().get("total").longValue())
                .as("valid in March").isZero();
        // Months later another merchant's order arrives; nothing new about M-LIC, but its licence has lapsed.
        ingest.post("/api/v1/records", MERCHANT.replace("M-1", "M-OTHER").replace("2025-03-01T00:00:00Z", "2025-08-01T00:00:00Z"));
        TestServer.get().context().getBean(io.caravan.server.alerts.QualificationSweep.class).sweep();
        JsonNode alerts = viewer.get("/api/v1/alerts?subject_id=M-LIC&kind=qualification_expired").json();
        assertThat(alerts.get("total").longValue()).isEqualTo(1);
        assertThat(alerts.get("items").get(0).get("detail").stringValue()).contains("BUSINESS_LICENCE");
        assertThat(alerts.get("items").get(0).get("severity").stringValue()).isEqualTo("HIGH");
    }

    @Test
    void aBulkAcceptsTheGoodLinesAndReportsEachBadOneWithLineFieldAndReason() {
        Client ingest = org.as(Org.Role.INGEST);
        String merchant = MERCHANT.replace("M-1", "M-2");
        String body = merchant + "\n"
                + order("O-10", "M-2", "5.00") + "\n"
                + "\n"
                + "{not json\n"
                + order("O-11", "M-2", "5.00").replace("\"ship_to\":\"US\"", "\"ship_to\":\"XQ\"") + "\n"
                + order("O-12", "M-2", "5.00").replace("\"schema\":\"caravan.order.v1\",", "") + "\n"
                + order("O-13", "M-2", "5.00") + "\n";
        Client.Response r = ingest.postNdjson("/api/v1/records", body);
        assertThat(r.status()).isEqualTo(200);
        JsonNode j = r.json();
        assertThat(j.get("lines").intValue()).isEqualTo(7);
        assertThat(j.get("accepted").intValue()).isEqualTo(3);
        assertThat(j.get("rejected").intValue()).isEqualTo(3);
        assertThat(j.get("accepted_lines").stringValue()).isEqualTo("1-2,7");
        List<String> errors = new ArrayList<>();
        for (JsonNode e : j.get("errors")) {
            errors.add(e.get("line").intValue() + "|" + e.get("field").stringValue() + "|" + e.get("reason").stringValue());
        }
        assertThat(errors).hasSize(3);
        assertThat(errors.get(0)).startsWith("4||not valid JSON");
        assertThat(errors.get(1)).startsWith("5|ship_to|").contains("XQ");
        assertThat(errors.get(2)).startsWith("6|schema|is missing");

        // Re-sending the same body stores nothing twice.
        JsonNode again = ingest.postNdjson("/api/v1/records", body).json();
        assertThat(again.get("accepted").intValue()).isZero();
        assertThat(again.get("duplicates").intValue()).isEqualTo(3);
        assertThat(again.get("duplicate_lines").stringValue()).isEqualTo("1-2,7");
    }

    static byte[] gzip(String text) {
        var out = new java.io.ByteArrayOutputStream();
        try (var z = new java.util.zip.GZIPOutputStream(out)) {
            z.write(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    @Test
    void aGzipBodyIsReadDecompressedAndOneThatIsNotWholeGzipStoresNothing() {
        Client ingest = org.as(Org.Role.INGEST);
        String body = MERCHANT.replace("M-1", "M-Z") + "\n" + order("O-Z1", "M-Z", "5.00") + "\n" + order("O-Z2", "M-Z", "6.00") + "\n";
        Client.Response r = ingest.post("/api/v1/records", "application/x-ndjson", "gzip", gzip(body));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.json().get("accepted").intValue()).isEqualTo(3);
        assertThat(r.json().get("lines").intValue()).isEqualTo(3);
        // the same records sent uncompressed are recognised as the ones stored
        assertThat(ingest.postNdjson("/api/v1/records", body).json().get("duplicates").intValue()).isEqualTo(3);
        Client.Response single = ingest.post("/api/v1/records", "application/json", "gzip", gzip(order("O-Z3", "M-Z", "7.00")));
        assertThat(single.status()).as(single.body()).isEqualTo(201);

        String more = order("O-Z4", "M-Z", "5.00") + "\n" + order("O-Z5", "M-Z", "5.00") + "\n";
        byte[] whole = gzip(more);
        Client.Response cut = ingest.post("/api/v1/records", "application/x-ndjson", "gzip", java.util.Arrays.copyOf(whole, whole.length - 12));
        assertThat(cut.status()).isEqualTo(400);
        assertThat(cut.json().get("field").stringValue()).isEqualTo("Content-Encoding");
        assertThat(cut.json().get("detail").stringValue()).contains("not whole gzip data").contains("nothing was stored");
        Client.Response plain = ingest.post("/api/v1/records", "application/x-ndjson", "gzip",
                more.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(plain.status()).isEqualTo(400);
        assertThat(plain.json().get("detail").stringValue()).contains("not whole gzip data");
        assertThat(org.as(Org.Role.VIEWER).get("/api/v1/orders/O-Z4").status()).isEqualTo(404);

        Client.Response brotli = ingest.post("/api/v1/records", "application/x-ndjson", "br", gzip(more));
        assertThat(brotli.status()).isEqualTo(415);
        assertThat(brotli.json().get("detail").stringValue()).contains("'br' is not taken").contains("gzip");
        assertThat(org.as(Org.Role.VIEWER).get("/api/v1/orders/O-Z4").status()).isEqualTo(404);
    }

    @Test
    void aTypedEndpointNeedsNoSchemaAndUnknownTypesAreNamed() {
        Client ingest = org.as(Org.Role.INGEST);
        String noSchema = MERCHANT.replace("\"schema\":\"caravan.participant.v1\",", "").replace("M-1", "M-3");
        assertThat(ingest.postNdjson("/api/v1/records/participants", noSchema + "\n").json().get("accepted").intValue()).isEqualTo(1);
        Client.Response unknown = ingest.postNdjson("/api/v1/records/parcels", noSchema + "\n");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.json().get("detail").stringValue()).contains("'parcels' is not a record type").contains("orders");
    }

    @Test
    void anEmptyOrMalformedSingleRecordIsABadRequest() {
        Client ingest = org.as(Org.Role.INGEST);
        Client.Response bad = ingest.post("/api/v1/records", order("O-20", "M-1", "-3.00"));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().get("type").stringValue()).isEqualTo("urn:caravan:problem:invalid-request");
        assertThat(bad.json().get("field").stringValue()).contains("unit_value");
        assertThat(bad.body()).doesNotContain("Exception").doesNotContain("at io.caravan");
        assertThat(ingest.post("/api/v1/records", "").status()).isEqualTo(400);
        Client.Response empty = ingest.postNdjson("/api/v1/records", "\n\n");
        assertThat(empty.status()).isEqualTo(400);
        assertThat(empty.json().get("detail").stringValue()).contains("the body is empty");
        Client.Response csv = ingest.post("/api/v1/records", "text/csv", "id,at\n");
        assertThat(csv.status()).isEqualTo(415);
        assertThat(csv.json().get("detail").stringValue()).contains("'text/csv'").contains("application/x-ndjson");
    }

    @Test
    void anOrganisationSendingTooFastIsToldWhenToRetry() {
        var limited = TestServer.start(TestServer.get().database(), TestServer.temp("limited"),
                java.util.Map.of("caravan.ingest.records-per-second", "2", "caravan.ingest.burst", "3",
                        "caravan.ingest.max-body-bytes", "2000"));
        try {
            Org own = Org.create("limited", RestartTest.url(limited));
            Client ingest = own.as(Org.Role.INGEST);
            StringBuilder body = new StringBuilder();
            for (int i = 0; i < 3; i++) {
                body.append(MERCHANT.replace("M-1", "M-R" + i)).append('\n');
            }
            assertThat(ingest.postNdjson("/api/v1/records", body.toString()).status()).isEqualTo(200);
            Client.Response r = ingest.postNdjson("/api/v1/records", MERCHANT.replace("M-1", "M-R9") + "\n");
            assertThat(r.status()).isEqualTo(429);
            assertThat(r.json().get("type").stringValue()).isEqualTo("urn:caravan:problem:rate-limited");
            assertThat(Long.parseLong(r.header("Retry-After"))).isPositive();
            Client.Response big = ingest.postNdjson("/api/v1/records", body.toString().repeat(4));
            assertThat(big.status()).isEqualTo(413);
            assertThat(big.json().get("detail").stringValue()).contains("2000 bytes").contains("caravan.ingest.max-body-bytes");
            // Without a declared length the body is read up to the limit, and refused the same way.
            Client.Response streamed = ingest.postStreamed("/api/v1/records", "application/x-ndjson", body.toString().repeat(4));
            assertThat(streamed.status()).isEqualTo(413);
            assertThat(streamed.json().get("detail").stringValue()).contains("2000 bytes");
            // The limit is on the text: a small gzip body that would decompress past it is refused the same way.
            byte[] packed = gzip(body.toString().repeat(40));
            assertThat(packed.length).isLessThan(2000);
            Client.Response inflated = ingest.post("/api/v1/records", "application/x-ndjson", "gzip", packed);
            assertThat(inflated.status()).isEqualTo(413);
            assertThat(inflated.json().get("detail").stringValue()).contains("2000 bytes");
        } finally {
            limited.close();
        }
    }

    @Test
    void bodiesOverTheRecordLimitAreRefusedBeforeAnythingIsStored() {
        Client ingest = org.as(Org.Role.INGEST);
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < 100_001; i++) {
            body.append("{}\n");
        }
        Client.Response r = ingest.postNdjson("/api/v1/records", body.toString());
        assertThat(r.status()).isEqualTo(413);
        assertThat(r.json().get("detail").stringValue()).contains("100001 lines").contains("caravan.ingest.max-records");
    }
}
