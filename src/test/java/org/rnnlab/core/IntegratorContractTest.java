package org.rnnlab.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One contract for every integrator, against exact solutions. With {@code g = 0} the network is
 * {@code dx/dt = -x + A cos(omega t) u}, whose solution is known in closed form.
 */
class IntegratorContractTest {
    /** Adaptive: local tolerances of 5e-9 and 1.5e-8 end within a few times that of the exact solution. */
    static final double ADAPTIVE_TOLERANCE = 1e-7;
    /** RK4 with h = 0.02: global error ~ h^4 times the solution's fourth derivative, ~1e-7 here. */
    static final double RK4_TOLERANCE = 1e-6;

    static Stream<Arguments> integrators() {
        return Stream.of(
                Arguments.of("adaptive Adams-Moulton", AdaptiveIntegrator.adamsMoulton(), ADAPTIVE_TOLERANCE),
                Arguments.of("adaptive Dormand-Prince", AdaptiveIntegrator.dormandPrince(), ADAPTIVE_TOLERANCE),
                Arguments.of("RK4", new RungeKutta4(0.02), RK4_TOLERANCE));
    }

    /** {@code x(t) = e^{-t} x0 + A u (cos wt + w sin wt - e^{-t}) / (1 + w^2)}. */
    static double exactDriven(double x0, double u, double a, double w, double t) {
        return Math.exp(-t) * x0 + a * u * (Math.cos(w * t) + w * Math.sin(w * t) - Math.exp(-t)) / (1 + w * w);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("integrators")
    void uncoupledNeuronsDecayExponentially(String name, Integrator integrator, double tolerance) {
        Network net = Network.create(20, 1);
        FreeRun run = new FreeRun(net, 0, Drive.NONE, integrator, 10, 101);
        double[] x0 = net.initialState();
        double[] worst = {0};
        runAll(run, s -> {
            for (int i = 0; i < x0.length; i++) {
                worst[0] = Math.max(worst[0], Math.abs(s.state()[i] - x0[i] * Math.exp(-s.time())));
            }
        });
        assertThat(worst[0]).isLessThan(tolerance);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("integrators")
    void drivenUncoupledNeuronsFollowTheClosedForm(String name, Integrator integrator, double tolerance) {
        Network net = Network.create(20, 2);
        double a = 5, w = 4;
        FreeRun run = new FreeRun(net, 0, new Drive(a, w), integrator, 20, 201);
        double[] x0 = net.initialState();
        double[] u = net.inputWeights();
        double[] worst = {0};
        runAll(run, s -> {
            for (int i = 0; i < x0.length; i++) {
                double exact = exactDriven(x0[i], u[i], a, w, s.time());
                worst[0] = Math.max(worst[0], Math.abs(s.state()[i] - exact) / Math.max(1, Math.abs(exact)));
            }
        });
        assertThat(worst[0]).isLessThan(tolerance);
    }

    static void runAll(Simulation run, SampleSink sink) {
        try {
            assertThat(run.runToEnd(sink, new RunControl())).isTrue();
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
    }
}
