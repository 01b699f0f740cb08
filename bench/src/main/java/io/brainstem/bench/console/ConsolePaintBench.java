package io.brainstem.bench.console;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * How soon the console's Today page shows what deserves a look, in headless Chromium with a cold cache each run:
 * first contentful paint, when the digest and /interesting answers had arrived, and when both lists were in the
 * page (as WebDriver saw it, so a little late).
 *
 * <pre>ConsolePaintBench URL RUNS</pre>
 */
public final class ConsolePaintBench {

    private ConsolePaintBench() {
    }

    public static void main(String[] args) throws Exception {
        String url = args[0].replaceAll("/$", "") + "/console/";
        int runs = Integer.parseInt(args[1]);
        List<double[]> results = new ArrayList<>();
        for (int run = 0; run < runs; run++) {
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
                new WebDriverWait(driver, Duration.ofSeconds(30)).until(ExpectedConditions.and(
                        ExpectedConditions.presenceOfElementLocated(By.id("digest")),
                        ExpectedConditions.presenceOfElementLocated(By.id("interesting"))));
                double shown = (System.nanoTime() - start) / 1e6;
                @SuppressWarnings("unchecked")
                Map<String, Object> t = (Map<String, Object>) ((JavascriptExecutor) driver).executeScript("""
                        const fcp = performance.getEntriesByName('first-contentful-paint')[0];
                        const data = performance.getEntriesByType('resource')
                          .filter(r => r.name.includes('/digest/daily') || r.name.includes('/interesting'));
                        return {fcp: fcp ? fcp.startTime : -1,
                                data: data.length ? Math.max(...data.map(r => r.responseEnd)) : -1,
                                count: data.length};""");
                double[] r = {((Number) t.get("fcp")).doubleValue(), ((Number) t.get("data")).doubleValue(), shown};
                results.add(r);
                System.out.printf(Locale.ROOT, "run %d: first contentful paint %.0f ms, digest and interesting "
                        + "answered by %.0f ms, both lists in the page by %.0f ms (WebDriver)%n", run + 1, r[0], r[1],
                        r[2]);
            } finally {
                driver.quit();
            }
        }
        double[] worst = new double[3];
        for (double[] r : results) {
            for (int i = 0; i < 3; i++) {
                worst[i] = Math.max(worst[i], r[i]);
            }
        }
        System.out.printf(Locale.ROOT, "worst of %d: paint %.0f ms, data %.0f ms, lists %.0f ms%n", runs, worst[0],
                worst[1], worst[2]);
    }
}
