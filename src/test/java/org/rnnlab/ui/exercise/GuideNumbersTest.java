package org.rnnlab.ui.exercise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.rnnlab.core.LyapunovEstimate.Verdict.CHAOTIC;
import static org.rnnlab.core.LyapunovEstimate.Verdict.CONVERGING;
import static org.rnnlab.core.LyapunovEstimate.Verdict.UNDECIDED;

import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.rnnlab.core.AdaptiveIntegrator;
import org.rnnlab.core.BatchRun;
import org.rnnlab.core.LyapunovEstimate;
import org.rnnlab.core.Drive;
import org.rnnlab.core.ForceMode;
import org.rnnlab.core.ForceRun;
import org.rnnlab.core.FreeRun;
import org.rnnlab.core.Network;
import org.rnnlab.core.RunControl;
import org.rnnlab.core.RungeKutta4;
import org.rnnlab.core.SampleSink;
import org.rnnlab.core.Spectrum;
import org.rnnlab.core.Target;
import org.rnnlab.experiment.ExperimentConfig;
import org.rnnlab.experiment.Sweep;
import org.rnnlab.experiment.SweepMeans;
import org.rnnlab.ui.run.Readings;

/**
 * Every number the guided pages state, computed here at that step's settings (n = 1000 and the seeds the text
 * names): if the text and the model part ways, this fails. Each test quotes the sentence it checks. The tests
 * are independent single-threaded computations: they run side by side, one per processor (a run's numbers do not
 * depend on what else computes, see SameBitsEverywhereTest).
 */
@Execution(ExecutionMode.CONCURRENT)
class GuideNumbersTest {
    static final int N = 1000;

    static String text(List<GuideStep> steps) {
        StringBuilder all = new StringBuilder();
        for (GuideStep s : steps) {
            all.append(String.join(" ", s.paragraphs())).append(' ').append(s.answer()).append(' ').append(s.details()).append(' ');
        }
        return all.toString();
    }

    /** An estimate as every page states it (the pages' own formatter): the text must carry the precision its error supports. */
    static String stated(double estimate, double standardError) {
        return org.rnnlab.ui.run.Readings.stated(estimate, standardError);
    }

    @Test
    void anEstimateIsStatedToThePrecisionOfItsError() {
        assertThat(stated(0.21555, 0.0066)).isEqualTo("0.216 ± 0.007");
        assertThat(stated(-0.00231, 0.0146)).isEqualTo("−0.002 ± 0.015");
        assertThat(stated(0.0181, 0.0076)).isEqualTo("0.018 ± 0.008");
        assertThat(stated(-0.51597, 0.00348)).isEqualTo("−0.516 ± 0.003");
        assertThat(stated(0.26, 0.04)).isEqualTo("0.26 ± 0.04");
        assertThat(stated(-0.26131, 0.00157)).isEqualTo("−0.2613 ± 0.0016");
        assertThat(org.rnnlab.ui.run.Readings.statedSigned(0.0181, 0.0076)).isEqualTo("+0.018 ± 0.008");
        assertThat(stated(1.234, 0)).isEqualTo("1.234 ± 0.000");
    }

    static double rightmost(long seed) {
        return Spectrum.summarize(Spectrum.eigenvalues(Network.create(N, seed), 1.0)).rightmostReal();
    }

    /** The guides' number {@code name} (guides/numbers.properties) is {@code computed}, as the text writes it. */
    static void named(String name, String computed) {
        assertThat(GuideText.number(name)).as(name).isEqualTo(computed);
    }

    /** {@code x} to {@code digits} decimals, with the pages' minus sign. */
    static String fixed(double x, int digits) {
        return String.format(java.util.Locale.ROOT, "%." + digits + "f", x).replace('-', '−');
    }

    /** A size to one significant digit, as the text writes it: 3e-8. */
    static String magnitude(double x) {
        return String.format(java.util.Locale.ROOT, "%.0e", x).replace("e-0", "e-");
    }

