package org.rnnlab.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Exercises 1 and 2 as a physicist would check them. */
class ChaosTransitionTest {

    /** Root mean square of x over the neurons at every sample. */
    static List<double[]> rms(FreeRun run) {
        List<double[]> out = new ArrayList<>();
        IntegratorContractTest.runAll(run, s -> {
            double sum = 0;
            for (double v : s.state()) sum += v * v;
            out.add(new double[] {s.time(), Math.sqrt(sum / s.state().length)});
        });
        return out;
    }

    @Test
    void belowTheTransitionActivityDecaysAtTheRateOneMinusG() {
        double g = 0.5;
        List<double[]> rms = rms(new FreeRun(Network.create(1000, 1), g, Drive.NONE, AdaptiveIntegrator.adamsMoulton(), 40, 401));
        // Near x = 0, tanh(x) ~ x and the slowest mode decays as e^{-(1 - g lambda_max) t}, lambda_max ~ 1.
        double slope = (Math.log(rms.get(400)[1]) - Math.log(rms.get(100)[1])) / (rms.get(400)[0] - rms.get(100)[0]);
        assertThat(-slope).isCloseTo(1 - g, within(0.06));
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 4, 5})
    void aboveTheTransitionActivityStaysOfOrderOne(long seed) {
        List<double[]> rms = rms(new FreeRun(Network.create(500, seed), 1.5, Drive.NONE, AdaptiveIntegrator.adamsMoulton(), 50, 501));
        double late = rms.subList(300, 501).stream().mapToDouble(p -> p[1]).average().orElseThrow();
        double min = rms.subList(300, 501).stream().mapToDouble(p -> p[1]).min().orElseThrow();
        assertThat(late).isBetween(0.3, 3.0);
        assertThat(min).isGreaterThan(0.2);
    }

    @Test
    void adaptiveAndRk4Agree() {
        Network net = Network.create(200, 9);
        double[][] a = states(new FreeRun(net, 1.5, Drive.NONE, AdaptiveIntegrator.adamsMoulton(), 20, 201));
        double[][] b = states(new FreeRun(net, 1.5, Drive.NONE, new RungeKutta4(0.02), 20, 201));
        double worst = 0;
        for (int k = 0; k < a.length; k++) {
            for (int i = 0; i < a[k].length; i++) worst = Math.max(worst, Math.abs(a[k][i] - b[k][i]));
        }
        // Both ~1e-7 accurate; chaos amplifies the difference by e^{lambda t} with lambda ~ 0.2 over t = 20.
        assertThat(worst).isLessThan(1e-4);
    }

    @Test
    void chaosNeverForgetsATinyPerturbationButStrongInputErasesIt() {
        // Two runs whose initial states differ by 1e-6 in one neuron (RMS distance 4.5e-8 over 500 neurons).
        // Chaotic: the difference does not shrink. Driven by A = 5: the network follows the input and
        // forgets where it started, so the difference contracts by orders of magnitude.
        Network net = Network.create(500, 1);
        double initial = 1e-6 / Math.sqrt(500);
        assertThat(separation(net, Drive.NONE, 100)).as("without input").isGreaterThan(initial);
        assertThat(separation(net, new Drive(5, 1), 100)).as("with A = 5, omega = 1").isLessThan(initial * 1e-4);
    }

    /** RMS distance at {@code t} of two runs whose initial states differ by 1e-6 in one neuron. */
    static double separation(Network net, Drive drive, double t) {
        double[] a = net.initialState();
        double[] b = net.initialState();
        b[0] += 1e-6;
        double[] times = {t};
        AdaptiveIntegrator.adamsMoulton().integrate(new RateModel(net, 1.5, drive), 0, a, times, (k, s) -> {});
        AdaptiveIntegrator.adamsMoulton().integrate(new RateModel(net, 1.5, drive), 0, b, times, (k, s) -> {});
        double sum = 0;
        for (int i = 0; i < a.length; i++) sum += (a[i] - b[i]) * (a[i] - b[i]);
        return Math.sqrt(sum / a.length);
    }

    static double[][] states(Simulation run) {
        double[][] out = new double[run.sampleCount()][];
        IntegratorContractTest.runAll(run, s -> out[s.index()] = s.state().clone());
        return out;
    }
}
