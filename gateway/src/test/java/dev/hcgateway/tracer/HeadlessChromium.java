package dev.hcgateway.tracer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's chromium, headless, driven by Debian's chromedriver: no browser is downloaded. Missing either binary
 * fails the test (never skips it). Keeps the DevTools performance log, so tests can read every request it sent.
 */
final class HeadlessChromium implements AutoCloseable {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    final ChromeDriver driver;
    private final Path profile;

    /** Starts a browser with a fresh profile and a 1366x768 window. */
    HeadlessChromium() throws Exception {
        assertThat(CHROMIUM).as("Debian package chromium (apt-get install -y chromium chromium-driver)").isExecutable();
        assertThat(CHROMEDRIVER).as("Debian package chromium-driver").isExecutable();
        profile = Files.createTempDirectory("hc-chromium");
        ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toFile()).addArguments("--headless",
                "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--no-first-run", "--disable-dev-shm-usage", "--user-data-dir=" + profile,
                "--window-size=1366,768", "--lang=en-GB");
        options.setExperimentalOption("prefs", Map.of("download.default_directory", downloads().toString(),
                "download.prompt_for_download", false,
                "intl.accept_languages", "en-GB"));
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.PERFORMANCE, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER.toString())).usingAnyFreePort().build();
        driver = new ChromeDriver(service, options);
        driver.manage().window().setSize(new Dimension(1366, 768));
    }

    /** Returns the directory downloads land in. */
    Path downloads() {
        return profile.resolve("downloads");
    }

    /** Waits up to 15 s for a condition of the page. */
    WebDriverWait waiting() {
        return new WebDriverWait(driver, Duration.ofSeconds(15));
    }

    /** Returns the raw DevTools network messages logged since the last call. */
    List<String> networkLog() {
        return driver.manage().logs().get(LogType.PERFORMANCE).getAll().stream().map(LogEntry::getMessage)
                .filter(m -> m.contains("\"Network.")).toList();
    }

    /** Saves a screenshot of the whole page, as tall as its content, to a file. */
    void screenshot(Path file) throws Exception {
        Number height = (Number) driver.executeScript("return document.documentElement.scrollHeight");
        driver.manage().window().setSize(new Dimension(1366, Math.max(768, Math.min(1400, height.intValue() + 20))));
        driver.executeScript("window.scrollTo(0, 0)");
        Files.createDirectories(file.getParent());
        Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
        driver.manage().window().setSize(new Dimension(1366, 768));
    }

    @Override
    public void close() throws Exception {
        driver.quit();
    }
}