    @Test
    void chaosRightmostEigenvaluesOfTheNetworksTheTextNames() {
        // "This one (seed 1) has Re μ₁ = 0.986 ...: it decays, at the rate 0.014 in the end"; "then seed 5 (Re μ₁ = 1.011)";
        // "for N = 1000 and seeds 1 to 6 it lies between 0.974 and 1.011"; "(1 of seeds 1 to 6: seed 5)".
        String text = text(ChaosView.steps());
        assertThat(text).contains("Re μ₁ = 0.986", "rate 0.014", "seed 5 (Re μ₁ = 1.011)", "between 0.974 and 1.011",
                "1 of seeds 1 to 6: seed 5");
        double[] edge = LongStream.rangeClosed(1, 6).mapToDouble(GuideNumbersTest::rightmost).toArray();
        assertThat(edge[0]).isCloseTo(0.986, within(5e-4));
        assertThat(1 - edge[0]).isCloseTo(0.014, within(5e-4));
        assertThat(edge[4]).isCloseTo(1.011, within(5e-4));
        assertThat(java.util.Arrays.stream(edge).min().orElseThrow()).isCloseTo(0.974, within(5e-4));
        assertThat(java.util.Arrays.stream(edge).max().orElseThrow()).isCloseTo(1.011, within(5e-4));
        assertThat(LongStream.rangeClosed(1, 6).filter(s -> edge[(int) s - 1] > 1).boxed().toList()).containsExactly(5L);
        named("chaos.rightmost.seed1", fixed(edge[0], 3));
        named("chaos.edge.rate.seed1", fixed(1 - edge[0], 3));
        named("chaos.rightmost.seed5", fixed(edge[4], 3));
        named("chaos.rightmost.lowest", fixed(java.util.Arrays.stream(edge).min().orElseThrow(), 3));
    }

    @Test
    void chaosRk4AndTheDefaultSolverAgreeOverFiftyTimeUnits() throws Exception {
        // "Over t ≤ 50 the RK4 solver and the default solver agree to 3e-8 at g = 1.5 (5e-9 at g = 0.5)."
        assertThat(text(ChaosView.steps())).contains("agree to 3e-8 at g = 1.5 (5e-9 at g = 0.5)");
        Network network = Network.create(N, 1);
        for (double g : new double[] {0.5, 1.5}) {
            double[][] adams = states(new FreeRun(network, g, Drive.NONE, AdaptiveIntegrator.adamsMoulton(), 50, 501));
            double[][] rk4 = states(new FreeRun(network, g, Drive.NONE, new RungeKutta4(ExperimentConfig.RK4_STEP), 50, 501));
            double worst = 0;
            for (int k = 0; k < adams.length; k++) {
                for (int i = 0; i < N; i++) worst = Math.max(worst, Math.abs(adams[k][i] - rk4[k][i]));
            }
            // Measured 2.85e-8 and 5.49e-9: the text rounds them.
            assertThat(worst).as("g = %s", g).isCloseTo(g == 0.5 ? 5e-9 : 3e-8, org.assertj.core.data.Percentage.withPercentage(20));
            if (g == 0.5) named("chaos.solvers.g05", magnitude(worst));
            else named("chaos.solvers.g15", magnitude(worst));
        }
    }

    static double[][] states(FreeRun run) throws InterruptedException {
        List<double[]> out = new java.util.ArrayList<>();
        run.runToEnd(sample -> out.add(sample.state().clone()), new RunControl());
        return out.toArray(double[][]::new);
    }

    static double binomial(int n, int k) {
        double c = 1;
        for (int i = 1; i <= k; i++) c = c * (n - k + i) / i;
        return c;
    }

    /** Two-sided sign test: the chance of a split at least as uneven as {@code k} of {@code n} under p = 1/2. */
    static double signTestTwoSided(int k, int n) {
        int extreme = Math.max(k, n - k);
        double tail = 0;
        for (int j = extreme; j <= n; j++) tail += binomial(n, j) / Math.pow(2, n);
        return Math.min(1, 2 * tail);
    }

    /** Fisher's exact test of a/n against b/m (two-sided: every table no more likely than the observed one). */
    static double fisherExactTwoSided(int a, int n, int b, int m) {
        int successes = a + b;
        double total = binomial(n + m, successes);
        double observed = binomial(n, a) * binomial(m, b) / total;
        double p = 0;
        for (int x = Math.max(0, successes - m); x <= Math.min(n, successes); x++) {
            double q = binomial(n, x) * binomial(m, successes - x) / total;
            if (q <= observed * (1 + 1e-9)) p += q;
        }
        return p;
    }

    @Test
    void theTestsThePagesQuoteGiveTextbookValues() {
        // 10 tosses: P(at least 8 heads or at most 2) = 2 * 56 / 1024; the tea-tasting table 3/4 against 1/4: p = 0.486.
        assertThat(signTestTwoSided(8, 10)).isCloseTo(112.0 / 1024, within(1e-12));
        assertThat(fisherExactTwoSided(3, 4, 1, 4)).isCloseTo(0.4857, within(1e-4));
    }

    static double testRmse(long seed, ForceMode mode, double train) throws InterruptedException {
        ForceRun run = new ForceRun(Network.create(N, seed), 1.5, mode, 1, Target.COSINE, train, 800);
        run.runToEnd(SampleSink.NONE, new RunControl());
        return run.testError().rmse();
    }

