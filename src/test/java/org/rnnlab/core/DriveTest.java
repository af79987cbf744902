package org.rnnlab.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** The two inputs of exercise 2, checked against their formulas written out neuron by neuron. */
class DriveTest {
    static final int N = 60;
    static final Network NET = Network.create(N, 3);

    /** {@code -x + g J tanh(x) + input_i}, summed the slow way. */
    static double[] expected(double g, double[] x, double[] input) {
        double[] out = new double[N];
        for (int i = 0; i < N; i++) {
            double sum = 0;
            for (int j = 0; j < N; j++) sum += NET.coupling(i, j) * Math.tanh(x[j]);
            out[i] = -x[i] + g * sum + input[i];
        }
        return out;
    }

    static double[] derivative(Drive drive, double t, double[] x) {
        double[] out = new double[N];
        new RateModel(NET, 1.5, drive).derivative(t, x, out);
        return out;
    }

    @Test
    void randomPhasesGiveEachNeuronTheFullAmplitudeAtItsOwnPhase() {
        double a = 2, omega = 1.3, t = 0.7;
        double[] theta = Network.inputPhases(N, 3);
        double[] x = NET.initialState();
        double[] input = new double[N];
        for (int i = 0; i < N; i++) input[i] = a * Math.cos(omega * t + theta[i]);
        double[] got = derivative(new Drive(a, omega, Drive.Phases.RANDOM), t, x);
        double[] want = expected(1.5, x, input);
        for (int i = 0; i < N; i++) assertThat(got[i]).as("neuron %d", i).isCloseTo(want[i], within(1e-12));
        // The phases cover the circle, drawn from the seed: another seed, other phases.
        assertThat(java.util.Arrays.stream(theta).boxed()).allSatisfy(v -> assertThat(v).isBetween(0.0, 2 * Math.PI));
        assertThat(java.util.Arrays.stream(theta).filter(v -> v > Math.PI).count()).isBetween(20L, 40L);
        assertThat(Network.inputPhases(N, 4)[0]).isNotEqualTo(theta[0]);
    }

    @Test
    void theSeedsInputIsOnePhaseScaledByTheInputWeights() {
        double a = 2, omega = 1.3, t = 0.7;
        double[] u = NET.inputWeights();
        double[] x = NET.initialState();
        double[] input = new double[N];
        for (int i = 0; i < N; i++) input[i] = a * Math.cos(omega * t) * u[i];
        double[] got = derivative(new Drive(a, omega), t, x);
        double[] want = expected(1.5, x, input);
        for (int i = 0; i < N; i++) assertThat(got[i]).as("neuron %d", i).isCloseTo(want[i], within(1e-12));
        // Without amplitude both inputs are no input at all, bit for bit.
        assertThat(derivative(new Drive(0, omega, Drive.Phases.RANDOM), t, x)).containsExactly(derivative(Drive.NONE, t, x));
    }
}
