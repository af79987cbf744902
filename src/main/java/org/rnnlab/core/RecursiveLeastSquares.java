package org.rnnlab.core;

/**
 * The FORCE rule (Sussillo and Abbott 2009) for readout weights {@code w}: recursive least squares with
 * {@code P(0) = I / alpha}, {@code P} the running estimate of the inverse correlation matrix of the rates.
 * One update, for rates {@code r} and error {@code e = f - z}:
 * <pre>
 *   q = P r,   c = 1 / (1 + q . r),   P -= c q q^T,   w += c e q
 * </pre>
 * ({@code P} stays symmetric, so {@code P r} and {@code r^T P} are the same vector.)
 * Costs one pass over {@code P} per update: the correction {@code -c q q^T} is not applied at once but at the start
 * of the next update, row by row inside the product {@code P r} ({@link Kernels#correctAndMultiply}); nothing reads
 * {@code P} in between. Two passes (a BLAS {@code dgemv} and {@code dger}) took 115 + 145 us at {@code n = 1000}.
 * Holds {@code P}, {@code 8 n^2} bytes.
 */
public final class RecursiveLeastSquares {
    private final int n;
    private final double[] p;
    private final double[] w;
    private double[] q;
    /** The last update's {@code q} and {@code -c}: the correction of {@code P} still to apply. */
    private double[] pending;
    private double pendingScale;

    public RecursiveLeastSquares(double[] initialWeights, double alpha) {
        this.n = initialWeights.length;
        this.w = initialWeights.clone();
        this.p = new double[n * n];
        for (int i = 0; i < n; i++) p[i * n + i] = 1 / alpha;
        this.q = new double[n];
        this.pending = new double[n];
    }

    /** {@code z = w . r}. */
    public double output(double[] rates) {
        return Kernels.dot(w, rates);
    }

    /**
     * One update towards {@code error = f - z}; modifies {@code P} and {@code w}.
     *
     * @return {@code sum_i |dw_i|}, the size of the change in {@code w}
     */
    public double update(double[] rates, double error) {
        Kernels.correctAndMultiply(p, n, pendingScale, pending, rates, q);
        double c = 1 / (1 + Kernels.dot(q, rates));
        double gain = c * error;
        double change = 0;
        for (int i = 0; i < n; i++) {
            w[i] += gain * q[i];
            change += Math.abs(gain * q[i]);
        }
        double[] used = pending;
        pending = q;
        q = used;
        pendingScale = -c;
        return change;
    }

    /** The current readout weights (a copy). */
    public double[] weights() {
        return w.clone();
    }

    double[] weightsShared() {
        return w;
    }
}