    @Test
    void forceHowManyOfTenSeedsKeepTheRhythm() throws Exception {
        // "only 1 network of 10 kept the rhythm once learning stopped (test RMSE below 0.1 ...)"; "With learning until
        // t = 300, as in step 1, 8 of the 10 kept it: seed 1 ... is one of the 2 that did not (RMSE 0.15)";
        // "continuous mode kept the rhythm for 8 networks ..., as many as notebook mode, and had the smaller error for
        // 5 of the 10"; "(RMSE about 0.03 against 0.15)".
        String text = text(ForceView.steps());
        assertThat(text).contains("only 1 network of 10", "8 of the 10 kept it", "one of the 2 that did not", "(RMSE 0.15)",
                "for 8 networks", "as many as notebook mode", "smaller error for 5 of the 10", "RMSE about 0.03 against 0.15",
                "(sign test, p = 1)");
        // The p-value the text states: two-sided sign test of 5 of 10.
        assertThat(signTestTwoSided(5, 10)).isCloseTo(1.0, within(0.005));
        // "1 against 8 of 10 is unlikely by chance (Fisher's exact test, p = 0.005)": learning until t = 100 against 300.
        assertThat(text).contains("1 against 8 of 10 is unlikely by chance (Fisher's exact test, p = 0.005)");
        assertThat(fisherExactTwoSided(1, 10, 8, 10)).isCloseTo(0.005, within(0.0005));
        double[] short100 = new double[10];
        double[] notebook = new double[10];
        double[] continuous = new double[10];
        for (int s = 0; s < 10; s++) {
            short100[s] = testRmse(s + 1, ForceMode.NOTEBOOK, 100);
            notebook[s] = testRmse(s + 1, ForceMode.NOTEBOOK, 300);
            continuous[s] = testRmse(s + 1, ForceMode.CONTINUOUS, 300);
        }
        assertThat(java.util.Arrays.stream(short100).filter(e -> e < 0.1).count()).isEqualTo(1);
        assertThat(java.util.Arrays.stream(notebook).filter(e -> e < 0.1).count()).isEqualTo(8);
        assertThat(notebook[0]).isCloseTo(0.15, within(0.005));
        assertThat(java.util.Arrays.stream(continuous).filter(e -> e < 0.1).count()).isEqualTo(8);
        assertThat(java.util.stream.IntStream.range(0, 10).filter(s -> continuous[s] < notebook[s]).count()).isEqualTo(5);
        assertThat(continuous[0]).isCloseTo(0.03, within(0.01));
        // The seeds step (7), step 1's settings: "8 of the 10 networks kept the rhythm; seeds 1 and 8 did not (test
        // RMSE 0.15 and 0.64)".
        assertThat(text).contains("with step 1's, 8 of the 10 networks kept the rhythm; seeds 1 and 8 did not (test RMSE 0.15 "
                + "and 0.64)");
        assertThat(java.util.stream.IntStream.range(0, 10).filter(s -> notebook[s] >= 0.1).map(s -> s + 1).boxed().toList())
                .containsExactly(1, 8);
        assertThat(notebook[0]).isCloseTo(0.15, within(0.005));
        assertThat(notebook[7]).isCloseTo(0.64, within(0.005));
        named("force.notebook.rmse.seed1", fixed(notebook[0], 2));
        named("force.notebook.rmse.seed8", fixed(notebook[7], 2));
        named("force.continuous.rmse.seed1", fixed(continuous[0], 2));
        assertThat(ForceView.NOTEBOOK).isEqualTo(Presets.of(3, ""));
    }

