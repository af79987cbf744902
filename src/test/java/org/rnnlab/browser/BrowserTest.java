package org.rnnlab.browser;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.WebDriverWait;
import java.util.logging.Level;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Debian's headless Chromium driving the production app. Flags: no sandbox (we run as root), and no
 * background networking (this machine has no internet; Chromium would keep trying).
 */
@ExtendWith(AppServer.class)
public abstract class BrowserTest {
    protected static WebDriver driver;

    @BeforeAll
    static void openBrowser() {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(System.getProperty("chromium.binary", "/usr/bin/chromium"));
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--window-size=1400,1000");
        // Keep the page's console, so tests can check that no page logs an error.
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(System.getProperty("chromedriver", "/usr/bin/chromedriver"))).build();
        driver = new ChromeDriver(service, options);
    }

    @AfterAll
    static void closeBrowser() {
        if (driver != null) driver.quit();
        driver = null;
    }

    protected static void open(String path) {
        driver.manage().window().setSize(new Dimension(1400, 1000));
        driver.get(AppServer.baseUrl() + path);
        waitFor(d -> js("return !!window.Vaadin && !!document.querySelector('vaadin-app-layout')"), Duration.ofSeconds(30));
    }

    protected static <T> T waitFor(Function<WebDriver, T> condition, Duration timeout) {
        return new WebDriverWait(driver, timeout, Duration.ofMillis(50)).until(condition);
    }

    protected static Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    /** Clicks the element with this id, as the user would (found afresh: steps replace elements). */
    protected static void click(String id) {
        js("document.getElementById(arguments[0]).click()", id);
    }

    protected static WebElement byId(String id) {
        return driver.findElement(By.id(id));
    }

    /** The status line's text (read in the page: the element is replaced when the step changes). */
    protected static String status() {
        Object text = js("const s = document.getElementById('status'); return s ? s.textContent : ''");
        return text == null ? "" : text.toString();
    }

    /** Whether the element with this id exists and is enabled. */
    protected static boolean enabled(String id) {
        return (Boolean) js("const e = document.getElementById(arguments[0]); return !!e && !e.hasAttribute('disabled')", id);
    }

    /** Points held by each {@code <rnn-chart>} on the page, in document order. */
    @SuppressWarnings("unchecked")
    protected static java.util.List<Long> pointCounts() {
        return (java.util.List<Long>) js("return [...document.querySelectorAll('rnn-chart')].map(c => c.pointCount)");
    }

    /** The points each chart has handed to uPlot to draw: what the student sees, not only what arrived. */
    @SuppressWarnings("unchecked")
    protected static java.util.List<Long> drawnCounts() {
        return (java.util.List<Long>) js("return [...document.querySelectorAll('rnn-chart')].map(c => c.drawnCount)");
    }

    /**
     * Audits the page as it is now with axe-core (WCAG 2 A and AA rules, open shadow roots included) and fails with
     * each violation's rule and elements; also fails if the console has logged an error since the last check.
     */
    protected static void assertAccessibleAndQuiet(String page) throws IOException {
        Path axe = Path.of("tools", "a11y", "node_modules", "axe-core", "axe.min.js");
        if (!Files.isRegularFile(axe)) throw new IllegalStateException("no " + axe + ": mvn verify installs it (npm ci in tools/a11y)");
        js(Files.readString(axe));
        Object result = ((JavascriptExecutor) driver).executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}})
                  .then(r => done(r.violations.map(v => v.id + ' (' + v.impact + '): ' + v.help + ' at '
                      + v.nodes.slice(0, 3).map(n => JSON.stringify(n.target)).join(', '))))
                  .catch(e => done(['axe failed: ' + e]));
                """);
        assertThat((java.util.List<?>) result).as("accessibility violations on " + page).isEmpty();
        java.util.List<String> errors = driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue()).map(LogEntry::getMessage).toList();
        assertThat(errors).as("console errors on " + page).isEmpty();
    }

    /** Saves a screenshot as target/screenshots/{name}.png. */
    protected static Path screenshot(String name) throws IOException {
        File shot = ((org.openqa.selenium.TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
        Path out = Path.of("target", "screenshots", name + ".png");
        Files.createDirectories(out.getParent());
        Files.copy(shot.toPath(), out, StandardCopyOption.REPLACE_EXISTING);
        return out;
    }
}
