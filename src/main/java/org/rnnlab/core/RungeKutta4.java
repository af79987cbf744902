package org.rnnlab.core;

/**
 * Classic fourth-order Runge-Kutta with steps no longer than {@code h}, shortened evenly to land on each
 * output time. Global error {@code O(h^4)}. No allocation per step.
 */
public final class RungeKutta4 implements Integrator {
    private final double h;
    private double[] k1 = new double[0];
    private double[] k2 = k1;
    private double[] k3 = k1;
    private double[] k4 = k1;
    private double[] tmp = k1;

    public RungeKutta4(double h) {
        this.h = h;
    }

    @Override
    public void integrate(RateModel model, double t0, double[] x, double[] times, Output output) {
        double t = t0;
        for (int k = 0; k < times.length; k++) {
            advance(model, t, times[k], x);
            t = times[k];
            output.accept(k, x);
        }
    }

    private void advance(RateModel model, double t0, double t1, double[] x) {
        int n = x.length;
        if (k1.length != n) {
            k1 = new double[n];
            k2 = new double[n];
            k3 = new double[n];
            k4 = new double[n];
            tmp = new double[n];
        }
        int steps = Math.max(1, (int) Math.ceil((t1 - t0) / h - 1e-9));
        double step = (t1 - t0) / steps;
        for (int s = 0; s < steps; s++) {
            double t = t0 + s * step;
            model.derivative(t, x, k1);
            for (int i = 0; i < n; i++) tmp[i] = x[i] + 0.5 * step * k1[i];
            model.derivative(t + 0.5 * step, tmp, k2);
            for (int i = 0; i < n; i++) tmp[i] = x[i] + 0.5 * step * k2[i];
            model.derivative(t + 0.5 * step, tmp, k3);
            for (int i = 0; i < n; i++) tmp[i] = x[i] + step * k3[i];
            model.derivative(t + step, tmp, k4);
            for (int i = 0; i < n; i++) x[i] += step / 6 * (k1[i] + 2 * k2[i] + 2 * k3[i] + k4[i]);
        }
    }
}
