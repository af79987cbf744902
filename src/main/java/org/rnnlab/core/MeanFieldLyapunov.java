package org.rnnlab.core;

/**
 * The largest Lyapunov exponent of {@code dx/dt = -x + g J tanh(x)} in the large-{@code n} limit, per unit time:
 * the reference a finite network's estimate ({@link BatchRun#lyapunov}) is shown against.
 *
 * <p>Values from the dynamic mean-field theory (Sompolinsky, Crisanti and Sommers, Phys. Rev. Lett. 61, 259,
 * 1988) as computed by Engelken, Wolf and Abbott, "Lyapunov spectra of chaotic recurrent neural networks"
 * (arXiv:2006.02427, 2020): g = 1.1: 0.0037, 1.2: 0.012, 1.5: 0.047, 2: 0.113, 3: 0.236, 4: 0.347. For
 * {@code g <= 1} the fixed point {@code x = 0} is stable and attracts everything, and the exponent is its slowest
 * mode's rate, {@code g max Re(eigenvalue of J) - 1}, which is {@code g - 1} for a large network (the eigenvalues
 * of {@code J} fill the unit disc). Above 1 it grows as
 * {@code (g - 1)^2 / 2} just above the transition, which holds only for {@code g - 1 < 0.05}; that is used up
 * to 1.05. From there to 4 a monotone cubic (Fritsch and Carlson 1980) through the table, with the onset
 * formula's slope at 1.05: it passes through every value, never overshoots between them, and joins the onset
 * formula smoothly. Above 4 there is no reference: {@code NaN}. Finite networks sit somewhat below these values,
 * and near {@code g = 1} many are not chaotic at all.
 */
public final class MeanFieldLyapunov {
    /** Where the onset law {@code (g - 1)^2 / 2} hands over to the table. */
    static final double ONSET_END = 1.05;
    private static final double[] G = {ONSET_END, 1.1, 1.2, 1.5, 2, 3, 4};
    private static final double[] LAMBDA = {onset(ONSET_END), 0.0037, 0.012, 0.047, 0.113, 0.236, 0.347};
    private static final double[] SLOPE = slopes();

    private MeanFieldLyapunov() {}

    /** {@code lambda_max(g)} per unit time; {@code g - 1} for {@code g <= 1}, {@code NaN} above 4 or for NaN. */
    public static double exponent(double g) {
        if (g <= 1) return g - 1;
        if (g <= ONSET_END) return onset(g);
        if (!(g <= G[G.length - 1])) return Double.NaN;
        int k = 0;
        while (g > G[k + 1]) k++;
        double h = G[k + 1] - G[k];
        double t = (g - G[k]) / h;
        double t2 = t * t;
        double t3 = t2 * t;
        return (2 * t3 - 3 * t2 + 1) * LAMBDA[k] + (t3 - 2 * t2 + t) * h * SLOPE[k]
                + (-2 * t3 + 3 * t2) * LAMBDA[k + 1] + (t3 - t2) * h * SLOPE[k + 1];
    }

    private static double onset(double g) {
        return (g - 1) * (g - 1) / 2;
    }

    /**
     * Fritsch-Carlson slopes: at interior points the weighted harmonic mean of the neighbouring secants (0 where
     * they differ in sign, which the increasing table never does); the onset law's slope {@code g - 1} at the
     * left end; the last secant at the right end.
     */
    private static double[] slopes() {
        int m = G.length;
        double[] secant = new double[m - 1];
        for (int k = 0; k < m - 1; k++) secant[k] = (LAMBDA[k + 1] - LAMBDA[k]) / (G[k + 1] - G[k]);
        double[] d = new double[m];
        d[0] = ONSET_END - 1;
        d[m - 1] = secant[m - 2];
        for (int k = 1; k < m - 1; k++) {
            if (secant[k - 1] * secant[k] <= 0) continue;
            double h0 = G[k] - G[k - 1];
            double h1 = G[k + 1] - G[k];
            double w1 = 2 * h1 + h0;
            double w2 = h1 + 2 * h0;
            d[k] = (w1 + w2) / (w1 / secant[k - 1] + w2 / secant[k]);
        }
        return d;
    }
}