    @Test
    void forceThePapersNetworkOverTenSeeds() throws Exception {
        // Step 6: "the training MAE is 0.0038 and the test MAE 0.0049 (test RMSE 0.0068)"; "over seeds 1 to 10 at these
        // settings, 9 of 10 kept the rhythm (test RMSE below 0.1); seed 6 drifted to another pattern (test MAE 0.38)".
        // Step 7: "The paper's network kept it 9 of 10 times: all but seed 6 (test RMSE 0.60). 9 against 8 of 10 is within
        // chance (Fisher's exact test, p = 1)"; "(28800 steps a network)".
        String text = text(ForceView.steps());
        assertThat(text).contains("the training MAE is 0.0038 and the test MAE 0.0049 (test RMSE 0.0068)",
                "over seeds 1 to 10 at these settings, 9 of 10 kept the rhythm (test RMSE below 0.1); seed 6 drifted to another "
                        + "pattern (test MAE 0.38)",
                "The paper's network kept it 9 of 10 times: all but seed 6 (test RMSE 0.60)",
                "9 against 8 of 10 is within chance (Fisher's exact test, p = 1)", "(28800 steps a network)",
                "N = 1000", "p = 0.1", "g = 1.5", "α = 1", "dt = 0.1", "every second step", "1440 time units");
        ExperimentConfig paper = ForceView.PAPER;
        assertThat(List.<Object>of(paper.n(), paper.p(), paper.g(), paper.alpha(), paper.mode(), paper.target(), paper.train(),
                paper.tmax())).containsExactly(1000, 0.1, 1.5, 1.0, ForceMode.CONTINUOUS, Target.FOUR_SINES, 1440.0, 2880.0);
        assertThat(Math.round(paper.tmax() / paper.mode().dt())).isEqualTo(28800);
        assertThat(paper.mode().stepsPerUpdate()).isEqualTo(2);
        // The rows "Try 10 seeds" shows: the same sweep it submits (seeds 1 to 10 of the preset), on fresh networks.
        org.rnnlab.experiment.Sweep sweep = org.rnnlab.experiment.Sweep.check(paper, List.of("seed=1:10:10"), null,
                org.rnnlab.experiment.Limits.DEFAULT, 10).sweep();
        List<org.rnnlab.experiment.Sweep.Row> rows = sweep.compute(Network::create, new RunControl(), row -> {});
        assertThat(rows.get(0).trainMae()).isCloseTo(0.0038, within(5e-5));
        assertThat(rows.get(0).testMae()).isCloseTo(0.0049, within(5e-5));
        assertThat(rows.get(0).testRmse()).isCloseTo(0.0068, within(5e-5));
        assertThat(rows.stream().filter(r -> r.testRmse() >= 0.1).map(r -> r.cell().seed()).toList()).containsExactly(6L);
        // 9 kept it here against step 1's 8 (forceHowManyOfTenSeedsKeepTheRhythm): Fisher's exact test, two-sided.
        assertThat(fisherExactTwoSided(9, 10, 8, 10)).isCloseTo(1.0, within(0.005));
        assertThat(rows.get(5).testMae()).isCloseTo(0.38, within(0.005));
        assertThat(rows.get(5).testRmse()).isCloseTo(0.60, within(0.005));
        named("force.paper.train_mae.seed1", fixed(rows.get(0).trainMae(), 4));
        named("force.paper.test_mae.seed1", fixed(rows.get(0).testMae(), 4));
        named("force.paper.test_rmse.seed1", fixed(rows.get(0).testRmse(), 4));
        named("force.paper.test_mae.seed6", fixed(rows.get(5).testMae(), 2));
        named("force.paper.test_rmse.seed6", fixed(rows.get(5).testRmse(), 2));
    }

    @Test
    void drivenTheGridPanelsExponentsTheAnswerQuotes() throws Exception {
        // The 3 x 3 grid's answer quotes the number under each panel: the nine runs' exponents as the page measures them
        // (one twin batch of the nine presets, t = 5 to 50), with the pages' verdict rule (two standard errors).
        GuideStep step = step(DrivenView.steps(), "The 3 × 3 grid");
        String text = text(List.of(step));
        List<ExperimentConfig> grid = step.runs();
        List<LyapunovEstimate> l = org.rnnlab.experiment.LyapunovMeasurement.measure(grid, Network.create(N, 1), new RunControl());
        assertThat(org.rnnlab.experiment.LyapunovMeasurement.from(l.get(0))).isEqualTo(5);
        assertThat(org.rnnlab.experiment.LyapunovMeasurement.to(l.get(0))).isEqualTo(50);
        // Cells in order ω = 1, 2, 4 (slowest), A = 0.5, 2, 5.
        assertThat(text).contains("measured by a twin from t = 5 to 50",
                "A = 5 suppresses it at ω = 1 (λ = " + stated(l.get(2).exponent(), l.get(2).standardError()) + ")",
                "ω = 2 (" + stated(l.get(5).exponent(), l.get(5).standardError()) + ")",
                "at ω = 4 λ = " + Readings.statedSigned(l.get(8).exponent(), l.get(8).standardError()) + " is too close to call",
                "chaotic at ω = 4 (" + Readings.statedSigned(l.get(7).exponent(), l.get(7).standardError()) + ")",
                "chaotic at ω = 1 (" + Readings.statedSigned(l.get(0).exponent(), l.get(0).standardError()) + ") and ω = 2 ("
                        + Readings.statedSigned(l.get(3).exponent(), l.get(3).standardError()) + ")",
                "at ω = 4 (" + Readings.statedSigned(l.get(6).exponent(), l.get(6).standardError()) + ") it is too close to call");
        LyapunovEstimate.Verdict[] expected = {CHAOTIC, UNDECIDED, CONVERGING, CHAOTIC, UNDECIDED, CONVERGING, UNDECIDED, CHAOTIC, UNDECIDED};
        for (int k = 0; k < 9; k++) assertThat(l.get(k).verdict()).as(step.runTitles().get(k)).isEqualTo(expected[k]);
        java.util.function.IntFunction<String> at = k -> Readings.statedSigned(l.get(k).exponent(), l.get(k).standardError());
        named("driven.grid.w1.a05", at.apply(0));
        named("driven.grid.w1.a5", at.apply(2));
        named("driven.grid.w2.a05", at.apply(3));
        named("driven.grid.w2.a5", at.apply(5));
        named("driven.grid.w4.a05", at.apply(6));
        named("driven.grid.w4.a2", at.apply(7));
        named("driven.grid.w4.a5", at.apply(8));
    }

