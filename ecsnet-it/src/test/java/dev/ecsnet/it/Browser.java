package dev.ecsnet.it;

import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.stream.Stream;

/**
 * Headless Chromium from the system's packages ({@code chromium}, {@code chromium-driver}: {@code /usr/bin/chromium},
 * {@code /usr/bin/chromedriver}), driven by Selenium. Both paths are given, so Selenium Manager never looks for
 * (or fetches) a driver or a browser; without them the test is skipped with a {@code SKIPPED:} line. Each browser
 * gets a fresh profile, deleted on close.
 */
final class Browser implements AutoCloseable {
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    /** Kept so that its level holds: Selenium warns that it has no DevTools bindings, which these tests do not use. */
    private static final java.util.logging.Logger DEVTOOLS_LOG = java.util.logging.Logger.getLogger("org.openqa.selenium.devtools");

    private final WebDriver driver;
    private final ChromeDriverService service;
    private final Path profile;

    private Browser(WebDriver driver, ChromeDriverService service, Path profile) {
        this.driver = driver;
        this.service = service;
        this.profile = profile;
    }

    /** Skips the calling test, saying what is missing and how to install it, unless both binaries are there. */
    static void require() {
        for (Path p : List.of(CHROMIUM, CHROMEDRIVER)) {
            if (!Files.isExecutable(p)) {
                String message = "SKIPPED: " + p + " is not installed, so the browser tests cannot run here "
                        + "(apt-get install chromium chromium-driver)";
                System.out.println(message);
                Assumptions.abort(message);
            }
        }
    }

    static Browser start(int width, int height) throws IOException {
        require();
        DEVTOOLS_LOG.setLevel(Level.SEVERE);
        System.setProperty("webdriver.chrome.driver", CHROMEDRIVER.toString());
        Path profile = Files.createTempDirectory("ecsnet-chromium");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        // no-sandbox: the tests run as root; the background-networking flags: this machine's network is closed, and
        // Chromium's own connections (updates, sync, QUIC probes) would only be refused
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--user-data-dir=" + profile, "--window-size=" + width + "," + height);
        options.setCapability("goog:loggingPrefs", Map.of(LogType.BROWSER, "ALL"));
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build();
        return new Browser(new ChromeDriver(service, options), service, profile);
    }

    WebDriver driver() {
        return driver;
    }

    void open(String url) {
        driver.get(url);
    }

    Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    /** A polling wait (every 25 ms) that fails once {@code deadline} has passed without the condition holding. */
    <T> T waitUntil(Duration deadline, String what, Function<WebDriver, T> condition) {
        return new WebDriverWait(driver, deadline, Duration.ofMillis(25)).withMessage(what).until(condition);
    }

    /**
     * Clicks the first element the selector finds; the page redraws when state changes, so an element found just
     * before a redraw is found again rather than failing the test.
     */
    void click(String cssSelector) {
        waitUntil(Duration.ofSeconds(10), "a clickable " + cssSelector, d -> {
            try {
                d.findElement(By.cssSelector(cssSelector)).click();
                return true;
            } catch (org.openqa.selenium.StaleElementReferenceException | org.openqa.selenium.NoSuchElementException redrawn) {
                return false;
            }
        });
    }

    /** Picks {@code value} in a select, found again if a redraw replaced it. */
    void select(String id, String value) {
        waitUntil(Duration.ofSeconds(10), "option " + value + " of #" + id, d -> {
            try {
                new org.openqa.selenium.support.ui.Select(d.findElement(By.id(id))).selectByValue(value);
                return value.equals(d.findElement(By.id(id)).getDomProperty("value"));
            } catch (org.openqa.selenium.StaleElementReferenceException | org.openqa.selenium.NoSuchElementException redrawn) {
                return false;
            }
        });
    }

    String text(String cssSelector) {
        return driver.findElement(By.cssSelector(cssSelector)).getText();
    }

    /** The console's errors since the last call (Chromium's log, so failed loads count too, not only script errors). */
    List<String> consoleErrors() {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue()).map(LogEntry::toString).toList();
    }

    void screenshot(Path to) throws IOException {
        File shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
        Files.createDirectories(to.toAbsolutePath().getParent());
        Files.copy(shot.toPath(), to, StandardCopyOption.REPLACE_EXISTING);
    }

    @Override
    public void close() throws IOException {
        try {
            driver.quit();
        } finally {
            service.stop();
            try (Stream<Path> files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
