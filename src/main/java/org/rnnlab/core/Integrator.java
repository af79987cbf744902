package org.rnnlab.core;

import java.util.List;

/** Integrates {@link RateModel} through a list of output times, handing out the state at each. */
public interface Integrator {
    /** Receives the state at output time {@code index} of the block; the array is only valid during the call. */
    @FunctionalInterface
    interface Output {
        void accept(int index, double[] state);
    }

    /**
     * Advances {@code x}, the state at {@code t0}, through {@code times} (ascending, all past {@code t0}),
     * handing the state at each to {@code output}. On return {@code x} holds the state at the last time.
     */
    void integrate(RateModel model, double t0, double[] x, double[] times, Output output);

    /** Which method, for configs, logs and exports. */
    enum Method {
        /**
         * LSODE's variable-order, variable-step Adams method ({@link BatchAdams}), the method of the seed's
         * {@code odeint} (LSODA), run as a {@link BatchRun#adams batch} of one: not an {@link Integrator}.
         */
        ADAMS,
        /** Adaptive Dormand-Prince 8(5,3) at {@code odeint}'s tolerance. */
        DOPRI,
        /** Classic fixed-step Runge-Kutta of order 4. */
        RK4;

        /** A run of exercise 1 or 2 by this method from {@code x0}, sampled on {@code linspace(0, tmax, points)}; RK4 uses {@code rk4Step}. */
        public Simulation run(Network network, double g, Drive drive, double tmax, int points, double[] x0, double rk4Step) {
            return switch (this) {
                // A batch of one: the same engine, and so the same numbers, as this run in a batched grid or sweep.
                case ADAMS -> BatchRun.adams(network, List.of(new BatchRun.Trajectory(g, drive, x0)), tmax, points);
                case DOPRI -> new FreeRun(network, g, drive, AdaptiveIntegrator.dormandPrince(), tmax, points, x0);
                case RK4 -> new FreeRun(network, g, drive, new RungeKutta4(rk4Step), tmax, points, x0);
            };
        }
    }
}
