package org.rnnlab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HeadlessRunnerTest {
    @TempDir
    Path dir;

    final ByteArrayOutputStream out = new ByteArrayOutputStream();
    final ByteArrayOutputStream err = new ByteArrayOutputStream();

    int run(String... args) {
        return HeadlessRunner.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void aForceLinkWritesEveryFileAndPrintsItsComputeTime() throws Exception {
        int code = run("run", "v=1&exercise=3&n=60&seed=3&tmax=100&train=50&plot=4", "--out", dir.toString());
        assertThat(code).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).containsPattern("in \\d+\\.\\d{3} s of compute");
        for (String f : List.of("config.json", "traces.csv", "J.npy", "x0.npy", "u.npy", "x.npy", "t.npy", "w0.npy", "w.npy")) {
            assertThat(dir.resolve(f)).as(f).exists();
        }
        List<String> csv = Files.readAllLines(dir.resolve("traces.csv"));
        assertThat(csv.get(0)).matches("t(,x\\[\\d+]){4},z,f,dw");
        assertThat(csv).hasSize(1 + 101);
        assertThat(csv.get(1)).startsWith("0.0,");
        // x.npy holds the full state: 101 samples x 60 neurons after a 128-byte header.
        assertThat(Files.size(dir.resolve("x.npy"))).isEqualTo(128 + 101 * 60 * 8);
        JsonNode json = new ObjectMapper().readTree(dir.resolve("config.json").toFile());
        assertThat(json.get("link").asText()).startsWith("v=1&exercise=3&n=60&g=1.5&seed=3&tmax=100");
        assertThat(json.get("results").get("test_rmse").asDouble()).isPositive();
    }

    @Test
    void aBadLinkIsRefusedNamingTheKey() {
        int code = run("run", "exercise=1&n=-5&gain=2", "--out", dir.toString());
        assertThat(code).isEqualTo(2);
        String message = err.toString(StandardCharsets.UTF_8);
        assertThat(message).contains("n: must be a whole number from 1 to 2000 (got '-5')");
        assertThat(message).contains("gain: is not a key of exercise 1");
        assertThat(dir.resolve("config.json")).doesNotExist();
    }

    @Test
    void missingArgumentsPrintUsage() {
        assertThat(run("run")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("usage:");
    }
}
