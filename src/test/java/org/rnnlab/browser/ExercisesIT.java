package org.rnnlab.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.rnnlab.core.ForceRun;
import org.rnnlab.core.Network;
import org.rnnlab.core.RunControl;
import org.rnnlab.core.SampleSink;
import org.rnnlab.experiment.ExperimentConfig;

/** A student's path through each exercise, in a real browser against the production jar. */
class ExercisesIT extends BrowserTest {

    static void waitForStatus(String prefix, Duration timeout) {
        waitFor(d -> status().startsWith(prefix), timeout);
    }

    static void record(String line) throws IOException {
        Path metrics = Path.of("target", "browser-metrics.txt");
        Files.createDirectories(metrics.getParent());
        Files.writeString(metrics, line + System.lineSeparator(), StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        System.out.println(line);
    }

    @Test
    void homeLinksToEveryPage() throws IOException {
        open("/");
        assertThat(driver.getTitle()).isEqualTo("RNN Lab");
        List<String> nav = driver.findElements(By.cssSelector("vaadin-side-nav-item")).stream().map(WebElement::getText).toList();
        assertThat(nav).containsExactly("Home", "1 · Transition to chaos", "2 · Driven network", "3 · FORCE learning",
                "Playground", "For instructors", "About and references");
        assertThat(driver.findElements(By.cssSelector(".card"))).hasSize(4);
        screenshot("home");
        assertAccessibleAndQuiet("home");
    }

    @Test
    void exerciseOneShowsTheSpectrumThenRunsAndStreamsTheFirstPointsQuickly() throws IOException {
        open("/exercise-1");
        waitForStatus("Done", Duration.ofSeconds(60));
        assertThat(status()).startsWith("Done: 1000 eigenvalues");
        // Equations are rendered by KaTeX as MathML, from the bundle (no CDN).
        assertThat(driver.findElements(By.cssSelector("rnn-math math"))).isNotEmpty();
        screenshot("exercise-1-spectrum");
        assertAccessibleAndQuiet("exercise-1-spectrum");

        click("next");
        waitFor(d -> status().startsWith("Ready") && enabled("run"), Duration.ofSeconds(10));
        // Time from the click on Run to the first computed points drawn (t > 0, not only x0), measured in the page.
        Object ms = ((JavascriptExecutor) driver).executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                const chart = document.querySelector('.step-charts rnn-chart');
                const start = performance.now();
                document.getElementById('run').click();
                (function poll() {
                  if (chart.pointCount > 1) done(performance.now() - start); else setTimeout(poll, 2);
                })();
                """);
        record(String.format(Locale.ROOT, "exercise 1 (g = 0.5, n = 1000): first computed points %.0f ms after Run",
                ((Number) ms).doubleValue()));
        waitForStatus("Done", Duration.ofSeconds(60));
        assertThat(status()).startsWith("Done: t = 50 reached");
        // The last batch of points may be drawn a frame after the status line changes.
        waitFor(d -> pointCounts().equals(List.of(500L)), Duration.ofSeconds(10));

        click("next");
        click("next");
        click("next"); // side by side: g = 0.5, 1, 1.5
        waitFor(d -> pointCounts().size() == 3 && status().startsWith("Ready"), Duration.ofSeconds(10));
        click("run");
        waitForStatus("Done", Duration.ofSeconds(60));
        waitFor(d -> pointCounts().equals(List.of(500L, 500L, 500L)), Duration.ofSeconds(10));
        waitFor(d -> drawnCounts().equals(List.of(500L, 500L, 500L)), Duration.ofSeconds(5));
        screenshot("exercise-1-side-by-side");
        assertAccessibleAndQuiet("exercise-1-side-by-side");
    }

    @Test
    void exerciseTwoFillsTheThreeByThreeGrid() throws IOException {
        open("/exercise-2");
        click("next");
        waitFor(d -> pointCounts().size() == 9 && status().startsWith("Ready"), Duration.ofSeconds(10));
        click("run");
        waitFor(d -> status().startsWith("Running") || status().startsWith("Done"), Duration.ofSeconds(30));
        waitForStatus("Done", Duration.ofSeconds(180));
        waitFor(d -> pointCounts().stream().allMatch(c -> c == 500L), Duration.ofSeconds(10));
        // Then each cell's measured Lyapunov exponent and its verdict (one twin batch of the nine cells).
        waitFor(d -> (Boolean) js("const l = [...document.querySelectorAll('.lyapunov')];"
                + " return l.length == 9 && l.every(e => e.textContent.startsWith('Largest Lyapunov exponent'))"), Duration.ofSeconds(120));
        screenshot("exercise-2-grid");
        assertAccessibleAndQuiet("exercise-2-grid");
    }

    @Test
    void exerciseThreeShowsTheTestErrorTheHeadlessRunnerComputes() throws IOException {
        open("/exercise-3");
        // The equations show whole: no formula is cut by its box. A glyph's ink (the T of w^T, q q^T) reaches past the
        // boxes the DOM reports, so look at the pixels: a formula's top and bottom rows must be blank.
        waitFor(d -> !d.findElements(By.cssSelector("rnn-math[display] math")).isEmpty(), Duration.ofSeconds(10));
        List<String> cut = new java.util.ArrayList<>();
        for (WebElement formula : driver.findElements(By.cssSelector("rnn-math[display]"))) {
            java.awt.image.BufferedImage shot = javax.imageio.ImageIO.read(
                    new java.io.ByteArrayInputStream(formula.getScreenshotAs(org.openqa.selenium.OutputType.BYTES)));
            for (int y : new int[] {0, shot.getHeight() - 1}) {
                for (int x = 0; x < shot.getWidth(); x++) {
                    int rgb = shot.getRGB(x, y);
                    if (((rgb >> 16 & 255) + (rgb >> 8 & 255) + (rgb & 255)) / 3 < 160) cut.add(formula.getAttribute("tex"));
                }
            }
        }
        assertThat(cut).as("formulas with ink on their edge").isEmpty();
        click("run");
        waitForStatus("Done", Duration.ofSeconds(60));
        // Output, |dw| per update, activity, error; then the loop's eigenvalues, 1000 before and 1000 after learning.
        waitFor(d -> pointCounts().equals(List.of(801L, 801L, 801L, 801L, 2000L)), Duration.ofSeconds(90));
        // ... and drawn: a chart that holds its points but never hands them to uPlot shows an empty frame.
        waitFor(d -> drawnCounts().equals(List.of(801L, 801L, 801L, 801L, 2000L)), Duration.ofSeconds(5));
        assertThat(driver.findElement(By.cssSelector(".loop-status")).getText()).startsWith("Rightmost eigenvalue of g J + u wᵀ");
        String shown = driver.findElement(By.cssSelector(".test-error")).getText();

        ExperimentConfig config = ExperimentConfig.defaults(3);
        ForceRun run = (ForceRun) config.newSimulation(Network.create(config.n(), config.seed()));
        try {
            run.runToEnd(SampleSink.NONE, new RunControl());
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
        assertThat(shown).isEqualTo(String.format(Locale.ROOT, "Test error (t > 300, learning off): RMSE %.4f, MAE %.4f",
                run.testError().rmse(), run.testError().mae()));
        screenshot("exercise-3-force");
        assertAccessibleAndQuiet("exercise-3-force");

        // "PNG" saves both charts as images: catch the downloads the page starts.
        js("window.downloads = []; HTMLAnchorElement.prototype.click = function () {"
                + " window.downloads.push([this.download, this.href.substring(0, 22), this.href.length]); }");
        js("document.querySelector('.png-download').click()");
        waitFor(d -> ((List<?>) js("return window.downloads")).size() == 2, Duration.ofSeconds(10));
        @SuppressWarnings("unchecked")
        List<List<Object>> downloads = (List<List<Object>>) js("return window.downloads");
        assertThat(downloads.get(0).get(0)).isEqualTo("rnnlab-exercise3-FORCE_notebook_mode.png");
        assertThat(downloads.get(1).get(0)).isEqualTo("rnnlab-exercise3-FORCE_notebook_mode-dw.png");
        assertThat(downloads).allSatisfy(d -> {
            assertThat(d.get(1)).isEqualTo("data:image/png;base64,");
            assertThat((Long) d.get(2)).isGreaterThan(10_000L);
        });
    }

    @Test
    void pauseHoldsARunAndStopEndsIt() {
        open("/exercise-3");
        click("next");
        click("next");
        click("next"); // continuous mode, four sines, t = 1000: seconds of compute
        waitFor(d -> ((String) js("return document.querySelector('.step-text h2').textContent")).equals("A harder target"),
                Duration.ofSeconds(10));
        click("run");
        waitForStatus("Running", Duration.ofSeconds(30));
        click("pause");
        waitForStatus("Paused", Duration.ofSeconds(10));
        String paused = status();
        long before = pointCounts().get(0);
        // Nothing may move while paused: look again after a second.
        LockSupport.parkNanos(TimeUnit.SECONDS.toNanos(1));
        assertThat(status()).isEqualTo(paused);
        assertThat(pointCounts().get(0)).isEqualTo(before);
        click("pause"); // now "Resume"
        waitForStatus("Running", Duration.ofSeconds(10));
        click("stop");
        waitForStatus("Stopped", Duration.ofSeconds(10));
        assertThat(enabled("run")).isTrue();
    }

    @Test
    void closingThePageStopsItsRunsWithinSeconds() throws IOException {
        open("/instructors");
        long stoppedBefore = stoppedSoFar();
        open("/playground");
        js("document.getElementById('exercise').value = 3");
        waitFor(d -> driver.findElements(By.id("param-mode")).size() == 1, Duration.ofSeconds(10));
        // The largest, longest FORCE run allowed: a minute of compute, far longer than this test waits.
        setField("param-n", "2000");
        setField("param-tmax", "2000");
        setField("param-train", "1500");
        waitFor(d -> enabled("run"), Duration.ofSeconds(10));
        click("run");
        waitForStatus("Running", Duration.ofSeconds(30));
        driver.get("about:blank"); // the page unloads, as when its tab is closed
        long start = System.nanoTime();
        waitFor(d -> {
            open("/instructors");
            return loadText().startsWith("0 jobs computing") && stoppedSoFar() == stoppedBefore + 1;
        }, Duration.ofSeconds(20));
        System.out.printf(Locale.ROOT, "runs of a closed page stopped within %.1f s%n", (System.nanoTime() - start) / 1e9);
        assertAccessibleAndQuiet("instructors");
    }

    @Test
    void tryTenSeedsCompletesAndShowsTheFractionThatLearned() throws IOException {
        open("/exercise-3?n=200&tmax=300&train=150");
        click("try-seeds");
        waitFor(d -> byId("seed-trial-summary").getText().contains("networks kept the rhythm after learning stopped"),
                Duration.ofSeconds(120));
        assertThat(driver.findElements(By.cssSelector("#seed-trial-table > div"))).hasSize(10);
        assertThat(byId("seed-trial-summary").getText()).matches("\\d+ of 10 networks kept the rhythm after learning stopped "
                + "\\(test RMSE below 0\\.1, a tenth of the target's amplitude\\)\\.");
        assertAccessibleAndQuiet("exercise-3-try-seeds");
    }

    @Test
    void theAboutPageCreditsTheAuthorsAndListsTheReferences() throws IOException {
        open("/about");
        String credits = byId("credits").getText();
        assertThat(credits).contains("Larry Abbott", "Emily Mackevicius", "Alex Williams",
                "Creative Commons Attribution-ShareAlike 4.0");
        assertThat(driver.findElements(By.cssSelector("#references li"))).hasSize(5);
        assertAccessibleAndQuiet("about");
        // A guided step links the papers it cites (the map cites Rajan, Abbott & Sompolinsky).
        open("/exercise-2?step=4");
        waitFor(d -> (Boolean) js("return !!document.querySelector('.step-references a')"), Duration.ofSeconds(10));
        assertThat((String) js("return document.querySelector('.step-references a').href"))
                .isEqualTo("https://doi.org/10.1103/PhysRevE.82.011903");
    }

    @Test
    void closingThePageStopsItsDownloadBeforeItIsSent() {
        open("/instructors");
        long before = downloadsStopped();
        // A minute of compute to prepare: the page closes long before.
        open("/exercise-3?n=2000&tmax=2000&train=1500");
        js("window.download = fetch(document.querySelector('.data-download').href).then(r => r.status)");
        waitFor(d -> (Boolean) js("const s = document.querySelector('.download-status'); return !!s && s.textContent.startsWith('Preparing')"),
                Duration.ofSeconds(20));
        driver.get("about:blank");
        waitFor(d -> {
            open("/instructors");
            return loadText().startsWith("0 jobs computing") && downloadsStopped() == before + 1;
        }, Duration.ofSeconds(20));
    }

    static long downloadsStopped() {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(\\d+) stopped before sending").matcher(loadText());
        assertThat(m.find()).isTrue();
        return Long.parseLong(m.group(1));
    }

    static void setField(String id, String value) {
        WebElement input = driver.findElement(By.cssSelector("#" + id + " input"));
        input.sendKeys(Keys.chord(Keys.CONTROL, "a"), value, Keys.TAB);
        waitFor(d -> value.equals(input.getAttribute("value")), Duration.ofSeconds(5));
    }

    static String loadText() {
        return waitFor(d -> d.findElements(By.id("load")).stream().map(WebElement::getText).findFirst().orElse(null),
                Duration.ofSeconds(10));
    }

    static long stoppedSoFar() {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(\\d+) stopped").matcher(loadText());
        assertThat(m.find()).isTrue();
        return Long.parseLong(m.group(1));
    }

    @Test
    void aWrongValueNamesItsFieldAndKeepsTheText() throws IOException {
        open("/playground");
        WebElement n = driver.findElement(By.cssSelector("#param-n input"));
        n.sendKeys(Keys.chord(Keys.CONTROL, "a"), "abc", Keys.TAB);
        String message = waitFor(d -> {
            Object text = js("return document.querySelector('#param-n [slot=error-message]')?.textContent");
            return text != null && !text.toString().isBlank() ? text.toString() : null;
        }, Duration.ofSeconds(10));
        assertThat(message).isEqualTo("Neurons n must be a whole number from 1 to 2000 (got 'abc')");
        assertThat(byId("param-n").getAttribute("invalid")).isNotNull();
        assertThat(n.getAttribute("value")).isEqualTo("abc");
        assertThat(enabled("run")).isFalse();
        screenshot("playground-bad-value");
        assertAccessibleAndQuiet("playground-bad-value");
    }

    @Test
    void onAPhoneTheChartsComeBeforeTheControlsAndDarkThemeWorks() throws IOException {
        open("/exercise-1");
        click("next");
        waitFor(d -> status().startsWith("Ready"), Duration.ofSeconds(10));
        driver.manage().window().setSize(new Dimension(400, 860));
        click("theme-toggle");
        waitFor(d -> (Boolean) js("return document.body.getAttribute('theme') === 'dark'"), Duration.ofSeconds(5));
        long chartsTop = (Long) js("return Math.round(document.querySelector('.step-charts').getBoundingClientRect().top)");
        long controlsTop = (Long) js("return Math.round(document.querySelector('.step-controls').getBoundingClientRect().top)");
        assertThat(chartsTop).isLessThan(controlsTop);
        click("run");
        waitForStatus("Done", Duration.ofSeconds(60));
        screenshot("phone-dark");
    }

    /** Text of the sweep step's status line. */
    static String sweepStatus() {
        Object text = js("const s = document.getElementById('sweep-status'); return s ? s.textContent : ''");
        return text == null ? "" : text.toString();
    }

    /** Clicks Run the sweep and returns the seconds until the status line says Done (measured in the page). */
    static double runSweep(Duration timeout) {
        waitFor(d -> enabled("run-sweep"), Duration.ofSeconds(30));
        js("window.sweepStart = performance.now(); window.sweepDone = 0;"
                + " const s = document.getElementById('sweep-status');"
                + " new MutationObserver(() => { if (!window.sweepDone && s.textContent.startsWith('Done')) window.sweepDone = performance.now(); })"
                + ".observe(s, {childList: true, characterData: true, subtree: true});"
                + " document.getElementById('run-sweep').click();");
        waitFor(d -> sweepStatus().startsWith("Done"), timeout);
        return ((Number) js("return (window.sweepDone - window.sweepStart) / 1000")).doubleValue();
    }

    /** The sweep's CSV as the download link serves it. */
    static List<String> sweepCsv() {
        waitFor(d -> (Boolean) js("const a = document.getElementById('sweep-csv'); return !!a && !a.hasAttribute('disabled') && !!a.href"),
                Duration.ofSeconds(10));
        String text = (String) ((JavascriptExecutor) driver).executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                fetch(document.getElementById('sweep-csv').href).then(r => r.text()).then(done);
                """);
        return text.lines().toList();
    }

