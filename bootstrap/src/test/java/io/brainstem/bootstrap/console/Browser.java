package io.brainstem.bootstrap.console;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Headless Chromium from Debian ({@code apt-get install chromium chromium-driver}), driven by Selenium. Other paths
 * with {@code -Dbrainstem.chromium=...} and {@code -Dbrainstem.chromedriver=...}.
 */
final class Browser {

    static final String CHROMIUM = System.getProperty("brainstem.chromium", "/usr/bin/chromium");
    static final String CHROMEDRIVER = System.getProperty("brainstem.chromedriver", "/usr/bin/chromedriver");

    private Browser() {
    }

    /** Skips the calling tests when there is no browser, or fails them when BRAINSTEM_REQUIRE_BROWSER=1. */
    static void requireOrSkip() {
        boolean present = Files.isExecutable(Path.of(CHROMIUM)) && Files.isExecutable(Path.of(CHROMEDRIVER));
        if (present) {
            return;
        }
        String message = "browser tests need " + CHROMIUM + " and " + CHROMEDRIVER
                + " (Debian: apt-get install chromium chromium-driver)";
        if ("1".equals(System.getenv("BRAINSTEM_REQUIRE_BROWSER"))) {
            Assertions.fail(message + "; BRAINSTEM_REQUIRE_BROWSER=1 makes their absence a failure");
        }
        Assumptions.abort("skipped: " + message);
    }

    static WebDriver start(Path profile) {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                "--window-size=1280,900", "--no-first-run", "--disable-extensions",
                "--user-data-dir=" + profile.toAbsolutePath());
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER)).usingAnyFreePort().build();
        return new ChromeDriver(service, options);
    }
}
