package io.brainstem.bench.console;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * How soon each page of the console is usable, in headless Chromium with a cold cache each load: first contentful
 * paint and "ready" (its heading shown and nothing still loading) from the browser's own timings, when WebDriver
 * saw it (a little later), and the bytes downloaded.
 *
 * <pre>ConsolePaintBench URL RUNS</pre>
 */
public final class ConsolePaintBench {

    private ConsolePaintBench() {
    }

    private static final String[] PAGES = {"", "#/candidates", "#/signatures", "#/events", "#/incidents",
        "#/failures"};

    public static void main(String[] args) throws Exception {
        String url = args[0].replaceAll("/$", "") + "/console/";
        int runs = Integer.parseInt(args[1]);
        for (String page : PAGES) {
            double[] worst = new double[5];
            for (int run = 0; run < runs; run++) {
                double[] r = measure(url + page);
                for (int k = 0; k < 5; k++) {
                    worst[k] = Math.max(worst[k], r[k]);
                }
            }
            System.out.printf(Locale.ROOT, "%-14s worst of %d cold loads: first contentful paint %4.0f ms, first list "
                    + "%4.0f ms, ready (nothing loading) %4.0f ms, WebDriver saw it at %4.0f ms; downloaded %.0f KiB%n",
                    page.isEmpty() ? "Today" : page, runs, worst[0], worst[4], worst[1], worst[2], worst[3] / 1024);
        }
    }

    /** One cold load: paint, ready and seen times in ms from navigation start, and bytes transferred. */
    private static double[] measure(String url) throws Exception {
        Path profile = Files.createTempDirectory("brainstem-paint");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(System.getProperty("chromium", "/usr/bin/chromium"));
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                "--window-size=1280,900", "--no-first-run", "--disable-extensions",
                "--user-data-dir=" + profile.toAbsolutePath());
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(System.getProperty("chromedriver", "/usr/bin/chromedriver")))
                .usingAnyFreePort().build();
        ChromeDriver driver = new ChromeDriver(service, options);
        try {
            long start = System.nanoTime();
            driver.get(url);
            JavascriptExecutor js = driver;
            // ready: the page's heading is there and no card or list still says it is loading
            new WebDriverWait(driver, Duration.ofSeconds(60)).until(d -> Boolean.TRUE.equals(js.executeScript(
                    "const m = document.querySelector('main');"
                            + " if (m && m.querySelector('#digest, [id$=-results] tr, [id$=-results] li') && !window.__content)"
                            + " window.__content = performance.now();"
                            + " return !!m && !!m.querySelector('h1')"
                            + " && !m.textContent.includes('Loading') && (window.__ready = window.__ready"
                            + " || performance.now()) > 0;")));
            double seen = (System.nanoTime() - start) / 1e6;
            @SuppressWarnings("unchecked")
            Map<String, Object> t = (Map<String, Object>) js.executeScript("""
                    const fcp = performance.getEntriesByName('first-contentful-paint')[0];
                    const nav = performance.getEntriesByType('navigation')[0];
                    const bytes = performance.getEntriesByType('resource').reduce((s, r) => s + r.transferSize,
                      nav ? nav.transferSize : 0);
                    return {fcp: fcp ? fcp.startTime : -1, ready: window.__ready, bytes: bytes,
                            content: window.__content || -1};""");
            return new double[] {((Number) t.get("fcp")).doubleValue(), ((Number) t.get("ready")).doubleValue(),
                seen, ((Number) t.get("bytes")).doubleValue(), ((Number) t.get("content")).doubleValue()};
        } finally {
            driver.quit();
        }
    }
}
