package org.rnnlab.core;

import java.util.random.RandomGenerator;
import org.ejml.data.DMatrixRMaj;

/**
 * One random network, built from {@code (n, seed, p)} alone and immutable afterwards, so runs with the same
 * {@code (n, seed, p)} share it whatever their gain {@code g} (which scales {@code J} in the dynamics).
 *
 * <ul>
 *   <li>{@code J_ij ~ Normal(0, 1/n)}: the couplings, row-major, {@code n x n}, drawn in double and kept in
 *       single precision. The rounding (relative 3e-8) is far below anything physical, the network is exactly
 *       the one exported to {@code J.npy}, and the product {@code J r} (accumulated in double) streams half the
 *       memory: it is the cost of every step;
 *   <li>with connection probability {@code p < 1} (Sussillo and Abbott 2009: {@code p = 0.1}) the couplings are
 *       sparse: {@code J_ij = m_ij G_ij / sqrt(p n)}, {@code m_ij ~ Bernoulli(p)}, {@code G_ij ~ Normal(0, 1)}, so the
 *       nonzero ones have variance {@code 1/(p n)} and every row the same expected sum of squares as the dense
 *       network's: {@code g} keeps its meaning (the eigenvalues of {@code g J} still fill the disc of radius
 *       {@code g}). Exactly: entry by entry in row-major order, {@code G_ij} is the same draw of the couplings
 *       stream as the dense network's (so {@code J(p)} is the dense {@code J} of the same seed, scaled by
 *       {@code 1/sqrt p}, with the links not drawn set to 0) and {@code m_ij} is {@code nextDouble() < p} of a stream
 *       of its own ({@link SeededRandom.Stream#CONNECTIONS}). At {@code p = 1} every {@code m_ij} is 1 and the
 *       numbers are the dense network's, bit for bit. Storage stays dense (zeros kept): {@code J r} costs the same
 *       at any {@code p};
 *   <li>{@code x0_i ~ Uniform(-0.5, 0.5)}: the initial state;
 *   <li>{@code u_i ~ Uniform(-1, 1)}: input (drive and feedback) weights;
 *   <li>{@code theta_i ~ Uniform[0, 2 pi)}: the phases of a random-phase drive ({@link Drive.Phases#RANDOM});
 *   <li>{@code w0_i ~ Uniform(-1/sqrt n, 1/sqrt n)}: initial readout weights for FORCE.
 * </ul>
 */
public final class Network {
    private final int n;
    private final long seed;
    private final double p;
    private final float[] couplings;
    private final double[] x0;
    private final double[] u;
    private final double[] w0;
    private final double[] phaseCos;
    private final double[] phaseSin;

    private Network(int n, long seed, double p) {
        this.n = n;
        this.seed = seed;
        this.p = p;
        this.couplings = new float[n * n];
        RandomGenerator rj = SeededRandom.of(seed, SeededRandom.Stream.COUPLINGS);
        RandomGenerator links = SeededRandom.of(seed, SeededRandom.Stream.CONNECTIONS);
        double sd = Math.sqrt(1.0 / (p * n));
        for (int i = 0; i < couplings.length; i++) {
            // Every Gaussian is drawn, present link or not, so that G_ij is the dense network's draw.
            double gaussian = rj.nextGaussian();
            if (p == 1 || links.nextDouble() < p) couplings[i] = (float) (sd * gaussian);
        }
        this.x0 = initialState(n, seed);
        this.u = uniform(n, -1, 1, SeededRandom.of(seed, SeededRandom.Stream.INPUT_WEIGHTS));
        double b = 1 / Math.sqrt(n);
        this.w0 = uniform(n, -b, b, SeededRandom.of(seed, SeededRandom.Stream.READOUT_WEIGHTS));
        double[] theta = inputPhases(n, seed);
        this.phaseCos = new double[n];
        this.phaseSin = new double[n];
        for (int i = 0; i < n; i++) {
            phaseCos[i] = StrictMath.cos(theta[i]);
            phaseSin[i] = StrictMath.sin(theta[i]);
        }
    }

    /** The dense network ({@code p = 1}) of {@code (n, seed)}. */
    public static Network create(int n, long seed) {
        return create(n, seed, 1);
    }

    /** The network of {@code (n, seed)} with connection probability {@code p} in {@code (0, 1]}. */
    public static Network create(int n, long seed, double p) {
        if (n < 1) throw new IllegalArgumentException("n must be positive: " + n);
        if (!(p > 0 && p <= 1)) throw new IllegalArgumentException("p must be in (0, 1]: " + p);
        return new Network(n, seed, p);
    }

    private static double[] uniform(int n, double lo, double hi, RandomGenerator rng) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) v[i] = rng.nextDouble(lo, hi);
        return v;
    }

    public int n() {
        return n;
    }

    public long seed() {
        return seed;
    }

    /** The connection probability: each {@code J_ij} is nonzero with this probability (1: dense). */
    public double p() {
        return p;
    }

    /** {@code J_ij}. */
    public double coupling(int i, int j) {
        return couplings[i * n + j];
    }

    /** A copy of {@code J} as an EJML matrix (for analysis and export; the dynamics use the shared array). */
    public DMatrixRMaj couplingMatrix() {
        double[] copy = new double[couplings.length];
        for (int i = 0; i < copy.length; i++) copy[i] = couplings[i];
        return DMatrixRMaj.wrap(n, n, copy);
    }

    /** Row {@code i} of {@code J} into {@code out} (length n): for writing {@code J} without a second n x n copy. */
    public void couplingRow(int i, double[] out) {
        for (int j = 0; j < n; j++) out[j] = couplings[i * n + j];
    }

    /** {@code x0}, drawn from the network's own seed. */
    public double[] initialState() {
        return x0.clone();
    }

    /**
     * {@code x0_i ~ Uniform(-0.5, 0.5)} drawn from {@code x0seed}'s initial-state stream: the same network started
     * from another state. {@code initialState(n, seed)} is the network's own {@link #initialState()}, bit for bit.
     */
    public static double[] initialState(int n, long x0seed) {
        return uniform(n, -0.5, 0.5, SeededRandom.of(x0seed, SeededRandom.Stream.INITIAL_STATE));
    }

    public double[] inputWeights() {
        return u.clone();
    }

    public double[] initialReadout() {
        return w0.clone();
    }

    /** {@code out = J r}: the product every step of every run makes. Writes only {@code out}. */
    public void multiplyCouplings(double[] r, double[] out) {
        Kernels.multiply(couplings, n, r, out);
    }

    /**
     * {@code out = J R} for {@code k} vectors stored one after the other ({@code r[b n + j]}, see
     * {@link Kernels#multiplyBatch}): {@code J} streams from memory once for the whole batch. Writes only
     * {@code out[0, k n)}.
     */
    public void multiplyCouplings(double[] r, int k, double[] out) {
        Kernels.multiplyBatch(couplings, n, r, k, out);
    }

    double[] inputWeightsShared() {
        return u;
    }

    /** {@code theta_i ~ Uniform[0, 2 pi)}, the phases of a random-phase drive, from the seed's own stream. */
    public static double[] inputPhases(int n, long seed) {
        return uniform(n, 0, 2 * Math.PI, SeededRandom.of(seed, SeededRandom.Stream.INPUT_PHASES));
    }

    double[] phaseCosinesShared() {
        return phaseCos;
    }

    double[] phaseSinesShared() {
        return phaseSin;
    }

    /** Bytes held, for bounded caches. */
    public long sizeInBytes() {
        return 4L * couplings.length + 8L * 5 * n;
    }
}
