package io.caravan.server;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** From alert to resolution: a case opened, assigned, commented, given evidence, resolved, reopened — all audited. */
class CaseWorkflowTest {

    static Org org;

    @BeforeAll
    static void setUp() {
        org = Org.create("cases");
        org.as(Org.Role.INGEST).postNdjson("/api/v1/records", Worlds.ndjson(Worlds.lines(200)));
    }

    @Test
    void alertsAreRaisedDeduplicatedAndSortedBySeverity() {
        Client c = org.as(Org.Role.VIEWER);
        JsonNode page = c.get("/api/v1/alerts?status=OPEN&size=500").json();
        assertThat(page.get("total").longValue()).isPositive();
        List<String> keys = new ArrayList<>();
        int last = 4;
        for (JsonNode a : page.get("items")) {
            int rank = List.of("LOW", "MEDIUM", "HIGH", "CRITICAL").indexOf(a.get("severity").stringValue());
            assertThat(rank).isLessThanOrEqualTo(last);
            last = rank;
            keys.add(a.get("kind").stringValue() + ":" + a.get("subject_type").stringValue() + ":" + a.get("subject_id").stringValue());
        }
        assertThat(keys).doesNotHaveDuplicates();
        assertThat(c.get("/api/v1/alerts?severity=SEVERE").json().get("field").stringValue()).isEqualTo("severity");
    }

    @Test
    void aHazardReachesTheShipmentsAlreadyOnTheirWay() {
        Client c = org.as(Org.Role.VIEWER);
        JsonNode hazard = null;
        for (JsonNode h : c.get("/api/v1/records/hazards?size=50").json().get("items")) {
            if (h.get("id").stringValue().equals("H-0001")) {
                hazard = h;
            }
        }
        assertThat(hazard).as("the demo world's typhoon").isNotNull();
        String at = hazard.get("record").get("at").stringValue();
        long reassessed = c.get("/api/v1/assessments/export?subject_type=shipment").body().lines()
                .filter(l -> l.contains("\"as_of\":\"" + at + "\"") && l.contains("HAZARD_EVENT")).count();
        assertThat(reassessed).as("shipments in flight when the typhoon was reported, assessed anew").isPositive();
        assertThat(c.get("/api/v1/alerts?kind=disruption&subject_type=shipment").json().get("total").longValue()).isPositive();
    }