    @Test
    void chaosTheUndrivenNetworkOverThreeHundredTimeUnits() throws Exception {
        // The chaos page's "this network of 1000 measures 0.020 ± 0.006 (t = 50 to 300)". It was measured in one batch with
        // the nine driven cells of exercise 2 (a batch shares its step sizes), so it is computed in that company here.
        String chaos = text(ChaosView.steps());
        Network network = Network.create(N, 1);
        List<BatchRun.Trajectory> cells = new java.util.ArrayList<>();
        for (double omega : new double[] {1, 2, 4}) {
            for (double a : new double[] {0.5, 2, 5}) cells.add(BatchRun.Trajectory.of(network, 1.5, new Drive(a, omega)));
        }
        cells.add(BatchRun.Trajectory.of(network, 1.5, Drive.NONE));
        BatchRun run = BatchRun.withLyapunov(network, cells, 300, 301);
        run.runToEnd(SampleSink.NONE, new RunControl());
        LyapunovEstimate undriven = run.lyapunov(9, 50);
        assertThat(chaos).contains("measures " + stated(undriven.exponent(), undriven.standardError()) + " (t = 50 to 300)");
        named("chaos.lambda.n1000", stated(undriven.exponent(), undriven.standardError()));
        // Undriven, g = 1.5: chaotic by more than two standard errors.
        assertThat(undriven.exponent() - 2 * undriven.standardError()).isPositive();
        // "a difference of 3e-8 reaches the size of the activity itself after roughly t ≈ 900 (ln(1/3e-8)/0.020; 700 to
        // 1200 within λ's error)"
        assertThat(chaos).contains("roughly t ≈ 900 (ln(1/3e-8)/0.020; 700 to 1200 within λ's error)");
        assertThat(Math.log(1 / 3e-8) / undriven.exponent()).isBetween(850.0, 950.0);
        assertThat(Math.log(1 / 3e-8) / (undriven.exponent() + undriven.standardError())).isBetween(650.0, 750.0);
        assertThat(Math.log(1 / 3e-8) / (undriven.exponent() - undriven.standardError())).isBetween(1150.0, 1250.0);
    }

    @Test
    void forceTheFreeStepsWindowOfGains() throws Exception {
        // "the network kept the rhythm (test RMSE below 0.1) for 7 of 10 seeds at g = 0.8, 10 of 10 at g = 1 and at
        // g = 1.2, 3 of 10 at g = 1.5 and none at g = 1.8" (the free step: triangle, notebook mode, train 300, tmax 800).
        assertThat(text(ForceView.steps())).contains("for 7 of 10 seeds at g = 0.8, 10 of 10 at g = 1 and at g = 1.2, 3 of 10 at "
                + "g = 1.5 and none at g = 1.8");
        double[] gains = {0.8, 1, 1.2, 1.5, 1.8};
        long[] expected = {7, 10, 10, 3, 0};
        for (int i = 0; i < gains.length; i++) {
            long kept = 0;
            for (long seed = 1; seed <= 10; seed++) {
                ForceRun run = new ForceRun(Network.create(N, seed), gains[i], ForceMode.NOTEBOOK, 1, Target.TRIANGLE, 300, 800);
                run.runToEnd(SampleSink.NONE, new RunControl());
                if (run.testError().rmse() < 0.1) kept++;
            }
            assertThat(kept).as("g = %s", gains[i]).isEqualTo(expected[i]);
        }
    }

    @Test
    void chaosTwoNearbyStartsAtHalfGainConvergeAtTheRateTheAnswerStates() throws Exception {
        // "At g = 0.5 the distance shrinks: the fitted slope is about −0.53 for this network ... 1 − g Re μ₁ ≈ 0.51".
        assertThat(text(ChaosView.steps())).contains("about −0.53 for this network", "1 − g Re μ₁ ≈ 0.51");
        ExperimentConfig config = Presets.of(1, "g=0.5&tmax=100");
        double[] fit = org.rnnlab.experiment.NearbyStarts.compute(config, Network.create(N, 1), new RunControl()).slope(N);
        assertThat(fit[0]).isCloseTo(-0.53, within(0.005));
        assertThat(1 - 0.5 * rightmost(1)).isCloseTo(0.51, within(0.005));
        named("chaos.twins.slope.g05", fixed(fit[0], 2));
        named("chaos.twins.mode.g05", fixed(1 - 0.5 * rightmost(1), 2));
        // The panel's verdict, by the pages' one rule: more than two standard errors below zero.
        assertThat(fit[0] + 2 * fit[4]).isNegative();
        assertThat(NearbyStartsPanel.describe(config, fit)).contains("The two starts converge: no chaos.");
    }