    @Test
    void theSweepStepsFillLiveAndDownloadTheirData() throws IOException {
        // Exercise 1, step 8: lambda against g at the step's defaults (11 gains x 3 seeds, n = 400).
        open("/exercise-1?step=8");
        double gainSeconds = runSweep(Duration.ofSeconds(400));
        record(String.format(Locale.ROOT, "exercise 1, lambda against g (11 x 3 runs, n = 400, t <= 200): %.1f s from Run to Done", gainSeconds));
        // Eleven means drawn (the curve's x column also holds the large-n curve's own points).
        waitFor(d -> ((Number) js("return document.getElementById('sweep-chart').data[1].filter(v => v !== null).length")).intValue() == 11,
                Duration.ofSeconds(10));
        assertThat(sweepStatus()).startsWith("Done: 33 runs. At g = 0.5: λ = −0.523 ± 0.009.");
        List<String> csv = sweepCsv();
        assertThat(csv.get(0)).isEqualTo("g,seed,lyapunov,lyapunov_stderr");
        assertThat(csv).hasSize(34);
        // Network 1 at g = 0.5: the exponent the step's answer quotes (pinned by GuideNumbersTest), at full precision.
        assertThat(csv.get(1)).startsWith("0.5,1,");
        assertThat(Double.parseDouble(csv.get(1).split(",")[2])).isBetween(-0.5165, -0.5155);
        screenshot("exercise-1-lambda-against-g");
        assertAccessibleAndQuiet("exercise-1-lambda-against-g");

        // Exercise 2, step 4: the suppression map at its defaults (5 x 6 cells x 2 seeds, n = 200, g = 3, one phase).
        open("/exercise-2?step=4");
        js("window.cellsSeen = []; const m = document.querySelector('rnn-heatmap');"
                + " window.cellWatch = setInterval(() => { const c = m.pointCount; if (window.cellsSeen[window.cellsSeen.length - 1] !== c) window.cellsSeen.push(c); }, 50);");
        double mapSeconds = runSweep(Duration.ofSeconds(400));
        record(String.format(Locale.ROOT, "exercise 2, the suppression map (5 x 6 x 2 runs, n = 200, g = 3, t <= 100): %.1f s from Run to Done", mapSeconds));
        waitFor(d -> ((Number) js("return document.querySelector('rnn-heatmap').pointCount")).intValue() == 30, Duration.ofSeconds(10));
        // It filled live: the map held some cells, not all, before it held all 30.
        @SuppressWarnings("unchecked")
        List<Long> seen = (List<Long>) js("clearInterval(window.cellWatch); return window.cellsSeen");
        assertThat(seen).anySatisfy(c -> assertThat(c).isBetween(1L, 29L));
        String critical = byId("sweep-critical").getText();
        assertThat(critical).startsWith("A_c(ω): 0.25: 4.34, ").contains(", 1: 4.49, ", ", 4: 11.84.");
        assertThat(sweepStatus()).contains("A_c is smallest at ω = 0.25 (4.34) and largest at ω = 4 (11.84)");
        List<String> rows = sweepCsv();
        assertThat(rows.get(0)).isEqualTo("omega,a,seed,lyapunov,lyapunov_stderr");
        assertThat(rows).hasSize(61);
        // The undriven reference first (A = 0), one run per network, the same in every column.
        assertThat(rows.get(1)).startsWith("0.25,0,1,");
        // The map's state is in the address bar.
        assertThat(driver.getCurrentUrl()).contains("step=4", "n=200", "g=3", "vary.omega=0.25:4:5:log", "vary.a=0,1,2,4,8,16", "seeds=2");
        screenshot("exercise-2-suppression-map");
        // The map alone, for the README (docs/screenshot-map.png is a copy).
        // Cut below the list of A_c values (the form under it is not the point).
        WebElement map = driver.findElement(By.cssSelector(".sweep-step"));
        java.awt.image.BufferedImage shot = javax.imageio.ImageIO.read(map.getScreenshotAs(org.openqa.selenium.OutputType.FILE));
        long bottom = ((Number) js("const s = document.querySelector('.sweep-step').getBoundingClientRect();"
                + " const c = document.getElementById('sweep-critical').getBoundingClientRect(); return Math.ceil(c.bottom - s.top + 8)")).longValue();
        javax.imageio.ImageIO.write(shot.getSubimage(0, 0, shot.getWidth(), (int) Math.min(shot.getHeight(), bottom)), "png",
                Path.of("target", "screenshots", "suppression-map.png").toFile());
        assertAccessibleAndQuiet("exercise-2-suppression-map");
    }

