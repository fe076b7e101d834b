package org.srmap.server.web;

import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Headless Chromium (Debian's {@code chromium} and {@code chromium-driver}, which {@code ./srmap
 * test} installs) driven through ChromeDriver, with the browser's console kept for the tests and
 * screenshots written to {@code target/screenshots}. Without the browser the tests fail under
 * {@code CI=true} and are skipped otherwise.
 */
final class Browser implements AutoCloseable {
    static final Path CHROMIUM = Path.of(System.getProperty("srmap.chromium", "/usr/bin/chromium"));
    static final Path CHROMEDRIVER = Path.of(System.getProperty("srmap.chromedriver", "/usr/bin/chromedriver"));
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");

    private final ChromeDriver driver;
    private final Path profile;
    private final Path downloads;

    private Browser(ChromeDriver driver, Path profile, Path downloads) {
        this.driver = driver;
        this.profile = profile;
        this.downloads = downloads;
    }

    static Browser start() throws IOException {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
            String problem = "no headless browser: " + CHROMIUM + " and " + CHROMEDRIVER
                    + " are needed (apt-get install chromium chromium-driver; ./srmap test installs them)";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                fail(problem + "; failing because CI=true");
            }
            Assumptions.abort(problem);
        }
        Path profile = Files.createTempDirectory("srmap-chromium-");
        Path downloads = Files.createDirectories(profile.resolve("downloads"));
        ChromeOptions options = new ChromeOptions();
        options.setExperimentalOption(
                "prefs",
                Map.of("download.default_directory", downloads.toString(), "download.prompt_for_download", false));
        options.setBinary(CHROMIUM.toFile());
        // the machine's network is closed: no background connections, no first-run work
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--disable-quic",
                "--no-first-run",
                "--window-size=1280,1000",
                "--user-data-dir=" + profile);
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .build();
        return new Browser(new ChromeDriver(service, options), profile, downloads);
    }

    ChromeDriver driver() {
        return driver;
    }

    /** Runs a script in the page and returns its value. */
    Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    /** Waits up to {@code seconds} for a script to return true. */
    void await(String what, int seconds, String script) {
        new WebDriverWait(driver, Duration.ofSeconds(seconds))
                .withMessage(what)
                .until(d -> Boolean.TRUE.equals(js(script)));
    }

    /** The console's errors (and failed loads) since the last call. */
    List<String> consoleErrors() {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue())
                .map(LogEntry::getMessage)
                .toList();
    }

    /** Waits up to 20 s for a download whose name ends with {@code suffix} and returns it. */
    Path downloaded(String suffix) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (System.nanoTime() < deadline) {
            try (var files = Files.list(downloads)) {
                var found = files.filter(f -> f.getFileName().toString().endsWith(suffix))
                        .findFirst();
                if (found.isPresent() && Files.size(found.get()) > 0) {
                    return found.get();
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no download ending in " + suffix + " within 20 s in " + downloads);
    }

    /** The path of a test artifact in target/screenshots, the directory created if missing. */
    static Path artifact(String fileName) throws IOException {
        return Files.createDirectories(SCREENSHOTS).resolve(fileName);
    }

    /** Saves a screenshot as target/screenshots/{name}.png, a test artifact. */
    Path screenshot(String name) throws IOException {
        Path file = artifact(name + ".png");
        Files.write(file, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
        return file;
    }

    /** The URLs of the resources the page has fetched whose path contains {@code part}. */
    @SuppressWarnings("unchecked")
    List<String> fetched(String part) {
        return ((List<Object>) js("return performance.getEntriesByType('resource').map(e => e.name)"))
                .stream().map(String::valueOf).filter(u -> u.contains(part)).toList();
    }

    /** Forgets the fetched resources (performance entries), so that later ones stand apart. */
    void forgetFetched() {
        js("performance.clearResourceTimings()");
    }

    @Override
    public void close() throws IOException {
        driver.quit();
        try (var files = Files.walk(profile)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
