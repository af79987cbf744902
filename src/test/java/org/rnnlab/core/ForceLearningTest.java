package org.rnnlab.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Exercise 3: FORCE learns the target, and the trained network keeps producing it on its own. */
class ForceLearningTest {

    record Outcome(double earlyTrainingError, double lateTrainingError, double testRmse, double testMae, List<Sample> samples) {}

    static Outcome run(int n, long seed, ForceMode mode, Target target) {
        ForceRun run = new ForceRun(Network.create(n, seed), 1.5, mode, 1, target, 300, 800);
        List<Sample> samples = new ArrayList<>();
        IntegratorContractTest.runAll(run, s -> samples.add(new Sample(s.index(), s.time(), new double[0], s.output(), s.target(), s.weightChange())));
        double early = meanAbsError(samples, 0, 50);
        double late = meanAbsError(samples, 250, 300);
        return new Outcome(early, late, run.testError().rmse(), run.testError().mae(), samples);
    }

    static double meanAbsError(List<Sample> samples, double from, double to) {
        return samples.stream().filter(s -> s.time() >= from && s.time() < to)
                .mapToDouble(s -> Math.abs(s.output() - s.target())).average().orElseThrow();
    }

    @ParameterizedTest(name = "{0} mode")
    @EnumSource(ForceMode.class)
    void trainingErrorFallsFourfold(ForceMode mode) {
        // Measured at n = 1000, seeds 1..10: the error of t in [250, 300) is 4.4 to 49 times below that of [0, 50).
        Outcome o = run(500, 1, mode, Target.COSINE);
        assertThat(o.lateTrainingError()).isLessThan(o.earlyTrainingError() / 4);
    }

    @Test
    void weightChangesShrinkDuringLearningAndStopWithIt() {
        Outcome o = run(500, 1, ForceMode.NOTEBOOK, Target.COSINE);
        double first = o.samples().get(1).weightChange();
        double lastLearning = o.samples().get(300).weightChange();
        assertThat(lastLearning).isLessThan(first / 100);
        // As in the seed, the last update is the first one past t = 300 (at t = 301); none after that.
        assertThat(o.samples().get(301).weightChange()).isPositive();
        assertThat(o.samples().subList(302, 801)).allSatisfy(s -> assertThat(s.weightChange()).isZero());
        assertThat(o.samples()).hasSize(801);
        assertThat(o.samples().get(800).time()).isEqualTo(800);
    }

    @Test
    void theTrainedNetworkKeepsProducingTheTargetForMostSeeds() {
        // Measured over seeds 1..10 at n = 1000, notebook mode: test RMSE 0.004-0.06 for seven seeds, 0.15, 0.40
        // and 0.64 for the others (continuous mode: eight below 0.04). FORCE does fail now and then (the
        // network falls onto another attractor once learning stops), so we ask for most seeds, not all.
        int good = 0;
        for (long seed = 1; seed <= 10; seed++) {
            if (run(1000, seed, ForceMode.NOTEBOOK, Target.COSINE).testRmse() < TEST_RMSE_GOOD) good++;
        }
        assertThat(good).isGreaterThanOrEqualTo(MIN_GOOD_OF_TEN);
    }

    static final double TEST_RMSE_GOOD = 0.2;
    static final int MIN_GOOD_OF_TEN = 7;

    @Test
    void withoutLearningTheOutputIgnoresTheTarget() {
        // Control: training that ends at t = 0 leaves a readout that has learned nothing.
        ForceRun run = new ForceRun(Network.create(500, 1), 1.5, ForceMode.NOTEBOOK, 1, Target.COSINE, 0, 800);
        IntegratorContractTest.runAll(run, SampleSink.NONE);
        assertThat(run.testError().rmse()).isGreaterThan(0.3);
    }

    @Test
    void everyTargetShapeIsPeriodicAndBounded() {
        for (Target t : Target.values()) {
            double period = t == Target.FOUR_SINES ? 120 : 50;
            for (double time = 0; time < 200; time += 0.7) {
                assertThat(t.at(time)).isBetween(-1.5, 1.5);
                assertThat(t.at(time + period)).as(t + " at " + time).isCloseTo(t.at(time), org.assertj.core.api.Assertions.within(1e-9));
            }
        }
        assertThat(Target.COSINE.at(25)).isCloseTo(-1, org.assertj.core.api.Assertions.within(1e-12));
        assertThat(Target.SQUARE.at(0)).isEqualTo(1);
        assertThat(Target.TRIANGLE.at(25)).isEqualTo(-1);
    }
}
