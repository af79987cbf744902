package org.rnnlab.core;

/**
 * {@code k} copies of the rate equations on one network, each with its own gain and drive:
 * {@code dx_b/dt = -x_b + g_b J tanh(x_b) + I_b(t)}, {@code I_b} the drive ({@link Drive}), for {@code b < k}. The states are stored
 * one after the other ({@code x[b n + i]} is neuron {@code i} of trajectory {@code b}), so one evaluation is
 * one batched product {@code J R} ({@link Network#multiplyCouplings(double[], int, double[])}) in which
 * {@code J} streams from memory once for all {@code k}. One instance per batch: it owns scratch buffers and
 * is not thread-safe.
 */
final class BatchModel {
    private final Network network;
    private final double[] gains;
    private final Drive[] drives;
    private final double[] rates;
    private final double[] recurrent;
    private long evaluations;

    BatchModel(Network network, double[] gains, Drive[] drives) {
        if (gains.length != drives.length || gains.length == 0) {
            throw new IllegalArgumentException("one gain and one drive per trajectory: " + gains.length + ", " + drives.length);
        }
        this.network = network;
        this.gains = gains.clone();
        this.drives = drives.clone();
        this.rates = new double[gains.length * network.n()];
        this.recurrent = new double[rates.length];
    }

    int n() {
        return network.n();
    }

    /** Trajectories in the batch. */
    int k() {
        return gains.length;
    }

    /** {@code k n}: the length of a batch state. */
    int dimension() {
        return rates.length;
    }

    double gain(int b) {
        return gains[b];
    }

    /** {@code out = dX/dt} at {@code (t, X)} for the whole batch; writes only {@code out}. */
    void derivative(double t, double[] x, double[] out) {
        evaluations++;
        int n = network.n();
        Kernels.tanh(x, rates);
        network.multiplyCouplings(rates, gains.length, recurrent);
        for (int b = 0; b < gains.length; b++) {
            double g = gains[b];
            int o = b * n;
            for (int i = 0; i < n; i++) out[o + i] = -x[o + i] + g * recurrent[o + i];
            drives[b].addTo(t, network, out, o);
        }
    }

    /**
     * {@code out[b] = dx_b/dt} at {@code (times[b], x[b])} for the {@code count} trajectories {@code members[0 ..
     * count)} only, each at its own time: one batched product of width {@code count} (the others wait, as in
     * {@link BatchAdams}, where every trajectory keeps its own steps). The rates are packed side by side, so a
     * trajectory's numbers do not depend on which others share the product.
     */
    void derivative(int[] members, int count, double[] times, double[][] x, double[][] out) {
        evaluations++;
        int n = network.n();
        for (int s = 0; s < count; s++) Kernels.tanh(x[members[s]], 0, rates, s * n, n);
        network.multiplyCouplings(rates, count, recurrent);
        for (int s = 0; s < count; s++) {
            int b = members[s];
            double g = gains[b];
            double[] xb = x[b];
            double[] ob = out[b];
            int o = s * n;
            for (int i = 0; i < n; i++) ob[i] = -xb[i] + g * recurrent[o + i];
            drives[b].addTo(times[b], network, ob, 0);
        }
    }

    /** Evaluations so far, each one batched product {@code J R} (the cost to compare with {@code k} single runs). */
    long evaluations() {
        return evaluations;
    }
}