    /** The sweep of a SWEEP step at its defaults, computed as the page computes it (the same cells, batches and networks). */
    static Sweep defaultSweep(GuideStep step) throws InterruptedException {
        assertThat(step.kind()).isEqualTo(GuideStep.Kind.SWEEP);
        Sweep sweep = Sweep.check(step.runs().get(0), step.sweep().varies(), Integer.toString(step.sweep().seeds()),
                org.rnnlab.experiment.Limits.DEFAULT, Sweep.MAX_ROWS).sweep();
        return sweep;
    }

    static GuideStep step(List<GuideStep> steps, String title) {
        return steps.stream().filter(s -> s.title().equals(title)).findFirst().orElseThrow();
    }

    @Test
    void chaosLambdaAgainstGAtTheStepsDefaults() throws Exception {
        // "11 gains from g = 0.5 to 3, on 3 networks (seeds 1, 2 and 3) of n = 400 neurons, each run from t = 0 to 200";
        // network 1 at g = 0.5 against its slowest mode; the means at g = 1, 1.25, 1.5, 2 and 3, each with its standard
        // error, to the precision that error supports; the theory's values at 1.5, 2 and 3.
        GuideStep step = step(ChaosView.steps(), "λ against g");
        String text = text(List.of(step));
        assertThat(text).contains("11 gains from g = 0.5 to 3", "3 networks (seeds 1, 2 and 3) of n = 400", "t = 0 to 200",
                "max Re μ(J) = 0.968", "0.5 × 0.968 − 1 = −0.516", "From g = 1.5 on λ > 0");
        Sweep sweep = defaultSweep(step);
        assertThat(sweep.axes().get(0).values()).hasSize(11).startsWith("0.5").endsWith("3");
        assertThat(sweep.seeds()).containsExactly(1L, 2L, 3L);
        assertThat(sweep.base().n()).isEqualTo(400);
        assertThat(sweep.base().tmax()).isEqualTo(200);
        List<Sweep.Row> rows = sweep.compute(Network::create, new RunControl(), r -> {});
        // lambda(g = 0.5) of network 1 against the decay rate of its slowest mode, g max Re lambda(J) - 1.
        double edge = Spectrum.summarize(Spectrum.eigenvalues(Network.create(400, 1), 1.0)).rightmostReal();
        assertThat(edge).isCloseTo(0.968, within(5e-4));
        assertThat(0.5 * edge - 1).isCloseTo(-0.516, within(5e-4));
        Sweep.Row first = rows.get(0);
        assertThat(first.cell().seed()).isEqualTo(1);
        assertThat(first.cell().config().g()).isEqualTo(0.5);
        assertThat(text).contains("network 1 measures λ = " + stated(first.lyapunov(), first.lyapunovStderr()));
        assertThat(first.lyapunov()).isCloseTo(0.5 * edge - 1, within(2 * first.lyapunovStderr()));
        List<SweepMeans.Point> points = SweepMeans.of(sweep, rows);
        java.util.function.Function<String, SweepMeans.Point> at = g -> points.stream().filter(p -> p.values().get(0).equals(g))
                .findFirst().orElseThrow();
        java.util.function.Function<String, String> statedAt = g -> stated(at.apply(g).mean(), at.apply(g).standardError());
        assertThat(text).contains("At g = 1 the mean is " + statedAt.apply("1"), "at g = 1.25 it is " + statedAt.apply("1.25"),
                statedAt.apply("1.5") + " against 0.047 at g = 1.5", statedAt.apply("2") + " against 0.113 at g = 2",
                "at g = 3, " + statedAt.apply("3") + " against 0.236");
        SweepMeans.Point at125 = at.apply("1.25");
        assertThat(Math.abs(at125.mean())).isLessThan(2 * at125.standardError());
        assertThat(org.rnnlab.core.MeanFieldLyapunov.exponent(1.5)).isCloseTo(0.047, within(5e-4));
        assertThat(org.rnnlab.core.MeanFieldLyapunov.exponent(2)).isCloseTo(0.113, within(5e-4));
        assertThat(org.rnnlab.core.MeanFieldLyapunov.exponent(3)).isCloseTo(0.236, within(5e-4));
        // "each about three and a half standard errors below it" at g = 1.5 and 2; "at g = 3 ... is 1.7".
        java.util.function.ToDoubleFunction<String> below = g -> (org.rnnlab.core.MeanFieldLyapunov.exponent(Double.parseDouble(g))
                - at.apply(g).mean()) / at.apply(g).standardError();
        assertThat(below.applyAsDouble("1.5")).isBetween(3.25, 3.75);
        assertThat(below.applyAsDouble("2")).isBetween(3.25, 3.75);
        assertThat(below.applyAsDouble("3")).isBetween(1.65, 1.75);
        assertThat(text).contains("is 1.7, which three networks cannot tell");
        named("chaos.sweep.rightmost.network1", fixed(edge, 3));
        named("chaos.sweep.g05.network1", stated(first.lyapunov(), first.lyapunovStderr()));
        // The step's estimate of λ at g = 2, judged by the pages' rule (two standard errors of the mean).
        assertThat(step.prediction().estimateAt()).isEqualTo("2");
        assertThat(step.prediction().feedback("0.1", sweep, rows)).isEqualTo("You estimated λ = 0.1 at g = 2. Your sweep measured "
                + statedAt.apply("2") + " (mean of 3 networks). Within two standard errors: right.");
        assertThat(step.prediction().feedback("-0.05", sweep, rows)).endsWith("standard errors. The sign is wrong.");
        named("chaos.sweep.g1", statedAt.apply("1"));
        named("chaos.sweep.g125", statedAt.apply("1.25"));
        named("chaos.sweep.g15", statedAt.apply("1.5"));
        named("chaos.sweep.g2", statedAt.apply("2"));
        named("chaos.sweep.g3", statedAt.apply("3"));
        for (SweepMeans.Point p : points) {
            double g = Double.parseDouble(p.values().get(0));
            if (g <= 1) assertThat(p.mean()).as("g = %s", g).isNegative();
            if (g > 1) assertThat(p.mean()).as("g = %s", g).isLessThan(org.rnnlab.core.MeanFieldLyapunov.exponent(g));
            // "From g = 1.5 on lambda > 0": by more than two standard errors.
            if (g >= 1.5) assertThat(p.mean() - 2 * p.standardError()).as("g = %s", g).isPositive();
        }
    }

