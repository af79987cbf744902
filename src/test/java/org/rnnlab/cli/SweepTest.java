package org.rnnlab.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.rnnlab.core.Network;
import org.rnnlab.core.Spectrum;

class SweepTest {
    /** Over t in [10, 100] at g < 1 the twin follows the leading eigenvector's decay up to O(1)/T (see LyapunovTest). */
    static final double LINEAR_REGIME_TOLERANCE = 0.03;

    @TempDir
    Path dir;

    final ByteArrayOutputStream out = new ByteArrayOutputStream();
    final ByteArrayOutputStream err = new ByteArrayOutputStream();

    int sweep(String... args) {
        String[] all = new String[args.length + 1];
        all[0] = "sweep";
        System.arraycopy(args, 0, all, 1, args.length);
        return Sweep.run(all, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void aTwoKeyTwoSeedSweepOfExerciseOneWritesOneRowPerCellInTheDocumentedOrder() throws Exception {
        int code = sweep("v=1&exercise=1&n=120&tmax=100", "--vary", "g=0.5:0.8:2", "--vary", "x0seed=10:11:2", "--seeds", "2",
                "--out", dir.toString());
        assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isZero();
        List<String> csv = Files.readAllLines(dir.resolve("sweep.csv"));
        assertThat(csv.get(0)).isEqualTo("g,x0seed,seed,lyapunov,lyapunov_stderr");
        // First axis slowest, seed fastest; the seeds are the link's seed and the next.
        assertThat(csv.subList(1, csv.size())).extracting(line -> String.join(",", Arrays.asList(line.split(",")).subList(0, 3)))
                .containsExactly("0.5,10,1", "0.5,10,2", "0.5,11,1", "0.5,11,2", "0.8,10,1", "0.8,10,2", "0.8,11,1", "0.8,11,2");
        double[] exact = new double[3];
        for (int seed = 1; seed <= 2; seed++) exact[seed] = Arrays.stream(Spectrum.eigenvalues(Network.create(120, seed), 1)[0]).max().orElseThrow();
        for (String line : csv.subList(1, csv.size())) {
            String[] v = line.split(",");
            double g = Double.parseDouble(v[0]);
            double lyapunov = Double.parseDouble(v[3]);
            assertThat(lyapunov).as(line).isNegative();
            assertThat(Double.parseDouble(v[4])).as(line).isPositive();
            // Below g = 1 every start decays as the fixed point's leading eigenvalue says, whatever x0.
            assertThat(lyapunov).as(line).isCloseTo(g * exact[Integer.parseInt(v[2])] - 1, within(LINEAR_REGIME_TOLERANCE));
        }
        JsonNode config = new ObjectMapper().readTree(dir.resolve("config.json").toFile());
        assertThat(config.get("link").asText()).isEqualTo("v=1&exercise=1&n=120&g=1.5&seed=1&tmax=100&plot=10&points=500&solver=adams");
        assertThat(config.get("vary").get(1).get("key").asText()).isEqualTo("x0seed");
        assertThat(config.get("seeds")).hasSize(2);
        assertThat(config.get("rows").asInt()).isEqualTo(8);
        assertThat(config.get("computeSeconds").asDouble()).isPositive();
    }

    @Test
    void anExerciseThreeSweepOverSeedsGivesTheErrorsOfEachRun() throws Exception {
        String link = "v=1&exercise=3&n=40&tmax=60&train=30";
        List<String> csv = sweepCsv(link, "seed=1:3:3");
        assertThat(csv.get(0)).isEqualTo("seed,test_rmse,test_mae,train_mae");
        assertThat(csv).hasSize(4);
        assertThat(csv.get(2)).startsWith("2,");
        // The same numbers as the run of that link on its own.
        JsonNode force = forceOfItsOwnRun(link + "&seed=2");
        String[] row = csv.get(2).split(",");
        assertThat(Double.parseDouble(row[1])).isEqualTo(force.get("testRmse").asDouble());
        assertThat(Double.parseDouble(row[2])).isEqualTo(force.get("testMae").asDouble());
        assertThat(Double.parseDouble(row[3])).isEqualTo(force.get("trainMae").asDouble());
    }

    @Test
    void aSweepOverTheConnectionProbabilityRunsEachOnItsOwnNetwork() throws Exception {
        String link = "v=1&exercise=3&n=40&tmax=60&train=30&seed=2";
        List<String> csv = sweepCsv(link, "p=0.5:1:2");
        assertThat(csv.get(0)).isEqualTo("p,seed,test_rmse,test_mae,train_mae");
        assertThat(csv).hasSize(3);
        // p = 1 is the dense network of every link before p: the same numbers as that link run on its own.
        JsonNode force = forceOfItsOwnRun(link);
        assertThat(csv.get(2)).startsWith("1,2,");
        assertThat(Double.parseDouble(csv.get(2).split(",")[2])).isEqualTo(force.get("testRmse").asDouble());
        // p = 0.5 is another network: another error.
        assertThat(Double.parseDouble(csv.get(1).split(",")[2])).isNotEqualTo(force.get("testRmse").asDouble());
    }

    /** The lines of {@code sweep.csv} of {@code link} swept over one axis. */
    List<String> sweepCsv(String link, String vary) throws Exception {
        assertThat(sweep(link, "--vary", vary, "--out", dir.toString())).isZero();
        return Files.readAllLines(dir.resolve("sweep.csv"));
    }

    /** {@code summary.json}'s FORCE errors of {@code link} run on its own by the headless runner. */
    JsonNode forceOfItsOwnRun(String link) throws Exception {
        Path single = dir.resolve("single");
        int code = HeadlessRunner.run(new String[] {"run", link, "--out", single.toString()},
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(code).isZero();
        return new ObjectMapper().readTree(single.resolve("summary.json").toFile()).get("force");
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', value = {
        "exercise=1 | --vary colour=1:2:2 | --vary colour: is not a key of exercise 1",
        "exercise=1 | --vary solver=1:2:2 | --vary solver: is not numeric",
        "exercise=1 | --vary g=0.5:12:3 | --vary g: TO must be a number from 0 to 10 (got '12')",
        "exercise=1 | --vary g=abc:2:3 | --vary g: FROM must be a number (got 'abc')",
        "exercise=1 | --vary g=1:2:0 | --vary g: COUNT must be a positive whole number (got '0')",
        "exercise=1 | --vary g=1:2:2.5 | --vary g: COUNT must be a positive whole number (got '2.5')",
        "exercise=1 | --vary g=0:2:3:log | --vary g: a log axis needs FROM > 0",
        "exercise=1 | --vary g=1:2:3:lin | --vary g: the fourth part may only be 'log'",
        "exercise=1 | --vary g=1:2 | --vary g: expected FROM:TO:COUNT",
        "exercise=1 | --vary n=1:3:5 | --vary n: 5 values from 1 to 3 repeat 2 (this key takes whole numbers)",
        "exercise=1 | --vary g=0:10:101 --vary tmax=1:100:100 | --vary (grid): 101 x 100 values x 1 seeds = 10100 rows, more than the 10000 allowed",
        "exercise=1 | --vary g=1:2:2 --seeds 0 | --seeds: must be a whole number from 1 to 1000 (got '0')",
        "exercise=3 | --vary seed=1:5:5 --seeds 2 | --seeds: cannot be combined with varying seed",
        "exercise=3 | --vary train=100:1000:2 | --vary train: must be at most tmax = 800 (at train = 1000)",
        "exercise=1 | --vary g=1:2:2 --vary g=1:3:2 | --vary g: is varied twice",
        "exercise=1&n=0 | --vary g=1:2:2 | link: n: must be a whole number",
    })
    void aBadArgumentIsNamedWithExitCodeTwo(String link, String options, String message) {
        List<String> args = new java.util.ArrayList<>(List.of(link));
        args.addAll(Arrays.asList(options.split(" ")));
        args.addAll(List.of("--out", dir.toString()));
        assertThat(sweep(args.toArray(String[]::new))).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("error: " + message);
        assertThat(dir.resolve("sweep.csv")).doesNotExist();
    }

    @Test
    void missingArgumentsPrintUsage() {
        assertThat(sweep("exercise=1", "--vary", "g=1:2:2")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("usage:", "--out DIR");
    }
}
