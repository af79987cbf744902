package org.rnnlab.experiment;

import java.util.List;
import java.util.concurrent.CancellationException;
import org.rnnlab.core.BatchRun;
import org.rnnlab.core.Network;
import org.rnnlab.core.RunControl;
import org.rnnlab.core.Sample;

/**
 * The same network run from {@code x0} and from {@code x0 + eps d} ({@code d} a random unit vector) side by side,
 * without renormalising: the plotted neurons of both, and the distance {@code |x - x'|} at each output time. On a
 * log axis the distance is a straight line of slope λ (the largest Lyapunov exponent) from the end of a short
 * transient until it saturates at the size of the attractor; {@link #slope} fits it there.
 *
 * @param times       output times
 * @param first       plotted neuron j of the run from x0: {@code first[j][k]}
 * @param second      the same neurons of the run from the nearby start
 * @param logDistance natural log of the Euclidean distance between the two states
 */
public record NearbyStarts(int[] neurons, double[] times, double[][] first, double[][] second, double[] logDistance) {
    /** Left out of the fit: the twin first aligns with the most unstable direction. */
    public static final double TRANSIENT = 5;
    /** Fit only while the distance is below this fraction of sqrt(n): the states are still close. */
    static final double SATURATION_FRACTION = 1e-2;
    /**
     * Fit only while the distance is above this: about a thousand times the rounding of states of order one. Below
     * it (reached at g = 0.5 near t = 30 from eps = 1e-8) the two runs differ by rounding, not by dynamics.
     */
    static final double NOISE_FLOOR = 1e-13;

    /** Runs the pair for {@code config} (exercise 1 or 2) on {@code network}, honouring {@code control} at each sample. */
    public static NearbyStarts compute(ExperimentConfig config, Network network, RunControl control) throws InterruptedException {
        double[] x0 = config.initialState(network);
        double[] x1 = BatchRun.nearbyStart(x0, config.eps(), network.seed());
        BatchRun pair = new BatchRun(network, List.of(new BatchRun.Trajectory(config.g(), config.drive(), x0),
                new BatchRun.Trajectory(config.g(), config.drive(), x1)), config.tmax(), config.points());
        int n = network.n();
        int[] neurons = config.plottedNeurons();
        int samples = pair.sampleCount();
        double[] times = new double[samples];
        double[][] a = new double[neurons.length][samples];
        double[][] b = new double[neurons.length][samples];
        double[] logDistance = new double[samples];
        boolean finished = pair.runToEnd((Sample s) -> {
            int k = s.index();
            double[] both = s.state();
            times[k] = s.time();
            for (int j = 0; j < neurons.length; j++) {
                a[j][k] = both[neurons[j]];
                b[j][k] = both[n + neurons[j]];
            }
            double sum = 0;
            for (int i = 0; i < n; i++) sum += (both[i] - both[n + i]) * (both[i] - both[n + i]);
            logDistance[k] = 0.5 * StrictMath.log(sum);
        }, control);
        if (!finished) throw new CancellationException();
        return new NearbyStarts(neurons, times, a, b, logDistance);
    }

    /**
     * The least-squares slope of the log distance over {@code t >= TRANSIENT} while the distance stays between
     * {@code NOISE_FLOOR} and {@code SATURATION_FRACTION * sqrt(n)}: an estimate of the largest Lyapunov exponent,
     * per unit time. NaN when fewer than three samples qualify. Its standard error comes from {@value #BLOCKS} consecutive
     * blocks of the window: the growth rate over each block, {@code sd / sqrt(blocks)} (consecutive samples of the log
     * distance are correlated, so the residuals of the one fit would understate it); NaN with fewer than
     * {@code 2 * BLOCKS} samples.
     *
     * @return {slope, intercept, first time, last time, standard error}
     */
    public double[] slope(int n) {
        double limit = StrictMath.log(SATURATION_FRACTION * Math.sqrt(n));
        double st = 0, sy = 0, stt = 0, sty = 0;
        int m = 0;
        int first = -1;
        double from = Double.NaN, to = Double.NaN;
        for (int k = 0; k < times.length; k++) {
            if (times[k] < TRANSIENT) continue;
            if (logDistance[k] > limit || logDistance[k] < StrictMath.log(NOISE_FLOOR)) break;
            if (m == 0) {
                from = times[k];
                first = k;
            }
            to = times[k];
            st += times[k];
            sy += logDistance[k];
            stt += times[k] * times[k];
            sty += times[k] * logDistance[k];
            m++;
        }
        if (m < 3) return new double[] {Double.NaN, Double.NaN, from, to, Double.NaN};
        double slope = (m * sty - st * sy) / (m * stt - st * st);
        return new double[] {slope, (sy - slope * st) / m, from, to, blockError(first, m)};
    }

    /** Blocks of the fitting window whose growth rates give the slope's standard error. */
    public static final int BLOCKS = 5;

    private double blockError(int first, int m) {
        if (m < 2 * BLOCKS) return Double.NaN;
        double[] rate = new double[BLOCKS];
        double mean = 0;
        for (int b = 0; b < BLOCKS; b++) {
            int i = first + b * (m - 1) / BLOCKS;
            int j = first + (b + 1) * (m - 1) / BLOCKS;
            rate[b] = (logDistance[j] - logDistance[i]) / (times[j] - times[i]);
            mean += rate[b] / BLOCKS;
        }
        double squares = 0;
        for (double r : rate) squares += (r - mean) * (r - mean);
        return Math.sqrt(squares / (BLOCKS - 1) / BLOCKS);
    }
}