    @Test
    void drivenTheSuppressionMapAtTheStepsDefaults() throws Exception {
        GuideStep step = step(DrivenView.steps(), "The suppression map");
        String text = text(List.of(step));
        assertThat(text).contains("5 frequencies ω from 0.25 to 4", "amplitudes A = 0 (the undriven network, for reference) and 1 to 16",
                "g = 3, seeds 1 and 2, n = 200", "t = 0 to 100");
        Sweep one = defaultSweep(step);
        assertThat(one.axes().get(0).values()).containsExactly("0.25", "0.5", "1", "2", "4");
        assertThat(one.axes().get(1).values()).containsExactly("0", "1", "2", "4", "8", "16");
        assertThat(one.seeds()).containsExactly(1L, 2L);
        assertThat(one.base().n()).isEqualTo(200);
        assertThat(one.base().tmax()).isEqualTo(100);
        assertThat(one.base().g()).isEqualTo(3);
        assertThat(one.base().phases()).isEqualTo(Drive.Phases.ONE);
        List<Sweep.Row> oneRows = one.compute(Network::create, new RunControl(), r -> {});
        // The reference row: each network chaotic undriven by more than 4 standard errors, as the details say.
        List<Sweep.Row> reference = oneRows.stream().filter(r -> r.cell().config().amplitude() == 0 && r.cell().config().omega() == 0.25).toList();
        assertThat(reference).hasSize(2).allSatisfy(r -> assertThat(r.lyapunov() - 4 * r.lyapunovStderr()).isPositive());
        named("driven.map.reference.seed1", Readings.statedSigned(reference.get(0).lyapunov(), reference.get(0).lyapunovStderr()));
        named("driven.map.reference.seed2", Readings.statedSigned(reference.get(1).lyapunov(), reference.get(1).lyapunovStderr()));
        assertThat(text).contains("λ = " + Readings.statedSigned(reference.get(0).lyapunov(), reference.get(0).lyapunovStderr()) + " and "
                + Readings.statedSigned(reference.get(1).lyapunov(), reference.get(1).lyapunovStderr()) + " (t = 10 to 100)");
        List<SweepMeans.Critical> a = SweepMeans.critical(one, SweepMeans.of(one, oneRows));
        // "With one phase, A_c lies between 4 and 8 from ω = 0.25 to 2 and between 8 and 16 at ω = 4."
        for (int k = 0; k < 4; k++) assertThat(a.get(k).value()).as("ω = %s", a.get(k).other()).isBetween(4.0, 8.0);
        assertThat(a.get(4).value()).isBetween(8.0, 16.0);
        assertThat(step.answer()).contains("With one phase, A_c lies between 4 and 8 from ω = 0.25 to 2 and between 8 and 16 at ω = 4.");

        Sweep random = Sweep.check(one.base().with("phase", "random", org.rnnlab.experiment.Limits.DEFAULT).config(),
                step.sweep().varies(), "2", org.rnnlab.experiment.Limits.DEFAULT, Sweep.MAX_ROWS).sweep();
        List<Sweep.Row> randomRows = random.compute(Network::create, new RunControl(), r -> {});
        List<SweepMeans.Critical> b = SweepMeans.critical(random, SweepMeans.of(random, randomRows));
        // "With random phases it rises from between 1 and 2 at ω = 0.25 to between 4 and 8 at ω = 2 and 4."
        assertThat(b.get(0).value()).isBetween(1.0, 2.0);
        assertThat(b.get(3).value()).isBetween(4.0, 8.0);
        assertThat(b.get(4).value()).isBetween(4.0, 8.0);
        assertThat(step.answer()).contains("With random phases it rises from between 1 and 2 at ω = 0.25 to between 4 and 8 at ω = 2 and 4.");
        // "no frequency inside it needs clearly less amplitude than the slowest": none below half of A_c(0.25), the grid's step.
        for (List<SweepMeans.Critical> c : List.of(a, b)) {
            assertThat(c).extracting(SweepMeans.Critical::where).containsOnly(SweepMeans.Where.INSIDE);
            assertThat(c).allSatisfy(x -> assertThat(x.value()).isGreaterThan(c.get(0).value() / 2));
        }
        // The prediction's judge agrees with the answer: for both inputs, no frequency clearly easier than the slowest.
        assertThat(Prediction.easiest(one, oneRows)).isEqualTo(Prediction.Outcome.EASIEST_SLOWEST);
        assertThat(Prediction.easiest(random, randomRows)).isEqualTo(Prediction.Outcome.EASIEST_SLOWEST);
        assertThat(step.prediction().feedback(step.prediction().choice("inside"), random, randomRows))
                .startsWith("You said: a frequency inside the map does (a resonance). Your map (random phases) measured A_c(ω): 0.25: ")
                .endsWith("So: the slowest input suppresses chaos most easily. Not what you predicted; compare with the answer below.");
        // The undriven row is one run per network: the same numbers in every column.
        assertThat(oneRows.stream().filter(r -> r.cell().config().amplitude() == 0).map(Sweep.Row::lyapunov).distinct()).hasSize(2);
    }

