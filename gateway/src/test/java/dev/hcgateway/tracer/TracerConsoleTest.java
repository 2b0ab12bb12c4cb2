package dev.hcgateway.tracer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hcgateway.support.Eventually;
import dev.hcgateway.support.Gateways;
import dev.hcgateway.support.PassageGateway;
import dev.hcgateway.support.PgDatabase;
import dev.hcgateway.support.TestData;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The tracer console in a real headless Chromium over a real gateway and PostgreSQL, with passages made by real
 * verify calls: it asks for the case and sends it with every query, shows the officer, each view shows the expected
 * rows in one unambiguous time format, each companion's encounter once, the CSV holds exactly the selected companions,
 * supervisors get the audit view, a wrong token brings the prompt back, and neither the token nor a document number
 * ever appears in a URL or any other place of a request than the Authorization header (resp. the hash call's body).
 * The page's files answer HEAD and are revalidated, never kept as immutable. Screenshots go to docs/img/.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TracerConsoleTest {

    private static final long T0 = TestData.VECTORS_NOW;
    private static final String NUMBER = "11010519491231002X";
    private static final String WRONG = "wrong-token-0123456789";
    private static final String CASE = "SH-2026-0042";
    private static final Pattern SHOWN = Pattern.compile("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}");
    private static final Path IMG = Path.of("..", "docs", "img").toAbsolutePath().normalize();

    private OfficerGateway officers;
    private PgDatabase db;
    private IdentityProvider idp;
    private PassageGateway gw;
    private HeadlessChromium browser;
    private String a;
    private String b;
    private String e;
    private String window;

    @BeforeAll
    void scan() throws Exception {
        officers = new OfficerGateway();
        db = officers.db;
        idp = officers.provider("ES256", "idp-console");
        gw = officers.start(List.of(idp), Map.of());
        a = gw.scanGreen("s-a", "SH-L2-PEOPLESQ-G01");      // t0
        gw.clock.advanceSeconds(5 * 60);
        gw.scanGreen("s-c", "SH-L1-XUJIAHUI-G01");         // t0+5, elsewhere
        gw.clock.advanceSeconds(5 * 60);
        b = gw.scanGreen("s-b", "SH-L2-PEOPLESQ-G02");      // t0+10
        gw.clock.advanceSeconds(2 * 60);
        gw.scanGreen("s-a", "SH-L2-PEOPLESQ-G01");          // t0+12
        gw.clock.advanceSeconds(8 * 60);
        e = gw.scanGreen("s-e", "SH-L2-PEOPLESQ-G02");      // t0+20
        gw.clock.advanceSeconds(5 * 60);
        gw.post("/v1/verify/document", new JsonObject().put("type", "resident_id").put("number", NUMBER)
                .put("scene", "metro").put("gate", "SH-L2-PEOPLESQ-G03")); // t0+25, a document
        gw.clock.advanceSeconds(25 * 60);
        gw.scanGreen("s-d", "SH-L2-PEOPLESQ-G01");          // t0+50, too late to be a companion
        Eventually.within(Duration.ofSeconds(20), "7 passages stored", () -> db.rows("passages") == 7);
        window = "&from=" + Instant.ofEpochSecond(T0 - 3600) + "&to=" + Instant.ofEpochSecond(T0 + 3600);
        browser = new HeadlessChromium();
    }

    @AfterAll
    void stop() throws Exception {
        if (browser != null) {
            browser.close();
        }
        officers.close();
    }

    private String base() {
        return "http://127.0.0.1:" + gw.gateway.port() + "/tracer/";
    }

    private WebElement byId(String id) {
        return browser.driver.findElement(By.id(id));
    }

    private void typeToken(String token) {
        browser.waiting().until(d -> byId("token-form").isDisplayed());
        byId("token").sendKeys(token);
        byId("token-form").submit();
    }

    private void typeCase(String caseId) {
        browser.waiting().until(d -> byId("case-form").isDisplayed());
        byId("case-id").sendKeys(caseId);
        byId("case-form").submit();
    }

    private List<WebElement> rows(String css) {
        return browser.driver.findElements(By.cssSelector(css));
    }

    @Test
    @Order(1)
    void wrongToken_bringsThePromptBack_thenTheCaseIsAsked_andThePlaceShownInOneTimeFormat() throws Exception {
        browser.driver.get(base() + "?view=place&place=SH-PEOPLESQ&limit=4" + window);
        typeToken(WRONG);
        browser.waiting().until(d -> byId("token-form").isDisplayed()
                && byId("token-why").getText().contains("refused"));
        typeToken(PassageGateway.TRACER);
        typeCase(CASE);
        browser.waiting().until(d -> rows("#results > table tbody tr").size() == 4);
        assertThat(byId("who").getText()).contains("Shared tracer token");
        assertThat(byId("case-shown").getText()).contains(CASE);
        assertThat(byId("next").isDisplayed()).as("a second page").isTrue();
        byId("next").click();
        browser.waiting().until(d -> rows("#results > table tbody tr").size() == 6);
        assertThat(byId("next").isDisplayed()).isFalse();
        assertThat(byId("status").getText()).startsWith("6 passages");
        String perGate = rows(".grid table").get(0).getText();
        assertThat(perGate).contains("SH-L2-PEOPLESQ-G01 3", "SH-L2-PEOPLESQ-G02 2", "SH-L2-PEOPLESQ-G03 1");
        assertThat(rows("svg.hist rect")).hasSize(24);
        assertThat(byId("zone").getText()).contains("Asia/Shanghai");
        assertThat(byId("place").getText()).contains("People's Square");
        // One format, year first, in the form and in the table: the form reads like the table's first row.
        assertThat(byId("place-from").getAttribute("type")).isEqualTo("text");
        String firstRow = rows("#results > table tbody tr td").get(0).getText();
        assertThat(firstRow).matches(SHOWN.pattern());
        String from = byId("place-from").getAttribute("value");
        assertThat(from).matches("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}");
        assertThat(from.substring(0, 10)).isEqualTo(firstRow.substring(0, 10)); // the window opens an hour before
        assertThat(Integer.parseInt(firstRow.substring(11, 13)))
                .isEqualTo((Integer.parseInt(from.substring(11, 13)) + 1) % 24);
        browser.screenshot(IMG.resolve("tracer-place.png"));
    }

    @Test
    @Order(2)
    void person_byCode_isATimelineOfPlaces() throws Exception {
        browser.driver.get(base() + "?view=person&issuer=330100&subject=" + a + window);
        browser.waiting().until(d -> rows("ol.timeline li").size() == 2);
        assertThat(rows("ol.timeline li")).allSatisfy(li -> assertThat(li.getText()).contains("People's Square"));
        browser.screenshot(IMG.resolve("tracer-person.png"));
    }

    @Test
    @Order(3)
    void person_byDocument_hashesThroughTheGateway_numberNeverInTheUrl() {
        browser.driver.get(base() + "?view=person" + window);
        browser.waiting().until(d -> byId("form-person").isDisplayed());
        byId("person-number").sendKeys(NUMBER);
        byId("form-person").submit();
        browser.waiting().until(d -> rows("ol.timeline li").size() == 1);
        assertThat(rows("ol.timeline li").get(0).getText()).contains("SH-L2-PEOPLESQ-G03");
        assertThat(browser.driver.getCurrentUrl()).contains("document=").doesNotContain(NUMBER);
    }

    @Test
    @Order(4)
    void companions_sortedByEncounters_eachEncounterOnce_csvHoldsExactlyTheSelected() throws Exception {
        browser.driver.get(base() + "?view=companions&issuer=330100&subject=" + a + "&within=30" + window);
        browser.waiting().until(d -> rows("#results table tbody tr").size() == 3);
        assertThat(byId("status").getText()).isEqualTo("3 companions");
        List<WebElement> lines = rows("#results table tbody tr");
        for (WebElement line : lines) {
            List<String> encounters = line.findElements(By.cssSelector("li")).stream().map(WebElement::getText).toList();
            assertThat(encounters).doesNotHaveDuplicates().allSatisfy(e -> assertThat(e).containsPattern(SHOWN));
            String text = line.getText();
            if (text.contains(b)) {
                assertThat(encounters).hasSize(1); // B passed once, between A's two passages
            }
            if (text.contains(b) || text.contains(e)) {
                line.findElement(By.cssSelector("input[type=checkbox]")).click();
            }
        }
        byId("export").click();
        Path file = browser.downloads().resolve("companions.csv");
        Eventually.within(Duration.ofSeconds(15), "CSV downloaded", () -> Files.exists(file));
        List<String> records = Files.readString(file).lines().skip(1).filter(l -> !l.isBlank()).toList();
        Set<String> subjects = records.stream().map(l -> l.split(",")[1]).collect(Collectors.toSet());
        assertThat(subjects).containsExactlyInAnyOrder(b, e);
        assertThat(records).allSatisfy(l -> assertThat(l).startsWith("330100,").contains("SH-PEOPLESQ"));
        browser.screenshot(IMG.resolve("tracer-companions.png"));
    }

    @Test
    @Order(5)
    void token_onlyEverInTheAuthorizationHeader_numberOnlyInTheHashBody() {
        Pattern header = Pattern.compile("\"authorization\":\\s*\"Bearer (" + Pattern.quote(PassageGateway.TRACER) + "|"
                + Pattern.quote(WRONG) + ")\"", Pattern.CASE_INSENSITIVE);
        List<String> log = browser.networkLog();
        assertThat(log.stream().filter(m -> header.matcher(m).find())).as("token sent as a header").isNotEmpty();
        List<String> leaks = log.stream().map(m -> header.matcher(m).replaceAll(""))
                .filter(m -> m.contains(PassageGateway.TRACER) || m.contains(WRONG)).toList();
        assertThat(leaks).as("the token anywhere but the Authorization header").isEmpty();
        assertThat(log.stream().filter(m -> m.contains(NUMBER))).isNotEmpty()
                .allSatisfy(m -> assertThat(m).contains("/tracer/v1/document-hash").contains("\"method\":\"POST\""));
        Pattern query = Pattern.compile("\"url\":\"[^\"]*/tracer/v1/(passages|companions)\\?[^\"]*\"");
        List<String> queries = log.stream().filter(m -> m.contains("Network.requestWillBeSent"))
                .map(query::matcher).filter(java.util.regex.Matcher::find).map(java.util.regex.Matcher::group).toList();
        assertThat(queries).as("queries sent").isNotEmpty().allSatisfy(u -> assertThat(u).contains("case=" + CASE));
    }

    @Test
    @Order(6)
    void supervisor_seesTheirName_andTheAuditOfTheCase() throws Exception {
        byId("forget").click();
        typeToken(idp.token("supervisor-3", "Zhao Min", gw.clock.millis() / 1000 + 3600, "tracer", "supervisor"));
        browser.waiting().until(d -> byId("case-form").isDisplayed());
        assertThat(byId("who").getText()).contains("Zhao Min");
        assertThat(byId("nav-audit").isDisplayed()).isTrue();
        browser.driver.get(base() + "?view=audit&case=" + CASE + "&from=" + Instant.ofEpochMilli(gw.clock.millis()
                - 86_400_000) + "&to=" + Instant.ofEpochMilli(gw.clock.millis() + 60_000));
        browser.waiting().until(d -> rows("#results table tbody tr").size() >= 4);
        List<WebElement> audit = rows("#results table tbody tr");
        assertThat(audit).allSatisfy(r -> assertThat(r.getText()).contains(CASE).contains("shared-token"));
        assertThat(audit.get(0).getText()).containsPattern(SHOWN).contains("passages_by_place");
        assertThat(byId("status").getText()).endsWith("audit rows");
        browser.screenshot(IMG.resolve("tracer-audit.png"));
    }

    @Test
    @Order(7)
    void pageFiles_answerHead_andAreRevalidated_neverKeptAsImmutable() {
        var head = Gateways.await(gw.client.request(HttpMethod.HEAD, gw.gateway.port(), "127.0.0.1", "/tracer/").send());
        assertThat(head.statusCode()).isEqualTo(200);
        assertThat(Integer.parseInt(head.getHeader("Content-Length"))).isPositive();
        assertThat(head.getHeader("Content-Security-Policy")).isNotBlank();
        var script = gw.get("/tracer/console.js", null);
        assertThat(script.statusCode()).isEqualTo(200);
        assertThat(script.getHeader("Cache-Control")).isEqualTo("no-cache").doesNotContain("immutable");
        String modified = script.getHeader("Last-Modified");
        assertThat(modified).isNotBlank();
        var again = Gateways.await(gw.client.get(gw.gateway.port(), "127.0.0.1", "/tracer/console.js")
                .putHeader("If-Modified-Since", modified).send());
        assertThat(again.statusCode()).isEqualTo(304);
    }
}