    @Test
    void aCaseGoesFromAlertToResolutionAndBack() {
        Client analyst = org.as(Org.Role.ANALYST);
        JsonNode alerts = analyst.get("/api/v1/alerts?status=OPEN&size=2").json().get("items");
        long first = alerts.get(0).get("id").longValue();
        long second = alerts.get(1).get("id").longValue();

        JsonNode opened = analyst.post("/api/v1/cases", "{\"title\":\"Check the merchant\",\"alert_ids\":[" + first + "]}").json();
        long id = opened.get("case_file").get("id").longValue();
        assertThat(opened.get("alerts").get(0).get("status").stringValue()).isEqualTo("IN_CASE");
        assertThat(analyst.post("/api/v1/cases", "{\"alert_ids\":[" + first + "]}").status()).as("an alert joins one case").isEqualTo(409);

        analyst.post("/api/v1/cases/" + id + "/alerts", "{\"alert_ids\":[" + second + "]}");
        assertThat(analyst.post("/api/v1/cases/" + id + "/assign", "{\"assignee\":\"nobody-here\"}").status()).isEqualTo(400);
        analyst.post("/api/v1/cases/" + id + "/assign", "{\"assignee\":\"" + org.adminName + "\"}");
        analyst.post("/api/v1/cases/" + id + "/comments", "{\"text\":\"Asked the forwarder for the bill of lading.\"}");
        Client.Response misnamed = analyst.postMultipart("/api/v1/cases/" + id + "/evidence", "document", "bill-of-lading.txt",
                "BL 4471 shipped on board".getBytes());
        assertThat(misnamed.status()).isEqualTo(400);
        assertThat(misnamed.json().get("field").stringValue()).isEqualTo("document");
        assertThat(misnamed.json().get("detail").stringValue())
                .isEqualTo("'document' is not a part of POST /api/v1/cases/" + id + "/evidence; it takes file, note");
        Client.Response noFile = analyst.postMultipart("/api/v1/cases/" + id + "/evidence", null, null, new byte[0],
                java.util.Map.of("note", "the file comes later"));
        assertThat(noFile.status()).isEqualTo(400);
        assertThat(noFile.json().get("field").stringValue()).isEqualTo("file");
        assertThat(noFile.json().get("detail").stringValue()).isEqualTo("is required: send the file as the multipart form part 'file'");
        Client.Response misspelt = analyst.postMultipart("/api/v1/cases/" + id + "/evidence", "file", "bill-of-lading.txt",
                "BL 4471 shipped on board".getBytes(), java.util.Map.of("notes", "from the forwarder"));
        assertThat(misspelt.status()).as("a part the endpoint does not read would be lost").isEqualTo(400);
        assertThat(misspelt.json().get("field").stringValue()).isEqualTo("notes");
        assertThat(misspelt.json().get("detail").stringValue())
                .isEqualTo("'notes' is not a part of POST /api/v1/cases/" + id + "/evidence; it takes file, note");
        JsonNode withEvidence = analyst.postMultipart("/api/v1/cases/" + id + "/evidence", "file", "bill-of-lading.txt",
                "BL 4471 shipped on board".getBytes(), java.util.Map.of("note", "from the forwarder")).json();
        long evidence = 0;
        for (JsonNode e : withEvidence.get("timeline")) {
            if (e.get("kind").stringValue().equals("EVIDENCE")) {
                evidence = e.get("id").longValue();
                assertThat(e.get("evidence_sha256").stringValue()).hasSize(64);
                assertThat(e.get("text").stringValue()).isEqualTo("from the forwarder");
            }
        }
        Client.Response download = analyst.get("/api/v1/cases/" + id + "/evidence/" + evidence);
        assertThat(download.body()).isEqualTo("BL 4471 shipped on board");
        assertThat(download.header("Content-Disposition")).contains("bill-of-lading.txt");

        assertThat(analyst.post("/api/v1/cases/" + id + "/resolve", "{\"outcome\":\"MAYBE\"}").status()).isEqualTo(400);
        assertThat(analyst.post("/api/v1/cases/" + id + "/resolve", "{}").json().get("detail").stringValue())
                .isEqualTo("is required: CONFIRMED, FALSE_POSITIVE or MITIGATED");
        JsonNode resolved = analyst.post("/api/v1/cases/" + id + "/resolve",
                "{\"outcome\":\"FALSE_POSITIVE\",\"text\":\"Documents match.\"}").json();
        assertThat(resolved.get("case_file").get("status").stringValue()).isEqualTo("RESOLVED");
        assertThat(resolved.get("case_file").get("outcome").stringValue()).isEqualTo("FALSE_POSITIVE");
        for (JsonNode a : resolved.get("alerts")) {
            assertThat(a.get("status").stringValue()).isEqualTo("CLOSED");
        }
        assertThat(analyst.post("/api/v1/cases/" + id + "/comments", "{\"text\":\"late note\"}").status()).isEqualTo(200);
        assertThat(analyst.post("/api/v1/cases/" + id + "/assign", "{\"assignee\":\"" + org.adminName + "\"}").status())
                .as("a resolved case must be reopened before it is reassigned").isEqualTo(409);

        assertThat(analyst.post("/api/v1/cases/" + id + "/reopen", "{}").status()).isEqualTo(400);
        JsonNode reopened = analyst.post("/api/v1/cases/" + id + "/reopen", "{\"text\":\"New shipment from the same merchant.\"}").json();
        assertThat(reopened.get("case_file").get("status").stringValue()).isEqualTo("OPEN");
        List<String> kinds = new ArrayList<>();
        for (JsonNode e : reopened.get("timeline")) {
            kinds.add(e.get("kind").stringValue());
        }
        assertThat(kinds).containsExactly("OPENED", "ALERT_ADDED", "ALERT_ADDED", "ASSIGNED", "COMMENT", "EVIDENCE", "RESOLVED",
                "COMMENT", "REOPENED");
        String audit = org.admin.get("/api/v1/audit?limit=200").body();
        assertThat(audit).contains("case.opened").contains("case.assigned").contains("case.evidence_added")
                .contains("case.resolved").contains("case.reopened");
    }

    @Test
    void anOverrideKeepsTheEngineDecisionAndIsAudited() {
        Client analyst = org.as(Org.Role.ANALYST);
        JsonNode a = analyst.get("/api/v1/assessments?subject_type=order&action=HOLD&size=1").json();
        assertThat(a.get("total").longValue()).as("the demo world holds orders").isPositive();
        String id = a.get("items").get(0).get("assessment_id").stringValue();
        assertThat(analyst.post("/api/v1/assessments/" + id + "/override", "{\"action\":\"APPROVE\"}").status()).isEqualTo(400);
        assertThat(analyst.post("/api/v1/assessments/" + id + "/override", "{\"action\":\"WAVE\",\"reason\":\"x\"}").status())
                .isEqualTo(400);
        assertThat(analyst.post("/api/v1/assessments/" + id + "/override", "{\"reason\":\"x\"}").json().get("detail").stringValue())
                .isEqualTo("is required; use APPROVE, REVIEW, HOLD or BLOCK");
        JsonNode o = analyst.post("/api/v1/assessments/" + id + "/override",
                "{\"action\":\"APPROVE\",\"reason\":\"Certificate received by e-mail\"}").json();
        assertThat(o.get("engine_action").stringValue()).isEqualTo("HOLD");
        assertThat(o.get("action").stringValue()).isEqualTo("APPROVE");
        JsonNode detail = analyst.get("/api/v1/assessments/" + id).json();
        assertThat(detail.get("summary").get("action").stringValue()).isEqualTo("HOLD");
        assertThat(detail.get("overrides").get(0).get("reason").stringValue()).isEqualTo("Certificate received by e-mail");
        assertThat(detail.get("assessment").get("estimates").size()).isPositive();
        assertThat(org.admin.get("/api/v1/audit?action=decision.overridden").body()).contains("HOLD -> APPROVE");
    }
}
