package org.rnnlab.export;

import static org.assertj.core.api.Assertions.assertThat;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.rnnlab.core.RunControl;
import org.rnnlab.experiment.ExperimentConfig;
import org.rnnlab.experiment.Limits;
import org.rnnlab.experiment.LinkCodec;

/**
 * The download's notebook.ipynb, executed as a student would at home: its code cells run with Python, numpy and
 * matplotlib (Debian's python3-numpy and python3-matplotlib; .ci/run installs them) in the folder of the run's
 * files, and recompute the run to the numbers in those files.
 */
class TakeHomeNotebookTest {
    @TempDir
    Path dir;

    /** The first Python that has numpy and matplotlib: Debian's, then whatever python3 is on the path. */
    static String python() throws Exception {
        for (String candidate : List.of("/usr/bin/python3", "python3")) {
            try {
                Process p = new ProcessBuilder(candidate, "-c", "import numpy, matplotlib").redirectErrorStream(true).start();
                if (p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0) return candidate;
            } catch (IOException e) {
                // not there: try the next
            }
        }
        throw new AssertionError("no python3 with numpy and matplotlib (apt-get install python3-numpy python3-matplotlib)");
    }

    String execute(String link) throws Exception {
        ExperimentConfig config = LinkCodec.parse(link, Limits.DEFAULT).config();
        RunFiles.write(RunFiles.Entries.folder(dir), config, config.createNetwork(), new RunControl());
        JsonNode notebook = new ObjectMapper().readTree(dir.resolve("notebook.ipynb").toFile());
        assertThat(notebook.get("nbformat").asInt()).isEqualTo(4);
        StringBuilder code = new StringBuilder();
        for (JsonNode cell : notebook.get("cells")) {
            if (!cell.get("cell_type").asText().equals("code")) continue;
            for (JsonNode line : cell.get("source")) code.append(line.asText());
            code.append("\n\n");
        }
        Path script = dir.resolve("cells.py");
        Files.writeString(script, code);
        ProcessBuilder pb = new ProcessBuilder(python(), script.toString()).directory(dir.toFile()).redirectErrorStream(true);
        pb.environment().put("MPLBACKEND", "Agg");
        Process p = pb.start();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.exitValue()).as(out).isZero();
        return out;
    }

    static double number(String out, String label) {
        Matcher m = Pattern.compile(Pattern.quote(label) + ": ([-0-9.e+]+)").matcher(out);
        assertThat(m.find()).as(label + " in:\n" + out).isTrue();
        return Double.parseDouble(m.group(1));
    }

    @ParameterizedTest
    @ValueSource(strings = {"exercise=1&n=120&g=1.5&tmax=20&points=201", "exercise=2&n=120&a=2&omega=2&tmax=20&points=201",
            "exercise=1&n=120&p=0.2&g=1.5&tmax=20&points=201"})
    void theFreeRunsAreRecomputedByRk4InNumpyToTheFilesNumbers(String link) throws Exception {
        String out = execute(link);
        // RK4 at step 0.02 against the adaptive solver at 5e-9: measured ~3e-8 at n = 1000 over t <= 50.
        assertThat(number(out, "max difference from the file's x")).isLessThan(1e-6);
        // And it prints the run's Lyapunov estimate from summary.json.
        JsonNode lyapunov = new ObjectMapper().readTree(dir.resolve("summary.json").toFile()).get("lyapunov");
        assertThat(number(out, "largest Lyapunov exponent")).isCloseTo(lyapunov.get("estimate").asDouble(),
                org.assertj.core.data.Percentage.withPercentage(1e-3));
    }

    @ParameterizedTest
    @ValueSource(strings = {"exercise=3&n=120&tmax=200&train=100", "exercise=3&n=100&tmax=100&train=50&mode=continuous&target=square",
            "exercise=3&n=100&p=0.1&tmax=100&train=50&mode=continuous&target=four-sines"})
    void forceIsRecomputedExactlyAndItsTestErrorPrinted(String link) throws Exception {
        String out = execute(link);
        // The same arithmetic in another order (CrossCheckTest: 4e-14).
        assertThat(number(out, "max difference from the file's z")).isLessThan(1e-9);
        assertThat(number(out, "max difference from the file's w")).isLessThan(1e-9);
        JsonNode results = new ObjectMapper().readTree(dir.resolve("config.json").toFile()).get("results");
        assertThat(number(out, "recomputed test RMSE")).isCloseTo(results.get("test_rmse").asDouble(),
                org.assertj.core.data.Percentage.withPercentage(1e-3));
        // The page's numbers, read from config.json, printed to six significant digits.
        Matcher printed = Pattern.compile("\\ntest RMSE ([-0-9.e+]+), test MAE ([-0-9.e+]+)").matcher(out);
        assertThat(printed.find()).as(out).isTrue();
        assertThat(Double.parseDouble(printed.group(1))).isCloseTo(results.get("test_rmse").asDouble(),
                org.assertj.core.data.Percentage.withPercentage(1e-3));
        assertThat(Double.parseDouble(printed.group(2))).isCloseTo(results.get("test_mae").asDouble(),
                org.assertj.core.data.Percentage.withPercentage(1e-3));
    }
}
