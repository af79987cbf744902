package org.rnnlab.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class ExponentialStepTest {

    @Test
    void isExactForConstantInputWhateverTheStep() {
        // dx/dt = -x + d has x(t) = d + (x0 - d) e^{-t}; ten steps of 0.1 must land where one step of 1 does.
        double[] d = {2.0, -1.0, 0.0};
        double[] oneStep = {0.5, 0.5, -3.0};
        double[] tenSteps = oneStep.clone();
        ExponentialStep.apply(oneStep, d, 1.0);
        for (int k = 0; k < 10; k++) ExponentialStep.apply(tenSteps, d, 0.1);
        for (int i = 0; i < d.length; i++) {
            double exact = d[i] + (new double[] {0.5, 0.5, -3.0}[i] - d[i]) * Math.exp(-1);
            assertThat(oneStep[i]).isCloseTo(exact, within(1e-15));
            assertThat(tenSteps[i]).isCloseTo(exact, within(1e-14));
        }
    }

    @Test
    void agreesWithTheAdaptiveSolverOnTheSameHeldInput() {
        // The seed's f3 holds tanh(x) and w over a step: with g = 0 and no readout the held input is zero,
        // so one exponential step and the adaptive solver solve the same linear equation.
        Network net = Network.create(30, 4);
        double[] x = net.initialState();
        ExponentialStep.apply(x, new double[30], 1.0);
        double[] y = net.initialState();
        AdaptiveIntegrator.adamsMoulton().integrate(new RateModel(net, 0, Drive.NONE), 0, y, new double[] {1.0}, (k, s) -> {});
        for (int i = 0; i < 30; i++) assertThat(x[i]).isCloseTo(y[i], within(1e-8));
    }
}
