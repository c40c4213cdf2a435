package io.caravan.server;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FilePayload;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Importing files through the dashboard: a JSON Lines file and a CSV file with bad lines, each reported by
 * line, field and reason while the good lines are stored; an upload that breaks off keeps every whole line
 * sent before the break and nothing after it, and sending the file again adds only the rest.
 */
class ImportTest {

    static Browser browser;
    static Org org;

    @BeforeAll
    static void setUp() {
        org = Org.create("import");
        browser = new Browser();
    }

    @AfterAll
    static void tearDown() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void aFileWithBadLinesIsStoredButForThoseLinesWhichAreReported() {
        List<String> lines = new ArrayList<>(Worlds.lines(300).subList(0, 120));
        lines.set(6, lines.get(6).replaceFirst("\"country\":\"[A-Z]{2}\"", "\"country\":\"XQ\""));
        lines.set(11, "{\"id\": \"broken");
        Page p = browser.page(TestServer.get().url());
        Browser.logIn(p, org.adminName, Org.PASSWORD);
        p.navigate("/import");
        p.getByLabel("File (.jsonl, .ndjson or .csv)").setInputFiles(new FilePayload("world.jsonl", "application/x-ndjson",
                Worlds.ndjson(lines).getBytes(StandardCharsets.UTF_8)));
        p.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Import")).click();
        p.waitForURL(Pattern.compile(".*/import/\\d+$"));
        assertThat(p.locator("h1 .status")).hasText("done");
        assertThat(p.getByRole(AriaRole.STATUS)).containsText("2 of 120 lines were refused");
        var rows = p.locator("section[aria-labelledby=refused] tbody tr");
        assertThat(rows).hasCount(2);
        assertThat(rows.nth(0)).containsText("7");
        assertThat(rows.nth(0)).containsText("country");
        assertThat(rows.nth(0)).containsText("'XQ' is not an ISO 3166-1 country code (see countries.csv)");
        assertThat(rows.nth(1)).containsText("12");
        assertThat(rows.nth(1)).containsText("not valid JSON");
        assertThat(p.locator(".tiles")).containsText("118");
        Browser.shoot(p, "import-report");
        p.navigate("/import");
        assertThat(p.locator("section[aria-labelledby=recent] tbody tr").first()).containsText("world.jsonl");
    }

    @Test
    void aCsvFileIsCheckedRowByRow() {
        String csv = "# two orders and a wrong one\n"
                + "id,at,merchant_id,buyer_country,ship_from,ship_to,items[0].sku,items[0].hs_code,items[0].quantity,"
                + "items[0].unit_value.amount,items[0].unit_value.currency,promised_by\n"
                + "CSV-1,2025-03-01T09:00:00Z,M-0001,GB,CN,GB,SKU-1,950300,2,12.50,USD,2025-03-20T00:00:00Z\n"
                + "CSV-2,2025-03-01T10:00:00Z,M-0001,DE,CN,DE,\"SKU-2, blue\",950691,1,7.25,EUR,2025-03-21T00:00:00Z\n"
                + "CSV-3,2025-03-01T11:00:00Z,M-0001,DE,CN,DE,SKU-3,95-03,1,7.25,EUR,2025-03-21T00:00:00Z\n"
                + "CSV-4,2125-03-01T11:00:00Z,M-0001,DE,CN,DE,SKU-4,950300,1,7.25,EUR,2125-03-21T00:00:00Z\n";
        Page p = browser.page(TestServer.get().url());
        Browser.logIn(p, org.adminName, Org.PASSWORD);
        p.navigate("/import");
        p.getByLabel("File (.jsonl, .ndjson or .csv)").setInputFiles(new FilePayload("march.csv", "text/csv",
                csv.getBytes(StandardCharsets.UTF_8)));
        // a CSV file holds one type, which its name does not say: refused until chosen
        p.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Import")).click();
        assertThat(p.locator("#upload-status")).containsText("type: choose the record type");
        p.getByLabel("Record type").selectOption("orders");
        p.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Import")).click();
        p.waitForURL(Pattern.compile(".*/import/\\d+$"));
        var rows = p.locator("section[aria-labelledby=refused] tbody tr");
        assertThat(rows).hasCount(2);
        assertThat(rows.first()).containsText("5");
        assertThat(rows.first()).containsText("items[0].hs_code");
        // dated a century ahead: a wrong year, refused before it moves the organisation's clock
        assertThat(rows.nth(1)).containsText("6");
        assertThat(rows.nth(1)).containsText("ahead of this server's clock");
        JsonNode order = org.as(Org.Role.VIEWER).get("/api/v1/orders/CSV-2").json().get("order");
        assertThat(order.get("record").get("items").get(0).get("sku").stringValue()).isEqualTo("SKU-2, blue");
        assertThat(org.as(Org.Role.VIEWER).get("/api/v1/orders/CSV-3").status()).isEqualTo(404);
        assertThat(org.as(Org.Role.VIEWER).get("/api/v1/orders/CSV-4").status()).isEqualTo(404);
    }

