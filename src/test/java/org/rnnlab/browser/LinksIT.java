package org.rnnlab.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.rnnlab.core.Network;
import org.rnnlab.experiment.ExperimentConfig;
import org.rnnlab.experiment.Limits;
import org.rnnlab.experiment.LinkCodec;
import org.rnnlab.core.RunControl;
import org.rnnlab.core.TraceLog;
import org.rnnlab.experiment.RunToEnd;

/** Links and downloads, as a student receiving a link from the instructor would use them. */
class LinksIT extends BrowserTest {

    static String fieldValue(String id) {
        return (String) js("return document.querySelector('#' + arguments[0] + ' input').value", id);
    }

    @ParameterizedTest(name = "exercise {0}")
    @ValueSource(ints = {1, 2, 3})
    void aLinkOpensItsExerciseWithItsValues(int exercise) {
        String route = "/exercise-" + exercise;
        open(route + "?v=1&n=321&g=1.25&seed=77" + (exercise == 2 ? "&a=3.5" : "") + (exercise == 3 ? "&train=123" : ""));
        waitFor(d -> !d.findElements(By.id("param-n")).isEmpty(), Duration.ofSeconds(10));
        assertField("param-n", "321");
        assertField("param-g", "1.25");
        assertField("param-seed", "77");
        if (exercise == 2) assertField("param-a", "3.5");
        if (exercise == 3) assertField("param-train", "123");
        assertThat(driver.findElements(By.id("link-messages"))).isEmpty();
        // The address bar now holds the whole configuration and the step.
        waitFor(d -> d.getCurrentUrl().contains("?v=1&exercise=" + exercise + "&n=321&g=1.25&seed=77&"), Duration.ofSeconds(5));
        assertThat(driver.getCurrentUrl()).contains("&step=");
    }

    /** The field shows {@code expected} (read in the page; given a moment for the last update to land). */
    static void assertField(String id, String expected) {
        try {
            waitFor(d -> expected.equals(fieldValue(id)), Duration.ofSeconds(3));
        } catch (org.openqa.selenium.TimeoutException e) {
            assertThat(fieldValue(id)).as(id).isEqualTo(expected);
        }
    }

    @Test
    void aHostileLinkShowsItsMessagesAndRunsNoScript() throws IOException {
        String payload = "%3Cimg%20src%3Dx%20onerror%3D%22window.pwned%3D1%22%3E";
        open("/exercise-1?n=99999999&g=" + payload + "&seed=" + payload + "&step=6");
        String messages = waitFor(d -> d.findElements(By.id("link-messages")).stream().map(e -> e.getText()).findFirst().orElse(null),
                Duration.ofSeconds(10));
        assertThat(messages).contains("n: must be a whole number from 1 to 2000 (got '99999999')");
        assertThat(messages).contains("g: must be a number from 0 to 10 (got '<img src=x onerror=\"w...')");
        assertThat(messages).contains("seed: must be a whole number");
        assertThat(js("return window.pwned === undefined")).isEqualTo(true);
        assertThat(driver.findElements(By.cssSelector("#link-messages img"))).isEmpty();
        // Defaults stand in for what was wrong; the rest of the page works.
        assertThat(fieldValue("param-n")).isEqualTo("1000");
        assertThat(enabled("run")).isTrue();
        screenshot("bad-link");
    }

    @Test
    void movingThroughStepsKeepsTheStepInTheAddress() {
        open("/exercise-2");
        click("next");
        waitFor(d -> d.getCurrentUrl().endsWith("/exercise-2?v=1&step=2"), Duration.ofSeconds(5));
    }

