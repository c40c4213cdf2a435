package io.caravan.server;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.RequestOptions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dashboard in a real Chromium: logging in and out, the drill-down from the overview to a participant's
 * reasons, an override, a case from alerts to resolution, a viewer who cannot act, and an organisation that
 * sees nothing of another's.
 */
class DashboardTest {

    static Browser browser;
    static Org org;
    static Org other;
    static String viewer;

    @BeforeAll
    static void setUp() {
        org = Org.withWorld("dash", 300);
        viewer = TestServer.unique("viewer");
        assertThat(org.admin.post("/api/v1/users", "{\"username\":\"" + viewer + "\",\"password\":\"" + Org.PASSWORD
                + "\",\"role\":\"VIEWER\"}").status()).isEqualTo(201);
        other = Org.create("dash-other");
        browser = new Browser();
    }

    @AfterAll
    static void tearDown() {
        if (browser != null) {
            browser.close();
        }
    }

    private static Page page() {
        return browser.page(TestServer.get().url());
    }

    @Test
    void logInAndOut() {
        Page p = page();
        p.navigate("/");
        assertThat(p).hasURL(java.util.regex.Pattern.compile(".*/login$"));
        p.getByLabel("User name").fill(org.adminName);
        p.getByLabel("Password").fill("not the password");
        p.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Log in")).click();
        assertThat(p.getByRole(AriaRole.ALERT)).containsText("Wrong user name or password");
        Browser.shoot(p, "login-refused");

        Browser.logIn(p, org.adminName, Org.PASSWORD);
        assertThat(p.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Overview").setExact(true))).isVisible();
        assertThat(p.locator("header .who")).containsText(org.slug);
        p.locator(".chart[data-kind=map] canvas").first().waitFor();
        p.locator(".chart[data-kind=trend] canvas").first().waitFor();
        Browser.shoot(p, "overview");

        p.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Log out")).click();
        assertThat(p.getByRole(AriaRole.STATUS)).containsText("You are logged out");
        p.navigate("/participants");
        assertThat(p).hasURL(java.util.regex.Pattern.compile(".*/login$"));
    }

    @Test
    void fromTheOverviewToAParticipantsReasons() {
        Page p = page();
        Browser.logIn(p, org.adminName, Org.PASSWORD);
        var riskiest = p.locator("section[aria-labelledby=riskiest-participants] tbody a").first();
        String id = riskiest.textContent();
        riskiest.click();
        assertThat(p).hasURL(java.util.regex.Pattern.compile(".*/participants/" + id + "$"));
        var reasons = p.locator("section.assessment ol.reasons li");
        assertThat(reasons.first()).isVisible();
        assertThat(reasons.first()).not().isEmpty();
        assertThat(p.locator("section.assessment")).containsText("Decision");
        p.locator(".chart[data-kind=history] canvas").first().waitFor();
        Browser.shoot(p, "participant");

        // the list filters without reloading the page
        p.navigate("/participants");
        long all = Long.parseLong(p.locator("#results caption span").textContent());
        assertThat(all).isGreaterThan(50);
        String first = p.locator("#results tbody a").first().textContent();
        p.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Next →")).click();
        assertThat(p.locator(".pager")).containsText("Page 2 of " + (all + 49) / 50);
        assertThat(p.locator("#results tbody a").first()).not().hasText(first);
        p.navigate("/participants");
        p.getByLabel("Kind").selectOption("CARRIER");
        assertThat(p).hasURL(java.util.regex.Pattern.compile(".*kind=CARRIER.*"));
        long carriers = Long.parseLong(p.locator("#results caption span").textContent());
        assertThat(carriers).isPositive().isLessThan(all);
        for (String kind : p.locator("#results tbody td:nth-child(3)").allTextContents()) {
            assertThat(kind).isEqualTo("carrier");
        }
    }

    @Test
    void anAnalystOverridesWithAReasonAndAViewerCannot() {
        Page admin = page();
        Browser.logIn(admin, org.adminName, Org.PASSWORD);
        admin.navigate("/orders?sort=p_max");
        admin.locator("#results tbody a").first().click();
        String orderUrl = admin.url();
        admin.getByLabel("Override to").selectOption("HOLD");
        admin.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Override")).click();
        assertThat(admin.getByRole(AriaRole.ALERT)).containsText("reason");
        admin.getByLabel("Override to").selectOption("HOLD");
        admin.getByLabel("Reason (recorded in the audit log)").fill("buyer confirmed by phone; hold until documents arrive");
        admin.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Override")).click();
        assertThat(admin.getByRole(AriaRole.STATUS)).containsText("Decision overridden to HOLD");
        assertThat(admin.locator("section[aria-labelledby=decide] table")).containsText("buyer confirmed by phone");
        Browser.shoot(admin, "order-overridden");
        // an order's payment, with its screening and fraud reasons
        var paid = org.as(Org.Role.VIEWER).get("/api/v1/payments?size=1").json().get("items").get(0);
        String paymentId = paid.get("id").stringValue();
        admin.navigate("/orders/" + paid.get("record").get("order_id").stringValue());
        admin.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(paymentId).setExact(true)).click();
        assertThat(admin.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Payment " + paymentId))).isVisible();
        assertThat(admin.locator("section.assessment ol.reasons li").first()).isVisible();

        Page v = page();
        Browser.logIn(v, viewer, Org.PASSWORD);
        v.navigate(orderUrl);
        assertThat(v.locator("form#override")).hasCount(0);
        assertThat(v.locator("main")).containsText("Your role can read decisions but not override them");
        assertThat(v.locator("main")).containsText("buyer confirmed by phone");
        // and the server refuses it even when the form is sent by hand, with a valid CSRF token
        String token = v.context().cookies().stream().filter(c -> c.name.equals("XSRF-TOKEN")).findFirst().orElseThrow().value;
        var refused = v.request().post(orderUrl + "/override", RequestOptions.create().setHeader("X-XSRF-TOKEN", token)
                .setHeader("Accept", "text/html").setForm(com.microsoft.playwright.options.FormData.create()
                        .set("action", "APPROVE").set("reason", "viewer tries")));
        assertThat(refused.status()).isEqualTo(403);
        v.navigate(orderUrl);
        assertThat(v.locator("main")).not().containsText("viewer tries");
    }

    @Test
    void anAlertBecomesACaseThatIsWorkedAndResolved() {
        Page p = page();
        Browser.logIn(p, org.adminName, Org.PASSWORD);
        p.navigate("/alerts?severity=HIGH&sort=oldest");
        // nothing ticked: refused, nothing opened, back on the queue as it was filtered
        p.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Open case")).click();
        assertThat(p.getByRole(AriaRole.ALERT)).containsText("alert_ids: name at least one alert");
        assertThat(p).hasURL(java.util.regex.Pattern.compile(".*/alerts\\?severity=HIGH&sort=oldest$"));
        var boxes = p.locator("#results tbody input[type=checkbox]");
        assertThat(boxes.count()).isGreaterThanOrEqualTo(2);
        String firstAlert = boxes.nth(0).getAttribute("value");
        String secondAlert = boxes.nth(1).getAttribute("value");
        boxes.nth(0).check();
        boxes.nth(1).check();
        p.getByLabel("Title").fill("Two late shipments on one lane");
        p.getByLabel("Assign to").selectOption(org.adminName);
        p.getByLabel("First note").fill("same forwarder on both");
        p.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Open case")).click();
        assertThat(p).hasURL(java.util.regex.Pattern.compile(".*/cases/\\d+$"));
        String caseUrl = p.url();
        assertThat(p.getByRole(AriaRole.STATUS)).containsText("Case opened from 2 alerts.");
        var timeline = p.locator("ol.timeline");
        assertThat(timeline).containsText("opened from alert(s) [" + firstAlert + ", " + secondAlert + "]");
        assertThat(timeline).containsText("same forwarder on both");
        assertThat(p.locator("section[aria-labelledby=case-alerts] tbody tr")).hasCount(2);

        // a third alert joins the open case from the queue
        p.navigate("/alerts?severity=HIGH&sort=oldest");
        String third = p.locator("#results tbody input[type=checkbox]").first().getAttribute("value");
        p.locator("#results tbody input[type=checkbox]").first().check();
        p.locator("#case-id").selectOption(caseUrl.substring(caseUrl.lastIndexOf('/') + 1));
        p.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add to case")).click();
        assertThat(p).hasURL(caseUrl);
        assertThat(p.getByRole(AriaRole.STATUS)).containsText("1 alert added.");
        assertThat(p.locator("section[aria-labelledby=case-alerts] tbody tr")).hasCount(3);
        assertThat(timeline).containsText("alert " + third);

        p.getByLabel("Comment").fill("called the forwarder: trucks held at the border");
        p.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add comment")).click();
        assertThat(timeline).containsText("called the forwarder");
        p.getByLabel("Evidence (a file up to 10 MB)").setInputFiles(new com.microsoft.playwright.options.FilePayload(
                "border-notice.txt", "text/plain", "Border crossing closed 3 days\n".getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        p.getByLabel("What it shows").fill("the forwarder's notice");
        p.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Attach")).click();
        assertThat(p.getByRole(AriaRole.STATUS)).containsText("Evidence attached.");
        var download = p.waitForDownload(() -> p.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("border-notice.txt")).click());
        try {
            assertThat(java.nio.file.Files.readString(download.path())).isEqualTo("Border crossing closed 3 days\n");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }

        // resolving needs an outcome
        p.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Resolve")).click();
        assertThat(p.getByRole(AriaRole.ALERT)).containsText("outcome: is required: CONFIRMED, FALSE_POSITIVE or MITIGATED");
        p.getByLabel("Outcome").selectOption("MITIGATED");
        p.getByLabel("Resolution note").fill("rerouted via the other crossing");
        p.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Resolve")).click();
        assertThat(p.getByRole(AriaRole.STATUS)).containsText("Case resolved; its alerts are closed.");
        assertThat(p.locator("h1 .status")).hasText("resolved");
        assertThat(timeline).containsText("MITIGATED: rerouted via the other crossing");
        assertThat(p.locator("section[aria-labelledby=case-alerts] tbody td:nth-child(5)")).hasCount(3);
        for (String status : p.locator("section[aria-labelledby=case-alerts] tbody td:nth-child(5)").allTextContents()) {
            assertThat(status).isEqualTo("closed");
        }
        Browser.shoot(p, "case-resolved");
        // the alerts left the open queue, and the case is among the resolved ones
        p.navigate("/alerts?severity=HIGH&sort=oldest");
        assertThat(p.locator("#alert-" + firstAlert)).hasCount(0);
        p.navigate("/cases?status=RESOLVED");
        assertThat(p.locator("#results")).containsText("Two late shipments on one lane");

        // a viewer reads the case and cannot change it
        Page v = page();
        Browser.logIn(v, viewer, Org.PASSWORD);
        v.navigate(caseUrl);
        assertThat(v.locator("ol.timeline")).containsText("rerouted via the other crossing");
        assertThat(v.locator("main form")).hasCount(0);
        assertThat(v.locator("main")).containsText("Your role can read cases but not change them.");
        v.navigate("/alerts");
        assertThat(v.locator("#results input[type=checkbox]")).hasCount(0);

        // reopened with a reason
        p.navigate(caseUrl);
        p.getByLabel("Why reopen").fill("the crossing closed again");
        p.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Reopen")).click();
        assertThat(p.getByRole(AriaRole.STATUS)).containsText("Case reopened.");
        assertThat(p.locator("h1 .status")).hasText("open");
    }

    @Test
    void aShipmentsRouteLegByLegAndParticipantsByGradeAndQualifications() {
        Page p = page();
        Browser.logIn(p, viewer, Org.PASSWORD);
        p.navigate("/shipments");
        p.locator("#results tbody a").first().click();
        assertThat(p).hasURL(java.util.regex.Pattern.compile(".*/shipments/S-\\d+$"));
        var legs = p.locator("section[aria-labelledby=route] tbody tr");
        assertThat(legs.first()).isVisible();
        assertThat(legs.first().locator("td").nth(4)).containsText("%");
        var eta = p.locator("section[aria-labelledby=arrival] table").first().locator("tbody tr");
        assertThat(eta).hasCount(3);
        assertThat(eta.nth(0)).containsText("p50");
        assertThat(eta.nth(2)).containsText("p99");
        p.locator(".chart[data-kind=delays] canvas").first().waitFor();
        assertThat(p.locator("section.assessment")).containsText("late delivery");
        Browser.shoot(p, "shipment");

        p.navigate("/participants");
        long all = Long.parseLong(p.locator("#results caption span").textContent());
        long sum = 0;
        for (String state : List.of("LAPSED", "EXPIRING", "IN_ORDER")) {
            p.navigate("/participants?qualifications=" + state);
            long n = Long.parseLong(p.locator("#results caption span").textContent());
            if (state.equals("LAPSED")) {
                assertThat(n).isPositive();
                String id = p.locator("#results tbody a").first().textContent();
                assertThat(org.as(Org.Role.VIEWER).get("/api/v1/alerts?kind=qualification_expired&subject_id=" + id)
                        .json().get("total").asLong()).isPositive();
            }
            sum += n;
        }
        assertThat(sum).isEqualTo(all);
        p.navigate("/participants");
        p.getByLabel("Grade").selectOption("E");
        assertThat(p).hasURL(java.util.regex.Pattern.compile(".*grade=E.*"));
        assertThat(p.locator("#results tbody tr").first()).isVisible();
        for (String grade : p.locator("#results tbody td:nth-child(6)").allTextContents()) {
            assertThat(grade).isEqualTo("E");
        }
    }

    @Test
    void aKeyboardAloneLogsInSkipsToTheContentAndFiltersAList() {
        Page p = page();
        p.navigate("/login");
        // the user name field has the focus; Tab moves to the password; Enter sends the form
        p.keyboard().type(viewer);
        p.keyboard().press("Tab");
        p.keyboard().type(Org.PASSWORD);
        p.keyboard().press("Enter");
        p.waitForURL(url -> !url.contains("/login"));
        p.navigate("/participants");
        p.keyboard().press("Tab");
        assertThat(p.locator(":focus")).hasText("Skip to content");
        p.keyboard().press("Enter");
        assertThat(p).hasURL(java.util.regex.Pattern.compile(".*#main$"));
        // every control of the filter form is reachable by Tab and carries a label
        var controls = p.locator("main form.inline input, main form.inline select");
        for (int i = 0; i < controls.count(); i++) {
            String id = controls.nth(i).getAttribute("id");
            assertThat(p.locator("label[for='" + id + "']")).hasCount(1);
        }
        p.locator("#q").focus();
        p.keyboard().press("Tab");
        assertThat(p.locator(":focus")).hasAttribute("id", "kind");
        p.keyboard().press("ArrowDown");
        p.keyboard().press("ArrowDown");
        assertThat(p).hasURL(java.util.regex.Pattern.compile(".*kind=.*"));
        // the focused control is drawn with its outline
        String outline = (String) p.locator(":focus").evaluate("e => getComputedStyle(e).outlineStyle");
        assertThat(outline).isNotEqualTo("none");
    }

    @Test
    void aBadAddressSaysWhichFieldIsWrongAndHowToFixIt() {
        Page p = page();
        Browser.logIn(p, viewer, Org.PASSWORD);
        record Bad(String path, String says) {
        }
        for (Bad bad : List.of(
                new Bad("/orders?ship_to=XQ", "ship_to: 'XQ' is not an ISO 3166-1 alpha-2 country code known to countries.csv; use two letters such as DE or CN"),
                new Bad("/participants?country=Germany", "country: 'Germany' is not an ISO 3166-1 alpha-2 country code"),
                new Bad("/participants?kind=CARRIR", "kind: 'CARRIR' is not a kind of participant; use one of MERCHANT, "),
                new Bad("/orders?decision=FOO", "decision: 'FOO' is not a decision; use APPROVE, REVIEW, HOLD or BLOCK"),
                new Bad("/participants?page=abc", "page: 'abc' is not a whole number; correct it in the address"),
                new Bad("/participants?grade=Z", "grade: 'Z' is not one of A, B, C, D, E"),
                new Bad("/?category=weather", "category: 'weather' is not a category; use one of max, credit"))) {
            var response = p.navigate(bad.path());
            assertThat(response.status()).as(bad.path()).isEqualTo(400);
            assertThat(p.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Not accepted"))).isVisible();
            assertThat(p.locator("main .error")).containsText(bad.says());
        }
        // the API refuses the same filter with the field named
        var api = org.as(Org.Role.VIEWER).get("/api/v1/orders?ship_to=XQ");
        assertThat(api.status()).isEqualTo(400);
        assertThat(api.json().get("field").stringValue()).isEqualTo("ship_to");
        // and a known code in lower case is taken
        p.navigate("/orders?ship_to=gb");
        assertThat(p.locator("#results caption")).not().containsText(" 0 orders");
    }

    @Test
    void anotherOrganisationSeesNothingOfThisOne() {
        Page mine = page();
        Browser.logIn(mine, org.adminName, Org.PASSWORD);
        mine.navigate("/participants");
        String participant = mine.locator("#results tbody a").first().textContent();
        mine.navigate("/orders");
        String order = mine.locator("#results tbody a").first().textContent();

        Page theirs = page();
        Browser.logIn(theirs, other.adminName, Org.PASSWORD);
        assertThat(theirs.locator("main")).containsText("No orders yet");
        assertThat(theirs.locator("main")).not().containsText(participant);
        theirs.navigate("/participants");
        assertThat(theirs.locator("#results caption")).containsText("0 participants");
        var response = theirs.navigate("/participants/" + participant);
        assertThat(response.status()).isEqualTo(404);
        assertThat(theirs.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Not found"))).isVisible();
        assertThat(theirs.navigate("/orders/" + order).status()).isEqualTo(404);
        theirs.navigate("/alerts?status=ANY");
        assertThat(theirs.locator("#results caption")).containsText("0 alerts");
        Browser.shoot(theirs, "other-organisation");
    }
}
