package io.caravan.server;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two organisations hold records with the same ids. Endpoint by endpoint, A sees, counts and changes only
 * its own: B's rows are "not found" to A, never forbidden-but-present.
 */
class TenantIsolationTest {

    static Org a;
    static Org b;
    static long bAssessment;
    static long bAlert;
    static long bCase;
    static long bEvidence;
    static String bUserId;
    static long bImport;

    static final String ONLY_B = IngestApiTest.MERCHANT.replace("M-1", "M-ONLY-B");

    @BeforeAll
    static void setUp() {
        a = Org.create("iso-a");
        b = Org.create("iso-b");
        List<String> small = Worlds.lines(200);
        List<String> large = Worlds.lines(300);
        assertThat(a.as(Org.Role.INGEST).postNdjson("/api/v1/records", Worlds.ndjson(small)).json().get("rejected").intValue()).isZero();
        assertThat(b.as(Org.Role.INGEST).postNdjson("/api/v1/records", Worlds.ndjson(large) + ONLY_B + "\n").json()
                .get("rejected").intValue()).isZero();
        Client bAnalyst = b.as(Org.Role.ANALYST);
        bAssessment = bAnalyst.get("/api/v1/assessments?subject_type=order&size=1").json().get("items").get(0).get("id").longValue();
        JsonNode alerts = bAnalyst.get("/api/v1/alerts?status=OPEN&size=5").json();
        assertThat(alerts.get("total").longValue()).as("the 300-order world raises alerts").isPositive();
        bAlert = alerts.get("items").get(0).get("id").longValue();
        long second = alerts.get("items").get(1).get("id").longValue();
        JsonNode opened = bAnalyst.post("/api/v1/cases", "{\"alert_ids\":[" + bAlert + "]}").json();
        bCase = opened.get("case_file").get("id").longValue();
        JsonNode withEvidence = bAnalyst.postMultipart("/api/v1/cases/" + bCase + "/evidence", "note.txt", "b's evidence".getBytes()).json();
        for (JsonNode e : withEvidence.get("timeline")) {
            if (e.get("kind").stringValue().equals("EVIDENCE")) {
                bEvidence = e.get("id").longValue();
            }
        }
        assertThat(bAnalyst.post("/api/v1/assessments/" + bAssessment + "/override",
                "{\"action\":\"APPROVE\",\"reason\":\"checked with the merchant\"}").status()).isEqualTo(201);
        bUserId = b.admin.get("/api/v1/users").json().get(0).get("id").toString();
        bImport = b.as(Org.Role.INGEST).post("/api/v1/imports?name=b-only.jsonl", "application/x-ndjson",
                IngestApiTest.MERCHANT.replace("M-1", "M-IMPORTED-B") + "\n").json().get("id").longValue();
        // keep one B alert open for the alert endpoints
        assertThat(second).isNotEqualTo(bAlert);
    }

    @Test
    void listsAndCountsShowOnlyTheCallersRecords() {
        for (Org.Role role : List.of(Org.Role.ADMIN, Org.Role.ANALYST, Org.Role.VIEWER)) {
            Client c = a.as(role);
            assertThat(c.get("/api/v1/orders").json().get("total").longValue()).as(role + " orders").isEqualTo(200);
            assertThat(c.get("/api/v1/orders?size=500").json().get("items").size()).isEqualTo(200);
            assertThat(c.get("/api/v1/assessments?subject_type=order").json().get("total").longValue()).isEqualTo(200);
            assertThat(c.get("/api/v1/participants?q=ONLY").json().get("total").longValue()).isZero();
            assertThat(c.get("/api/v1/payments?order_id=O-000250").json().get("total").longValue()).isZero();
            assertThat(c.get("/api/v1/shipments?order_id=O-000250").json().get("total").longValue()).isZero();
            assertThat(c.get("/api/v1/assessments?subject_id=O-000250").json().get("total").longValue()).isZero();
            assertThat(c.get("/api/v1/cases").json().get("total").longValue()).isZero();
            assertThat(c.get("/api/v1/imports").body()).doesNotContain("b-only.jsonl");
            assertThat(c.get("/api/v1/records/tracking").json().get("total").longValue())
                    .isLessThan(b.as(Org.Role.VIEWER).get("/api/v1/records/tracking").json().get("total").longValue());
            long aAlerts = c.get("/api/v1/alerts").json().get("total").longValue();
            long summed = 0;
            for (JsonNode n : c.get("/api/v1/alerts/summary").json()) {
                summed += n.longValue();
            }
            assertThat(summed).isLessThanOrEqualTo(aAlerts);
            for (JsonNode alert : c.get("/api/v1/alerts?size=500").json().get("items")) {
                assertThat(alert.get("id").longValue()).isNotEqualTo(bAlert);
            }
        }
    }

