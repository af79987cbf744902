package org.rnnlab.core;

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
        /** Adaptive Adams-Moulton, as accurate as the seed's {@code odeint} (LSODA, an Adams method too). */
        ADAMS,
        /** Adaptive Dormand-Prince 8(5,3) at {@code odeint}'s tolerance. */
        DOPRI,
        /** Classic fixed-step Runge-Kutta of order 4. */
        RK4;

        /** A fresh integrator of this method; RK4 uses {@code rk4Step}. */
        public Integrator create(double rk4Step) {
            return switch (this) {
                case ADAMS -> AdaptiveIntegrator.adamsMoulton();
                case DOPRI -> AdaptiveIntegrator.dormandPrince();
                case RK4 -> new RungeKutta4(rk4Step);
            };
        }
    }
}