    @Test
    void anUploadThatBreaksOffKeepsWhatArrivedAndASecondSendingAddsTheRest() throws Exception {
        Org fresh = Org.create("import-break");
        List<String> lines = Worlds.lines(300).subList(0, 600);
        byte[] whole = Worlds.ndjson(lines).getBytes(StandardCharsets.UTF_8);
        int cut = Worlds.ndjson(lines.subList(0, 400)).getBytes(StandardCharsets.UTF_8).length + lines.get(400).length() / 2;
        URI base = URI.create(TestServer.get().url());
        try (Socket s = new Socket(base.getHost(), base.getPort())) {
            OutputStream out = s.getOutputStream();
            out.write(("POST /import?name=world.jsonl HTTP/1.1\r\nHost: " + base.getHost() + "\r\nAuthorization: Bearer "
                    + fresh.as(Org.Role.ANALYST).apiKey() + "\r\nContent-Type: application/octet-stream\r\nContent-Length: "
                    + whole.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(whole, 0, cut);
            out.flush();
            // The sender stops mid-line and says so (FIN), then reads whatever the server answers before closing: closing
            // with the answer unread would reset the connection, and a reset may discard what the server had not yet read.
            s.shutdownOutput();
            s.setSoTimeout(30_000);
            s.getInputStream().readAllBytes();
        }
        JsonNode run = awaitFinished(fresh);
        assertThat(run.get("status").stringValue()).as(run.toString()).isEqualTo("BROKEN");
        assertThat(run.get("lines").asLong()).as(run.toString()).isEqualTo(400);
        assertThat(run.get("accepted").asLong()).isEqualTo(400);
        assertThat(run.get("problem").stringValue()).startsWith("The upload broke off after line 400");

        Client.Response again = fresh.as(Org.Role.ANALYST).post("/import?name=world.jsonl", "application/octet-stream",
                new String(whole, StandardCharsets.UTF_8));
        assertThat(again.status()).isEqualTo(200);
        JsonNode second = fresh.as(Org.Role.VIEWER).get("/api/v1/imports/" + again.json().get("id").asLong()).json();
        assertThat(second.get("status").stringValue()).isEqualTo("DONE");
        assertThat(second.get("duplicates").asLong()).isEqualTo(400);
        assertThat(second.get("accepted").asLong()).isEqualTo(200);
        assertThat(second.get("rejected").asLong()).isZero();

        // a viewer reads reports but may not import
        assertThat(fresh.as(Org.Role.VIEWER).post("/import?name=world.jsonl", "application/octet-stream", lines.get(0)).status())
                .isEqualTo(403);
    }

    @Test
    void aGzipFileIsReadAsItsTextAndOneCutOffKeepsWhatCameBeforeTheCut() {
        Org fresh = Org.create("import-gzip");
        Client analyst = fresh.as(Org.Role.ANALYST);
        List<String> lines = Worlds.lines(300).subList(0, 300);
        JsonNode run = report(fresh, analyst.post("/import?name=world.jsonl.gz", "application/gzip",
                IngestApiTest.gzip(Worlds.ndjson(lines.subList(0, 200)))));
        assertThat(run.get("status").stringValue()).as(run.toString()).isEqualTo("DONE");
        assertThat(run.get("format").stringValue()).isEqualTo("JSONL");
        assertThat(run.get("accepted").asLong()).isEqualTo(200);
        assertThat(run.get("rejected").asLong()).isZero();

        // a CSV file of orders, named so, compressed; its type and format from the name without .gz
        String csv = "id,at,merchant_id,buyer_country,ship_from,ship_to,items[0].sku,items[0].hs_code,items[0].quantity,"
                + "items[0].unit_value.amount,items[0].unit_value.currency,promised_by\n"
                + "GZ-1,2025-03-01T09:00:00Z,M-0001,GB,CN,GB,SKU-1,950300,2,12.50,USD,2025-03-20T00:00:00Z\n";
        JsonNode csvRun = report(fresh, analyst.post("/import?name=orders-march.csv.gz", "application/gzip", IngestApiTest.gzip(csv)));
        assertThat(csvRun.get("format").stringValue()).isEqualTo("CSV");
        assertThat(csvRun.get("record_type").stringValue()).isEqualTo("orders");
        assertThat(csvRun.get("accepted").asLong()).as(csvRun.toString()).isEqualTo(1);

        // cut off: the records decompressed whole before the cut are stored, and the run says it broke off
        byte[] rest = IngestApiTest.gzip(Worlds.ndjson(lines.subList(200, 300)));
        JsonNode cut = report(fresh, analyst.post("/import?name=world.jsonl.gz", "application/gzip",
                java.util.Arrays.copyOf(rest, rest.length / 2)));
        assertThat(cut.get("status").stringValue()).as(cut.toString()).isEqualTo("BROKEN");
        assertThat(cut.get("problem").stringValue()).startsWith("The upload broke off after line");
        assertThat(cut.get("accepted").asLong()).isPositive().isLessThan(100);
    }

    @Test
    void aProgramSendsAWholeFileToTheApiAndReadsItsReport() {
        Org fresh = Org.create("import-api");
        Client ingest = fresh.as(Org.Role.INGEST);
        List<String> lines = new ArrayList<>(Worlds.lines(300).subList(0, 150));
        lines.set(9, lines.get(9).replaceFirst("\"country\":\"[A-Z]{2}\"", "\"country\":\"XQ\""));
        Client.Response r = ingest.post("/api/v1/imports?name=world-2025.jsonl.gz", "application/gzip",
                IngestApiTest.gzip(Worlds.ndjson(lines)));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        JsonNode run = r.json();
        assertThat(r.header("Location")).isEqualTo("/api/v1/imports/" + run.get("id").asLong());
        assertThat(run.get("status").stringValue()).isEqualTo("DONE");
        assertThat(run.get("accepted").asLong()).isEqualTo(149);
        assertThat(run.get("rejected").asLong()).isEqualTo(1);
        assertThat(run.get("errors").get(0).get("line").asLong()).isEqualTo(10);
        assertThat(run.get("errors").get(0).get("field").stringValue()).isEqualTo("country");
        assertThat(fresh.as(Org.Role.VIEWER).get(r.header("Location")).json().get("accepted").asLong()).isEqualTo(149);

        Client.Response csv = ingest.post("/api/v1/imports?name=march.csv", "text/csv", "id,at\n");
        assertThat(csv.status()).isEqualTo(400);
        assertThat(csv.json().get("field").stringValue()).isEqualTo("type");
        assertThat(csv.json().get("detail").stringValue()).contains("choose the record type");
        assertThat(fresh.as(Org.Role.VIEWER).post("/api/v1/imports?name=w.jsonl", "application/x-ndjson", lines.get(0)).status())
                .isEqualTo(403);
    }

    @Test
    void anEmptyFileAndAnEndlessLineAreRefusedWithTheirReason() {
        Org fresh = Org.create("import-odd");
        Client analyst = fresh.as(Org.Role.ANALYST);
        JsonNode empty = report(fresh, analyst.post("/import?name=orders.jsonl", "application/octet-stream", "\n  \n"));
        assertThat(empty.get("accepted").asLong()).isZero();
        assertThat(empty.get("rejected").asLong()).isEqualTo(1);
        assertThat(empty.get("errors").get(0).get("reason").stringValue()).startsWith("the file is empty");

        // a line of 2 MiB (no record is that long) between two good ones: refused alone, the others stored
        List<String> world = Worlds.lines(300);
        String endless = "{\"id\":\"" + "x".repeat(2 << 20) + "\"}";
        JsonNode run = report(fresh, analyst.post("/import?name=world.jsonl", "application/octet-stream",
                world.get(0) + "\n" + endless + "\n" + world.get(1) + "\n"));
        assertThat(run.get("accepted").asLong()).isEqualTo(2);
        assertThat(run.get("errors").get(0).get("line").asLong()).isEqualTo(2);
        assertThat(run.get("errors").get(0).get("reason").stringValue()).contains("longer than 1048576 bytes");
    }

    @Test
    void aFormUploadOverItsLimitSaysSoAndHowToSendTheFile() {
        Client.Response r = org.as(Org.Role.ANALYST).postMultipart("/import", "big.jsonl", new byte[11 << 20]);
        assertThat(r.status()).isEqualTo(413);
        assertThat(r.body()).contains("larger than 10 MB").contains("import page");
    }

    private static JsonNode report(Org o, Client.Response answer) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        return o.as(Org.Role.VIEWER).get("/api/v1/imports/" + answer.json().get("id").asLong()).json();
    }

    private static JsonNode awaitFinished(Org o) throws InterruptedException, IOException {
        for (int i = 0; i < 100; i++) {
            JsonNode runs = o.as(Org.Role.VIEWER).get("/api/v1/imports").json();
            if (runs.size() > 0 && !runs.get(0).get("status").stringValue().equals("RUNNING")) {
                return runs.get(0);
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the import did not finish");
    }
}