    @Test
    void onAPhoneInTheDarkTheForceCockpitFillsOneColumnWithoutOverflow() throws IOException {
        open("/exercise-3?n=300&tmax=400&train=200");
        driver.manage().window().setSize(new Dimension(400, 860));
        click("theme-toggle");
        waitFor(d -> (Boolean) js("return document.body.getAttribute('theme') === 'dark'"), Duration.ofSeconds(5));
        click("run");
        waitForStatus("Done", Duration.ofSeconds(60));
        // Every chart of the run (output, |dw|, activity, error, loop eigenvalues) has points and fits the phone's width.
        waitFor(d -> (Boolean) js("return [...document.querySelectorAll('.run-charts rnn-chart')].every(c => c.pointCount > 0)"),
                Duration.ofSeconds(90));
        long charts = (Long) js("return document.querySelectorAll('.run-charts rnn-chart').length");
        assertThat(charts).isGreaterThanOrEqualTo(5);
        long widest = (Long) js("return Math.round(Math.max(...[...document.querySelectorAll('.run-charts rnn-chart')]"
                + ".map(c => c.getBoundingClientRect().right)))");
        long viewport = (Long) js("return document.documentElement.clientWidth");
        assertThat(widest).as("right edge of the widest chart against the viewport").isLessThanOrEqualTo(viewport);
        js("document.querySelector('.force-cockpit').scrollIntoView()");
        screenshot("phone-dark-force");
        assertAccessibleAndQuiet("exercise 3 on a phone, dark theme");
    }
}
