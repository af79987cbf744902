package org.rnnlab.core;

import org.hipparchus.ode.OrdinaryDifferentialEquation;

/**
 * The rate equations {@code dx/dt = -x + g J tanh(x) + I(t)} with the input {@code I} of a {@link Drive}, i.e. exercises 1 and 2 of the
 * seed ({@code f1}, {@code f2}). One instance per run: it owns scratch buffers and is not thread-safe.
 */
public final class RateModel implements OrdinaryDifferentialEquation {
    private final Network network;
    private final double g;
    private final Drive drive;
    private final double[] rates;
    private final double[] recurrent;
    private long evaluations;

    public RateModel(Network network, double g, Drive drive) {
        this.network = network;
        this.g = g;
        this.drive = drive;
        this.rates = new double[network.n()];
        this.recurrent = new double[network.n()];
    }

    @Override
    public int getDimension() {
        return network.n();
    }

    @Override
    public double[] computeDerivatives(double t, double[] x) {
        double[] dx = new double[x.length];
        derivative(t, x, dx);
        return dx;
    }

    /** {@code out = dx/dt} at {@code (t, x)}; writes only {@code out}. */
    public void derivative(double t, double[] x, double[] out) {
        evaluations++;
        Kernels.tanh(x, rates);
        network.multiplyCouplings(rates, recurrent);
        for (int i = 0; i < x.length; i++) out[i] = -x[i] + g * recurrent[i];
        drive.addTo(t, network, out, 0);
    }

    /** Right-hand side evaluations so far (each costs one {@code n x n} matrix-vector product). */
    public long evaluations() {
        return evaluations;
    }
}