    @Test
    void everyPredictionIsDecidedByItsStepsRun() throws Exception {
        // A step that asks for a prediction judges it by its run's measurement, computed as the page computes it; a run
        // whose measurement is too close to call could judge nothing, and the answer's story rests on these outcomes.
        java.util.Map<String, Prediction.Outcome> expected = java.util.Map.of(
                "Weak coupling, g = 0.5", Prediction.Outcome.CONVERGES,
                "Strong coupling, g = 1.5", Prediction.Outcome.CHAOTIC,
                "Weak input", Prediction.Outcome.CHAOTIC,
                "After learning stops", Prediction.Outcome.LOSES_RHYTHM,
                "Continuous time", Prediction.Outcome.KEEPS_RHYTHM,
                "The paper's network", Prediction.Outcome.KEEPS_RHYTHM);
        int judged = 0;
        for (List<GuideStep> steps : List.of(ChaosView.steps(), DrivenView.steps(), ForceView.steps())) {
            for (GuideStep step : steps) {
                Prediction p = step.prediction();
                // A sweep step's prediction is judged in its sweep's test (below), where the sweep is computed anyway.
                if (p == null || step.kind() == GuideStep.Kind.SWEEP) continue;
                ExperimentConfig run = step.runs().get(p.run());
                Prediction.Outcome outcome;
                if (run.isForce()) {
                    org.rnnlab.experiment.ForceErrors errors = new org.rnnlab.experiment.ForceErrors(run.train());
                    org.rnnlab.experiment.RunToEnd.run(run, run.createNetwork(), errors, new RunControl());
                    outcome = errors.test().rmse() < Prediction.RHYTHM_KEPT_RMSE ? Prediction.Outcome.KEEPS_RHYTHM : Prediction.Outcome.LOSES_RHYTHM;
                } else {
                    LyapunovEstimate e = org.rnnlab.experiment.LyapunovMeasurement.measure(step.runs(), run.createNetwork(), new RunControl())
                            .get(p.run());
                    assertThat(e.verdict()).as(step.title()).isNotEqualTo(LyapunovEstimate.Verdict.UNDECIDED);
                    outcome = e.verdict() == CHAOTIC ? Prediction.Outcome.CHAOTIC : Prediction.Outcome.CONVERGES;
                }
                assertThat(outcome).as(step.title()).isEqualTo(expected.get(step.title()));
                assertThat(p.choices()).as(step.title()).extracting(Prediction.Choice::outcome).contains(outcome);
                judged++;
            }
        }
        assertThat(judged).isEqualTo(expected.size());
    }
}
