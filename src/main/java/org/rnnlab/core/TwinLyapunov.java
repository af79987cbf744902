package org.rnnlab.core;

import java.util.Arrays;
import java.util.random.RandomGenerator;

/**
 * Benettin's twin-trajectory estimate of the largest Lyapunov exponent (Benettin, Galgani and Strelcyn 1976),
 * for the {@code k} trajectories of a batch that also carries a twin of each: the batch state is
 * {@code [x_0 .. x_{k-1}, x'_0 .. x'_{k-1}]}, each {@code n} long, with the same {@code J}, gain and drive
 * for a trajectory and its twin. Every {@code tau} time units the integrator lands on
 * {@code t = m tau}, the distance {@code d = |x' - x|} (Euclidean over the {@code n} neurons) is recorded as
 * {@code log(d / eps)} and the twin is moved back to {@code x + eps (x' - x) / d}: it keeps pointing along the
 * most unstable direction, and stays close enough that it follows the linearised flow.
 *
 * <p>{@code eps = 1e-8} ({@link #SEPARATION}): small enough that the perturbation stays linear over an interval
 * (per neuron {@code eps / sqrt(n) ~ 3e-10}, against the curvature of {@code tanh} of order 1, even after growing
 * {@code e^{lambda tau} < 2} times), large enough that round-off in {@code x' - x} (about {@code 1e-16} of
 * {@code |x| ~ 1} per neuron, i.e. a relative {@code 3e-7} of the difference per operation) stays far below the
 * growth measured. The integration error of the pair is nearly the same for both members (same steps, nearby
 * states), so it hardly enters the difference. {@code tau = 1} ({@link #INTERVAL}): the growth per interval is
 * modest ({@code e^{0.35}} at g = 4) and renormalising costs one extra evaluation per interval.
 */
final class TwinLyapunov {
    /** {@code eps}: the twin's distance after each renormalisation (see above). */
    static final double SEPARATION = 1e-8;
    /** {@code tau}: time between renormalisations. */
    static final double INTERVAL = 1.0;

    private final int k;
    private final int n;
    private final double separation;
    private final double interval;
    private final double[][] growth;
    private int intervals;

    TwinLyapunov(int k, int n, double separation, double interval, double tmax) {
        this.k = k;
        this.n = n;
        this.separation = separation;
        this.interval = interval;
        this.growth = new double[k][(int) Math.floor(tmax / interval + 1e-9)];
    }

    /** Writes each twin, {@code x'_b = x_b + eps d_b} with {@code d_b} a random unit vector (stream TWIN_DIRECTION of {@code seed}). */
    void placeTwins(double[] state, long seed) {
        RandomGenerator rng = SeededRandom.of(seed, SeededRandom.Stream.TWIN_DIRECTION);
        for (int b = 0; b < k; b++) displace(state, b * n, state, (k + b) * n, n, separation, rng);
    }

    /**
     * {@code to[toOffset..] = from[fromOffset..] + eps d} over {@code n} entries, with {@code d} the next random unit
     * vector of {@code rng} (isotropic: normalised Gaussian draws).
     */
    static void displace(double[] from, int fromOffset, double[] to, int toOffset, int n, double eps, RandomGenerator rng) {
        double[] d = new double[n];
        double norm = 0;
        for (int i = 0; i < n; i++) {
            d[i] = rng.nextGaussian();
            norm += d[i] * d[i];
        }
        double scale = eps / Math.sqrt(norm);
        for (int i = 0; i < n; i++) to[toOffset + i] = from[fromOffset + i] + scale * d[i];
    }

    /** Time of the next renormalisation, {@code (m + 1) tau}; past the end once all are done. */
    double nextTime() {
        return intervals < growth[0].length ? (intervals + 1) * interval : Double.POSITIVE_INFINITY;
    }

    /** At {@link #nextTime()}: records {@code log(d_b / eps)} and moves each twin back to distance {@code eps}. */
    void renormalise(double[] state) {
        for (int b = 0; b < k; b++) {
            int x = b * n;
            int twin = (k + b) * n;
            double sum = 0;
            for (int i = 0; i < n; i++) {
                double diff = state[twin + i] - state[x + i];
                sum += diff * diff;
            }
            double d = Math.sqrt(sum);
            growth[b][intervals] = StrictMath.log(d / separation);
            double scale = separation / d;
            for (int i = 0; i < n; i++) state[twin + i] = state[x + i] + scale * (state[twin + i] - state[x + i]);
        }
        intervals++;
    }

    /** The estimate for trajectory {@code b} from the intervals completed so far. */
    LyapunovEstimate estimate(int b, double transientTime) {
        return LyapunovEstimate.of(Arrays.copyOf(growth[b], intervals), separation, interval, transientTime);
    }
}
