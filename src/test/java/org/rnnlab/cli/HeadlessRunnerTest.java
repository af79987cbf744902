package org.rnnlab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rnnlab.core.BatchRun;
import org.rnnlab.core.Drive;
import org.rnnlab.core.Network;
import org.rnnlab.core.RunControl;
import org.rnnlab.core.Spectrum;
import org.rnnlab.core.TraceLog;

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
        for (String f : List.of("config.json", "summary.json", "traces.csv", "J.npy", "x0.npy", "u.npy", "x.npy", "t.npy", "w0.npy", "w.npy")) {
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

    /** Over t in [10, 150] the twin at g = 0.5 follows the leading eigenvector's decay up to O(1)/T (see LyapunovTest). */
    static final double LINEAR_REGIME_TOLERANCE = 0.02;

    @Test
    void anExerciseOneSummaryGivesTheLyapunovExponentThatTheSpectrumPredictsBelowOne() throws Exception {
        int code = run("run", "v=1&exercise=1&n=100&g=0.5&seed=2&tmax=150&points=151", "--out", dir.toString());
        assertThat(code).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("largest Lyapunov exponent -0.");
        JsonNode json = new ObjectMapper().readTree(dir.resolve("summary.json").toFile());
        assertThat(json.get("link").asText()).isEqualTo("v=1&exercise=1&n=100&g=0.5&seed=2&tmax=150&plot=10&points=151&solver=adams");
        assertThat(json.get("config").get("g").asText()).isEqualTo("0.5");
        assertThat(json.get("computeSeconds").asDouble()).isPositive();
        JsonNode lyapunov = json.get("lyapunov");
        double[][] eigenvalues = Spectrum.eigenvalues(Network.create(100, 2), 1);
        double exact = 0.5 * Arrays.stream(eigenvalues[0]).max().orElseThrow() - 1;
        assertThat(lyapunov.get("estimate").asDouble()).isCloseTo(exact, within(LINEAR_REGIME_TOLERANCE));
        assertThat(lyapunov.get("stderr").asDouble()).isPositive().isLessThan(0.05);
        assertThat(lyapunov.get("from").asDouble()).isEqualTo(15);
        assertThat(lyapunov.get("to").asDouble()).isEqualTo(150);
        assertThat(lyapunov.get("eps").asDouble()).isEqualTo(1e-8);
        assertThat(lyapunov.get("method").asText()).contains("twin trajectory (Benettin)", "Dormand-Prince 5(4)");
        // The log distance: one value per unit of time, falling at the exponent's rate.
        assertThat(lyapunov.get("times")).hasSize(150);
        JsonNode d = lyapunov.get("logDistance");
        assertThat(d).hasSize(150);
        assertThat((d.get(149).asDouble() - d.get(14).asDouble()) / 135).isCloseTo(lyapunov.get("estimate").asDouble(), within(1e-9));
        assertThat(json.has("force")).isFalse();
    }

    @Test
    void anExerciseThreeSummaryGivesTrainingAndTestErrors() throws Exception {
        assertThat(run("run", "v=1&exercise=3&n=60&seed=3&tmax=100&train=50&plot=4", "--out", dir.toString())).isZero();
        JsonNode json = new ObjectMapper().readTree(dir.resolve("summary.json").toFile());
        JsonNode force = json.get("force");
        JsonNode config = new ObjectMapper().readTree(dir.resolve("config.json").toFile());
        // The test error is the run's own (config.json), over t > train; training over t <= train.
        assertThat(force.get("testRmse").asDouble()).isEqualTo(config.get("results").get("test_rmse").asDouble());
        assertThat(force.get("testMae").asDouble()).isEqualTo(config.get("results").get("test_mae").asDouble());
        assertThat(force.get("trainSamples").asInt()).isEqualTo(51);
        assertThat(force.get("testSamples").asInt()).isEqualTo(50);
        // Recomputed from traces.csv: mean |z - f| over t <= 50.
        List<String> csv = Files.readAllLines(dir.resolve("traces.csv"));
        double sum = 0;
        for (String line : csv.subList(1, 52)) {
            String[] v = line.split(",");
            sum += Math.abs(Double.parseDouble(v[5]) - Double.parseDouble(v[6]));
        }
        assertThat(force.get("trainMae").asDouble()).isCloseTo(sum / 51, within(1e-12));
        assertThat(json.has("lyapunov")).isFalse();
    }

    @Test
    void aSparseForceSummaryGivesTheLoopsRightmostEigenvaluesBeforeAndAfterLearning() throws Exception {
        assertThat(run("run", "v=1&exercise=3&n=60&p=0.5&seed=3&tmax=100&train=50&plot=4", "--out", dir.toString())).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("rightmost eigenvalue of g J + u w^T: ");
        // J.npy is the sparse J: about half the couplings present, with variance 1/(p n).
        double[] j = npy(dir.resolve("J.npy"));
        double[] present = Arrays.stream(j).filter(v -> v != 0).toArray();
        assertThat(present.length / 3600.0).isCloseTo(0.5, within(0.05));
        assertThat(Arrays.stream(present).map(v -> v * v).average().orElseThrow() * 0.5 * 60).isCloseTo(1, within(0.1));
        JsonNode loop = new ObjectMapper().readTree(dir.resolve("summary.json").toFile()).get("force").get("loopEigenvalues");
        assertThat(loop.get("matrix").asText()).isEqualTo("g J + u w^T");
        // Recomputed from the network and the readouts written beside it: w0 before learning, w after.
        Network network = Network.create(60, 3, 0.5);
        assertThat(npy(dir.resolve("w0.npy"))).containsExactly(network.initialReadout());
        double[][] before = Spectrum.largestByRealPart(Spectrum.eigenvaluesOfLoop(network, 1.5, network.initialReadout()), 6);
        double[][] after = Spectrum.largestByRealPart(Spectrum.eigenvaluesOfLoop(network, 1.5, npy(dir.resolve("w.npy"))), 6);
        for (int i = 0; i < 6; i++) {
            assertThat(loop.get("before").get(i).get("re").asDouble()).isEqualTo(before[0][i]);
            assertThat(loop.get("before").get(i).get("im").asDouble()).isEqualTo(before[1][i]);
            assertThat(loop.get("after").get(i).get("re").asDouble()).isEqualTo(after[0][i]);
            assertThat(loop.get("after").get(i).get("im").asDouble()).isEqualTo(after[1][i]);
            if (i > 0) assertThat(after[0][i]).isLessThanOrEqualTo(after[0][i - 1]);
        }
        // Pinned: a change of generator, sampling or learning rule moves them.
        assertThat(before[0][0]).isCloseTo(PINNED_BEFORE, within(1e-9));
        assertThat(after[0][0]).isCloseTo(PINNED_AFTER, within(1e-9));
    }

    static final double PINNED_BEFORE = 1.2983770001797552;
    static final double PINNED_AFTER = 1.5052086106067495;

    @Test
    void aLinkWithoutAnInitialStateSeedWritesTheStatesOfTheNetworksOwnStart() throws Exception {
        Path plain = dir.resolve("plain"), same = dir.resolve("same"), other = dir.resolve("other");
        String link = "v=1&exercise=2&n=40&seed=6&tmax=10&points=21";
        assertThat(run("run", link, "--out", plain.toString())).isZero();
        assertThat(run("run", link + "&x0seed=6", "--out", same.toString())).isZero();
        assertThat(run("run", link + "&x0seed=8", "--out", other.toString())).isZero();
        // What the run computed before x0seed existed: the default solver from the network's own x0.
        Network network = Network.create(40, 6);
        TraceLog log = new TraceLog(new int[0], true);
        BatchRun.adams(network, List.of(BatchRun.Trajectory.of(network, 1.5, new Drive(2, 2))), 10, 21).runToEnd(log, new RunControl());
        double[] before = log.states();
        assertThat(npy(plain.resolve("x.npy"))).containsExactly(before);
        assertThat(Files.readAllBytes(same.resolve("x.npy"))).isEqualTo(Files.readAllBytes(plain.resolve("x.npy")));
        assertThat(npy(plain.resolve("x0.npy"))).containsExactly(network.initialState());
        assertThat(npy(other.resolve("x0.npy"))).containsExactly(Network.initialState(40, 8));
        assertThat(Files.readAllBytes(other.resolve("J.npy"))).isEqualTo(Files.readAllBytes(plain.resolve("J.npy")));
        assertThat(npy(other.resolve("x.npy"))).isNotEqualTo(before);
    }

    /** The doubles of a .npy file as NpyWriter writes it (128-byte header, little-endian float64). */
    static double[] npy(Path file) throws Exception {
        ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN);
        b.position(128);
        double[] v = new double[b.remaining() / 8];
        b.asDoubleBuffer().get(v);
        return v;
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