    @Test
    void theOtherOrganisationsRecordsAreNotFound() {
        Client c = a.as(Org.Role.ANALYST);
        List<String> paths = List.of("/api/v1/orders/O-000250", "/api/v1/payments/P-000250", "/api/v1/shipments/S-000250",
                "/api/v1/participants/M-ONLY-B", "/api/v1/assessments/" + bAssessment, "/api/v1/assessments/order:O-000250",
                "/api/v1/alerts/" + bAlert, "/api/v1/cases/" + bCase, "/api/v1/cases/" + bCase + "/evidence/" + bEvidence,
                "/api/v1/imports/" + bImport, "/api/v1/participants/M-IMPORTED-B");
        for (String p : paths) {
            assertThat(b.as(Org.Role.ANALYST).get(p).status()).as("B sees " + p).isEqualTo(200);
            Client.Response r = c.get(p);
            assertThat(r.status()).as(p).isEqualTo(404);
            assertThat(r.body()).as(p).doesNotContain("b's evidence");
        }
    }

    @Test
    void theOtherOrganisationsRecordsCannotBeChanged() {
        Client analyst = a.as(Org.Role.ANALYST);
        List<Client.Response> attempts = new ArrayList<>();
        attempts.add(analyst.post("/api/v1/assessments/" + bAssessment + "/override", "{\"action\":\"BLOCK\",\"reason\":\"x\"}"));
        attempts.add(analyst.post("/api/v1/alerts/" + bAlert + "/close", "{\"reason\":\"x\"}"));
        attempts.add(analyst.post("/api/v1/cases", "{\"alert_ids\":[" + bAlert + "]}"));
        attempts.add(analyst.post("/api/v1/cases/" + bCase + "/comments", "{\"text\":\"x\"}"));
        attempts.add(analyst.post("/api/v1/cases/" + bCase + "/assign", "{\"assignee\":\"" + a.adminName + "\"}"));
        attempts.add(analyst.post("/api/v1/cases/" + bCase + "/resolve", "{\"outcome\":\"CONFIRMED\"}"));
        attempts.add(analyst.post("/api/v1/cases/" + bCase + "/reopen", "{\"text\":\"x\"}"));
        attempts.add(analyst.postMultipart("/api/v1/cases/" + bCase + "/evidence", "x.txt", "x".getBytes()));
        attempts.add(a.admin.patch("/api/v1/users/" + bUserId, "{\"enabled\":false}"));
        attempts.add(a.admin.delete("/api/v1/api-keys/" + b.keyIds.get(Org.Role.INGEST)));
        for (Client.Response r : attempts) {
            assertThat(r.status()).as(r.body()).isEqualTo(404);
        }
        // B's things are as they were.
        Client bView = b.as(Org.Role.ANALYST);
        assertThat(bView.get("/api/v1/cases/" + bCase).json().get("case_file").get("status").stringValue()).isEqualTo("OPEN");
        assertThat(bView.get("/api/v1/cases/" + bCase).json().get("timeline").toString()).doesNotContain("\"x\"");
        assertThat(bView.get("/api/v1/assessments/" + bAssessment).json().get("overrides").size()).isEqualTo(1);
        assertThat(b.as(Org.Role.INGEST).post("/api/v1/records", IngestApiTest.MERCHANT.replace("M-1", "M-B-2")).status()).isEqualTo(201);
        assertThat(b.admin.get("/api/v1/users").json().get(0).get("enabled").booleanValue()).isTrue();
    }

    @Test
    void usersKeysAndAuditAreTheCallersOwn() {
        JsonNode users = a.admin.get("/api/v1/users").json();
        assertThat(users.size()).isEqualTo(1);
        assertThat(users.get(0).get("username").stringValue()).isEqualTo(a.adminName);
        for (JsonNode k : a.admin.get("/api/v1/api-keys").json()) {
            assertThat(k.get("created_by").stringValue()).isEqualTo(a.adminName);
        }
        String audit = a.admin.get("/api/v1/audit?limit=1000").body();
        assertThat(audit).contains(a.adminName).doesNotContain(b.adminName).doesNotContain("checked with the merchant");
    }

    @Test
    void organisationsCannotBeListedOrCreatedByTenants() {
        assertThat(a.admin.get("/api/v1/tenants").status()).isEqualTo(403);
        assertThat(a.admin.post("/api/v1/tenants", "{\"slug\":\"sneaky\",\"admin_username\":\"sneaky\"}").status()).isEqualTo(403);
    }
}