    @Test
    void theDownloadedDataAreWhatThePageShowedAndWhatAnyMachineComputes() throws Exception {
        String link = "v=1&exercise=1&n=100&g=1.5&seed=3&tmax=20&plot=4&points=201&solver=adams";
        open("/playground?" + link + "&run=1");
        waitFor(d -> status().startsWith("Done"), Duration.ofSeconds(60));
        waitFor(d -> pointCounts().equals(List.of(201L)), Duration.ofSeconds(10));
        @SuppressWarnings("unchecked")
        List<List<Number>> shown = (List<List<Number>>) js("return document.querySelector('rnn-chart').data");

        String base64 = (String) ((JavascriptExecutor) driver).executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                fetch(document.querySelector('.data-download').href).then(r => r.arrayBuffer()).then(b => {
                  let s = ''; const bytes = new Uint8Array(b);
                  for (let i = 0; i < bytes.length; i++) s += String.fromCharCode(bytes[i]);
                  done(btoa(s));
                });
                """);
        Map<String, byte[]> files = unzip(Base64.getDecoder().decode(base64));
        assertThat(files.keySet()).containsExactlyInAnyOrder("config.json", "summary.json", "traces.csv", "J.npy", "x0.npy", "u.npy",
                "x.npy", "t.npy", "link.txt", "README.txt", "notebook.ipynb");
        assertThat(new String(files.get("link.txt"), StandardCharsets.UTF_8).strip()).isEqualTo(link);
        assertThat(new String(files.get("README.txt"), StandardCharsets.UTF_8)).contains("np.load");

        double[] x = npy(files.get("x.npy"));
        ExperimentConfig config = LinkCodec.parse(link, Limits.DEFAULT).config();
        int[] neurons = config.plottedNeurons();
        // What the chart showed (sent as 7 significant digits) is the file's x[:, neuron].
        for (int k = 0; k < 201; k += 10) {
            for (int j = 0; j < neurons.length; j++) {
                double file = x[k * 100 + neurons[j]];
                assertThat(shown.get(j + 1).get(k).doubleValue()).isCloseTo(file, org.assertj.core.data.Offset.offset(1e-6 * Math.max(1, Math.abs(file))));
            }
        }
        // And this JVM, another process, computes the very same numbers from the link alone.
        TraceLog again = new TraceLog(config.plottedNeurons(), true);
        RunToEnd.run(config, Network.create(config.n(), config.seed()), again, new RunControl());
        assertThat(x).containsExactly(again.states());
    }

    static Map<String, byte[]> unzip(byte[] zip) throws IOException {
        Map<String, byte[]> files = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) files.put(e.getName(), in.readAllBytes());
        }
        return files;
    }

    /** The float64 data of a .npy file (format 1.0, little-endian). */
    static double[] npy(byte[] bytes) {
        int header = (bytes[8] & 0xff) | (bytes[9] & 0xff) << 8;
        ByteBuffer data = ByteBuffer.wrap(bytes, 10 + header, bytes.length - 10 - header).order(ByteOrder.LITTLE_ENDIAN);
        double[] out = new double[data.remaining() / 8];
        for (int i = 0; i < out.length; i++) out[i] = data.getDouble();
        return out;
    }

    /** The pinned-runs table's text (read in the page). */
    static String pinnedTable() {
        Object text = js("const t = document.getElementById('pinned-runs'); return t ? t.textContent : ''");
        return text == null ? "" : text.toString();
    }

    static String lyapunovLine() {
        Object text = js("const l = document.querySelector('.lyapunov'); return l ? l.textContent : ''");
        return text == null ? "" : text.toString();
    }

    @Test
    void aPinnedRunIsDrawnUnderTheNextAndItsLinkShowsTheSameComparison() throws IOException {
        open("/exercise-1?n=200&seed=3&tmax=100&g=0.5");
        waitFor(d -> enabled("run"), Duration.ofSeconds(10));
        click("run");
        waitFor(d -> lyapunovLine().startsWith("Largest Lyapunov exponent"), Duration.ofSeconds(60));
        waitFor(d -> enabled("pin"), Duration.ofSeconds(5));
        click("pin");
        ExercisesIT.setField("param-g", "2");
        waitFor(d -> d.getCurrentUrl().contains("g=2") && d.getCurrentUrl().contains("pin1=g:0.5"), Duration.ofSeconds(5));
        click("run");
        waitFor(d -> lyapunovLine().startsWith("Largest Lyapunov exponent"), Duration.ofSeconds(60));
        waitFor(d -> pinnedTable().contains("This run") && pinnedTable().split("λ =").length == 3, Duration.ofSeconds(10));
        String table = pinnedTable();
        assertThat(table).contains("Pinned 1: g = 0.5", "(not chaotic)", "(chaotic)");
        // The pinned traces are drawn in the live run's chart, which is named for them too.
        assertThat(js("return document.querySelector('rnn-chart').overlayCount")).isEqualTo(1L);
        assertThat(byId("pinned-runs").isDisplayed()).isTrue();
        assertThat((String) js("return document.querySelector('rnn-chart').getAttribute('aria-label')"))
                .contains("Drawn under it for comparison: Pinned 1: g = 0.5");
        screenshot("pinned-runs");
        assertAccessibleAndQuiet("pinned runs");

        // A student opening the address bar's link sees the same comparison: the pin is computed again.
        String link = driver.getCurrentUrl();
        driver.get("about:blank");
        driver.get(link);
        waitFor(d -> js("return !!document.getElementById('pinned-runs')"), Duration.ofSeconds(30));
        waitFor(d -> pinnedTable().contains("(not chaotic)"), Duration.ofSeconds(60));
        String pinnedLine = table.substring(table.indexOf("Pinned 1"), table.indexOf("This run"));
        assertThat(pinnedTable()).contains(pinnedLine);
        waitFor(d -> Long.valueOf(1).equals(js("return document.querySelector('rnn-chart').overlayCount")), Duration.ofSeconds(10));
    }
}
