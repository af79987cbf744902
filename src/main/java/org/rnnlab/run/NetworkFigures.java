package org.rnnlab.run;

/**
 * What the eigenvalue step shows of one network: the eigenvalues of {@code J} (real parts in {@code [0]},
 * imaginary parts in {@code [1]}) and the density of {@code sqrt(n) J_ij} in {@link #BINS} bins on
 * {@code [LOW, HIGH)}.
 */
public record NetworkFigures(int n, long seed, double[][] eigenvalues, double[] couplingDensity) {
    public static final double LOW = -4;
    public static final double HIGH = 4;
    public static final int BINS = 60;

    /** Centre of bin {@code b}. */
    public static double binCentre(int b) {
        return LOW + (b + 0.5) * (HIGH - LOW) / BINS;
    }
}
