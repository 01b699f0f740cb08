package io.brainstem.bootstrap.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.brainstem.application.port.in.DatabaseRef;
import io.brainstem.application.port.in.IngestEventsUseCase.IngestCommand;
import io.brainstem.application.scenarios.IssueWeekScenario;
import io.brainstem.application.scenarios.Scenario;
import io.brainstem.application.testing.MovableClock;
import io.brainstem.bootstrap.Brainstem;
import io.brainstem.bootstrap.BrainstemSettings;
import io.brainstem.domain.envelope.EnvelopeContent;
import io.brainstem.domain.envelope.TenantId;
import io.helidon.config.Config;
import io.helidon.webserver.WebServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The operator console in headless Chromium against a real {@code serve} (real SQLite file, real socket) that was
 * fed the {@code issue-week} scenario — a week of a small site with a VPN tunnel on fw-01 that drops and comes
 * back by itself twice a day — with the scenario's own clock. Skipped when Chromium is missing, unless
 * {@code BRAINSTEM_REQUIRE_BROWSER=1} (CI), where that is a failure. Screenshots go to
 * {@code target/console-screenshots/}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConsoleBrowserTest {

    private static final String VPN_PEER = "203.0.113.10";
    private static final String BGP_PEER = "192.0.2.1";
    private static final Path SCREENSHOTS = Path.of("target", "console-screenshots");

    private Path dataDir;

    private Brainstem brainstem;
    private WebServer server;
    private WebDriver browser;
    private String base;

    @BeforeAll
    void seedAWeekAndStartServeAndABrowser(@TempDir Path dir) {
        Browser.requireOrSkip();
        dataDir = dir;
        Scenario week = IssueWeekScenario.build();
        MovableClock clock = new MovableClock(week.start());
        brainstem = new Brainstem(settings(dataDir, Map.of()), clock);
        feed(brainstem, clock, week);
        server = brainstem.startHttp();
        base = "http://127.0.0.1:" + server.port();
        browser = Browser.start(dataDir.resolve("chromium-profile"));
    }

    @AfterAll
    void stop() {
        if (browser != null) {
            browser.quit();
        }
        if (server != null) {
            server.stop();
        }
        if (brainstem != null) {
            brainstem.close();
        }
    }

    static BrainstemSettings settings(Path dataDir, Map<String, String> extra) {
        Map<String, String> env = new java.util.HashMap<>(Map.of(
                "BRAINSTEM_HTTP_PORT", "0",
                "BRAINSTEM_HTTP_HOST", "127.0.0.1",
                "BRAINSTEM_DATA_DIR", dataDir.toString(),
                "BRAINSTEM_SYSLOG_PORT", "off"));
        env.putAll(extra);
        return BrainstemSettings.load(Config.empty(), env);
    }

    /**
     * Every line as a syslog envelope, in batches of 30 minutes of scenario time, with the clock at each batch's
     * last line (as the scenario harness does), then three envelopes that fail to parse.
     */
    static void feed(Brainstem brainstem, MovableClock clock, Scenario scenario) {
        TenantId tenant = TenantId.of("site-a");
        Duration batch = Duration.ofMinutes(30);
        List<EnvelopeContent> pending = new ArrayList<>();
        Instant windowEnd = scenario.start().plus(batch);
        Instant last = scenario.start();
        for (Scenario.Line line : scenario.lines()) {
            while (!line.at().isBefore(windowEnd)) {
                flush(brainstem, clock, pending, last);
                windowEnd = windowEnd.plus(batch);
            }
            pending.add(EnvelopeContent.builder(tenant).sourceType("syslog").sourceId("site-a-syslog")
                    .sourcePath("udp:5514").messageRaw(line.raw()).build());
            last = line.at();
        }
        for (String garbage : List.of("<999>garbage from a broken relay", "<200>out of range",
                "<192>just above the range")) {
            pending.add(EnvelopeContent.builder(tenant).sourceType("syslog").sourceId("relay-7").messageRaw(garbage)
                    .build());
        }
        flush(brainstem, clock, pending, last);
    }

    private static void flush(Brainstem brainstem, MovableClock clock, List<EnvelopeContent> pending, Instant last) {
        if (pending.isEmpty()) {
            return;
        }
        clock.set(last.plusMillis(200));
        brainstem.ingest().ingest(new IngestCommand(DatabaseRef.DEFAULT, List.copyOf(pending), 2));
        pending.clear();
    }

    private WebDriverWait waiting() {
        return new WebDriverWait(browser, Duration.ofSeconds(15));
    }

    private void open(String route, String ready) {
        browser.get(base + "/#" + route);
        waitReady(ready);
    }

    private void waitReady(String ready) {
        waiting().until(ExpectedConditions.attributeToBe(By.id("main"), "data-ready", ready));
    }

    private void screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            byte[] png = ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES);
            Files.write(SCREENSHOTS.resolve(name + ".png"), png);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The link to the VPN self-heal candidate on Today (an item of its own or a facet of one). */
    private WebElement vpnItemOnToday() {
        open("/today", "today");
        List<WebElement> items = browser.findElements(By.cssSelector("#interesting li.item"));
        return items.stream().filter(li -> li.getText().contains(VPN_PEER) && li.getText().contains("fw-01"))
                .findFirst().orElseThrow(() -> new AssertionError("no VPN item on Today among: "
                        + items.stream().map(WebElement::getText).toList()));
    }

    private String vpnCandidateId() {
        WebElement item = vpnItemOnToday();
        return item.getAttribute("data-candidate");
    }

    @Test
    void todayListsTheSelfHealingVpnWithBandScoreAndExplanation() {
        WebElement item = vpnItemOnToday();
        String text = item.getText();
        assertTrue(text.contains("Self-healing"), text);
        assertTrue(item.findElement(By.cssSelector(".band")).getText().matches("review|urgent"), text);
        assertTrue(item.findElement(By.cssSelector(".score")).getText().matches("0\\.\\d\\d"), text);
        assertFalse(item.findElement(By.cssSelector(".explanation")).getText().isBlank());
        assertTrue(item.findElement(By.cssSelector("a")).getAttribute("href").contains("#/candidates/cand_"));
        assertFalse(browser.findElements(By.cssSelector("#digest li.item")).isEmpty(), "the digest lists items");
        assertEquals("3", browser.findElement(By.cssSelector("#parse-failures a")).getText());
        waiting().until(d -> !d.findElements(By.cssSelector("#ingest-rate .spark canvas")).isEmpty());
        screenshot("today");
        browser.navigate().refresh();
        waitReady("today");
        waiting().until(d -> !d.findElements(By.cssSelector("#ingest-rate .spark canvas")).isEmpty());
        // the counts card fills after the page is ready (it waits for /stats): wait for it before reading it
        waiting().until(d -> !d.findElements(By.cssSelector(".counts dd")).isEmpty());
        System.out.println("console Today on the issue-week store (" + script("return document.querySelector("
                + "'.counts dd').textContent") + " envelopes): " + script("return 'first contentful paint '"
                + " + Math.round(performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? -1)"
                + " + ' ms, ready ' + document.getElementById('main').dataset.readyAt + ' ms, downloaded '"
                + " + Math.round(performance.getEntriesByType('resource').concat(performance.getEntriesByType("
                + "'navigation')).reduce((n, e) => n + e.encodedBodySize, 0) / 1024) + ' KiB of bodies'"));
    }

    @Test
    void candidateDetailShowsTheExplanationAndATimelineOfFailuresAndRecoveries() {
        String id = vpnCandidateId();
        open("/candidates/" + id, "candidates/" + id);
        String explanation = browser.findElement(By.id("explanation")).getText();
        assertTrue(explanation.contains("fw-01"), explanation);
        List<WebElement> timeline = browser.findElements(By.cssSelector("#timeline li"));
        assertTrue(timeline.size() >= 14, "two episodes a day for a week: " + timeline.size());
        long failures = timeline.stream().filter(li -> "failure".equals(li.getAttribute("data-kind"))).count();
        long recoveries = timeline.stream().filter(li -> "recovery".equals(li.getAttribute("data-kind"))).count();
        assertTrue(failures >= 7 && recoveries >= 7, failures + " failures, " + recoveries + " recoveries");
        WebElement firstFailure = timeline.stream().filter(li -> "failure".equals(li.getAttribute("data-kind")))
                .findFirst().orElseThrow();
        assertTrue(firstFailure.getText().contains("dropped"), firstFailure.getText());
        String heading = browser.findElement(By.tagName("h1")).getText();
        assertTrue(heading.startsWith("Self-healing") && heading.contains(VPN_PEER), heading);
        screenshot("candidate-detail");
    }

    @Test
    void aLongTimelinePagesToOlderEventsByTheApisCursor() {
        open("/today", "today");
        WebElement flapping = browser.findElements(By.cssSelector("#interesting li.item")).stream()
                .filter(li -> li.getText().contains("GigabitEthernet0/12")).findFirst()
                .orElseThrow(() -> new AssertionError("the flapping port is on Today"));
        String id = flapping.getAttribute("data-candidate");
        open("/candidates/" + id, "candidates/" + id);
        int before = browser.findElements(By.cssSelector("#timeline li")).size();
        browser.findElement(By.id("timeline-older")).click();
        waiting().until(d -> d.findElements(By.cssSelector("#timeline li")).size() > before);
        assertTrue(before >= 100, "a first page of 100 events per signature: " + before);
    }

    @Test
    void promoteCreatesAnIncidentThatIncidentsFinds() {
        String id = vpnCandidateId();
        open("/candidates/" + id, "candidates/" + id);
        WebElement title = browser.findElement(By.id("promote-title"));
        assertTrue(title.getAttribute("value").contains(VPN_PEER), "prefilled from the candidate");
        assertEquals("self_heal", browser.findElement(By.id("promote-type")).getAttribute("value"));
        title.clear();
        title.sendKeys("Recurring VPN rekey instability on fw-01");
        browser.findElement(By.id("promote-submit")).click();
        WebElement link = waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("promoted-incident")));
        String incident = link.getText();
        assertTrue(incident.startsWith("inc_"), incident);

        open("/incidents", "incidents");
        browser.findElement(By.id("incidents-query")).sendKeys("vpn instability");
        browser.findElement(By.id("incidents-submit")).click();
        WebElement row = waiting().until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("#incident-results tr[data-incident='" + incident + "']")));
        assertTrue(row.getText().contains("Recurring VPN rekey instability on fw-01"), row.getText());
        row.findElement(By.tagName("a")).click();
        waitReady("incidents/" + incident);
        assertEquals("Recurring VPN rekey instability on fw-01", browser.findElement(By.id("incident-title")).getText());
        screenshot("incident-detail");
    }

    @Test
    void reviewingAsNoiseRemovesTheItemFromToday() {
        open("/today", "today");
        WebElement bgp = browser.findElements(By.cssSelector("#interesting li.item")).stream()
                .filter(li -> li.getText().contains(BGP_PEER)).findFirst()
                .orElseThrow(() -> new AssertionError("the BGP self-heal is on Today before its review"));
        String id = bgp.getAttribute("data-candidate");
        open("/candidates/" + id, "candidates/" + id);
        browser.findElement(By.id("decision-noise")).click();
        browser.findElement(By.id("review-notes")).sendKeys("lab router, rebooted on purpose");
        browser.findElement(By.id("review-submit")).click();
        waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("review-result"), "Recorded noise"));

        open("/today", "today");
        assertTrue(browser.findElements(By.cssSelector("li[data-candidate='" + id + "']")).isEmpty(),
                "a candidate reviewed as noise is neither in the digest nor in /interesting");
        assertFalse(browser.findElements(By.cssSelector("#interesting li.item")).isEmpty());
    }

    @Test
    void eventSearchFindsAMessageAndPagesByCursor() {
        open("/events", "events");
        WebElement words = browser.findElement(By.id("events-query"));
        words.sendKeys("DPD timeout");
        browser.findElement(By.id("events-submit")).click();
        waiting().until(d -> !d.findElements(By.cssSelector("#event-results tr[data-event]")).isEmpty()
                && d.findElement(By.id("event-results")).getText().contains("DPD timeout"));
        List<WebElement> rows = browser.findElements(By.cssSelector("#event-results tr[data-event]"));
        assertTrue(rows.stream().allMatch(r -> r.getText().contains("dropped (DPD timeout)")), "only matches");
        assertTrue(rows.size() >= 14 && rows.size() <= 50, String.valueOf(rows.size()));
        screenshot("events");
    }

    @Test
    void failuresListsTheParseFailuresAndReplayTurnsOneIntoAnEvent() {
        // what an older parser could not read and today's reads: stored as parse_failed, as it would have been
        io.brainstem.application.port.out.Storage storage = brainstem.catalog().open(DatabaseRef.DEFAULT);
        long id = storage.unitOfWork().write(() -> {
            io.brainstem.domain.envelope.RawEnvelope e = storage.rawEnvelopes().receiveAll(List.of(
                    EnvelopeContent.builder(TenantId.of("site-a")).sourceType("syslog").sourceId("relay-8")
                            .messageRaw("<30>Mar 22 03:00:00 fw-07 charon: IPsec SA with peer 192.0.2.77 established")
                            .build()), Instant.parse("2026-03-22T03:00:01Z")).getFirst();
            e.markParseFailed("an older parser could not read it",
                    new io.brainstem.domain.envelope.ParserInfo("rfc3164", "0.0.1"), Instant.parse("2026-03-22T03:00:01Z"));
            storage.rawEnvelopes().saveOutcomes(List.of(e));
            return e.id().value();
        });
        open("/failures", "failures");
        List<WebElement> rows = browser.findElements(By.cssSelector("#failure-results tr[data-envelope]"));
        assertEquals(4, rows.size());
        WebElement row = browser.findElement(By.cssSelector("#failure-results tr[data-envelope='" + id + "']"));
        assertTrue(row.getText().contains("parse_failed"), row.getText());
        row.findElement(By.cssSelector("input.pick")).click();
        browser.findElement(By.id("replay-selected")).click();
        waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("replay-result"),
                "Replayed 1: 1 became events"));
        screenshot("failures");
        waiting().until(d -> d.findElements(By.cssSelector("#failure-results tr[data-envelope]")).size() == 3);
        assertEquals(io.brainstem.domain.envelope.EnvelopeStatus.CANONICALIZED, storage.unitOfWork().read(() ->
                storage.rawEnvelopes().findById(new io.brainstem.domain.envelope.RawEnvelopeId(id))).orElseThrow()
                .status());
        assertTrue(storage.unitOfWork().read(() -> storage.canonicalEvents().findById(
                new io.brainstem.domain.envelope.RawEnvelopeId(id))).isPresent(), "the envelope became an event");
    }

    private Object script(String js) {
        return ((JavascriptExecutor) browser).executeScript(js);
    }

    @Test
    void everyPageRendersWithoutAnErrorAndLabelsEveryControl() {
        for (String page : List.of("today", "candidates", "signatures", "events", "incidents", "failures")) {
            open("/" + page, page);
            assertTrue(browser.findElements(By.cssSelector("#main .error")).isEmpty(), page);
            assertEquals(List.of(), script("return [...document.querySelectorAll('#main input, #main select, "
                    + "#main textarea')].filter(e => !e.labels.length && !e.getAttribute('aria-label'))"
                    + ".map(e => e.name || e.id)"), "controls without a label on " + page);
            screenshot(page);
        }
        open("/signatures", "signatures");
        waiting().until(d -> d.findElements(By.cssSelector("#signature-results .spark-cell canvas")).size() >= 3);
        browser.findElement(By.cssSelector("#signature-results a")).click();
        waiting().until(d -> String.valueOf(d.findElement(By.id("main")).getAttribute("data-ready"))
                .startsWith("signatures/sig_"));
        assertTrue(browser.findElements(By.cssSelector("#main .error")).isEmpty());
        screenshot("signature-detail");
    }

    @Test
    void atPhoneWidthNothingScrollsSideways() {
        String id = vpnCandidateId();
        org.openqa.selenium.Dimension desktop = browser.manage().window().getSize();
        try {
            browser.manage().window().setSize(new org.openqa.selenium.Dimension(390, 844));
            for (String[] page : new String[][] {{"/today", "today"}, {"/candidates/" + id, "candidates/" + id},
                    {"/events", "events"}}) {
                open(page[0], page[1]);
                Object overflow = script("return document.documentElement.scrollWidth - window.innerWidth");
                assertTrue(((Number) overflow).longValue() <= 1, page[0] + " is wider than the phone by " + overflow);
                screenshot("phone-" + page[1].replaceAll("/.*", "-detail"));
            }
        } finally {
            browser.manage().window().setSize(desktop);
        }
    }

    @Test
    void theKeyboardReachesTheSkipLinkAndThePages() {
        open("/today", "today");
        browser.navigate().refresh(); // focus starts at the top of a freshly loaded page
        waitReady("today");
        org.openqa.selenium.interactions.Actions keys = new org.openqa.selenium.interactions.Actions(browser);
        keys.sendKeys(org.openqa.selenium.Keys.TAB).perform();
        assertEquals("Skip to content", browser.switchTo().activeElement().getText());
        keys.sendKeys(org.openqa.selenium.Keys.TAB, org.openqa.selenium.Keys.TAB, org.openqa.selenium.Keys.TAB).perform();
        assertEquals("Candidates", browser.switchTo().activeElement().getText(), "skip link, brand, Today, Candidates");
        keys.sendKeys(org.openqa.selenium.Keys.ENTER).perform();
        waitReady("candidates");
    }

    /** A second serve with BRAINSTEM_API_TOKEN set: the page loads, asks, refuses a wrong token, then works. */
    @Test
    void withATokenTheConsoleAsksOnceAndNeverPutsItInAUrl() throws Exception {
        Path tokenDir = dataDir.resolve("with-token");
        Files.createDirectories(tokenDir);
        String token = "tok-" + Long.toHexString(System.nanoTime());
        try (Brainstem guarded = new Brainstem(settings(tokenDir, Map.of("BRAINSTEM_API_TOKEN", token)))) {
            WebServer tokenServer = guarded.startHttp();
            try {
                String url = "http://127.0.0.1:" + tokenServer.port();
                HttpResponse<String> stats = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(url + "/stats")).build(), HttpResponse.BodyHandlers.ofString());
                assertEquals(401, stats.statusCode(), "the API itself needs the token");
                HttpResponse<String> ingest = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(url + "/ingest/event")).header("X-API-Token", token)
                        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{\"tenant_id\": \"t\", \"source_type\": \"syslog\","
                                + " \"host\": \"fw-09\", \"message_raw\": \"IPsec SA with peer 198.51.100.9 established\"}"))
                        .build(), HttpResponse.BodyHandlers.ofString());
                assertEquals(200, ingest.statusCode(), ingest.body());

                browser.get(url + "/#/events");
                WebElement input = waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("token-input")));
                assertFalse(browser.findElement(By.id("token-error")).isDisplayed(), "no error before a try");
                input.sendKeys("wrong-" + token);
                browser.findElement(By.id("token-submit")).click();
                waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("token-error")));
                assertTrue(browser.findElement(By.id("token-error")).getText().contains("refused"));
                screenshot("token-refused");

                browser.findElement(By.id("token-input")).sendKeys(token);
                browser.findElement(By.id("token-submit")).click();
                waitReady("events");
                waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("event-results"),
                        "198.51.100.9"));

                browser.get(url + "/#/today"); // same tab: the token is kept, nothing asked again
                waitReady("today");
                assertFalse(browser.findElement(By.id("token-dialog")).isDisplayed());
                assertEquals(token, ((JavascriptExecutor) browser)
                        .executeScript("return sessionStorage.getItem('brainstem.apiToken')"));

                @SuppressWarnings("unchecked")
                List<String> urls = (List<String>) ((JavascriptExecutor) browser).executeScript(
                        "return [location.href].concat(performance.getEntriesByType('navigation')"
                                + ".map(e => e.name), performance.getEntriesByType('resource').map(e => e.name))");
                assertTrue(urls.stream().anyMatch(u -> u.contains("/digest/daily")), "the API calls are recorded");
                assertTrue(urls.stream().noneMatch(u -> u.contains(token)), "the token is in no URL: " + urls);
            } finally {
                ((JavascriptExecutor) browser).executeScript("sessionStorage.clear()");
                tokenServer.stop();
            }
        }
    }
}
