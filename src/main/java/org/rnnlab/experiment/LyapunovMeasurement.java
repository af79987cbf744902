package org.rnnlab.experiment;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.rnnlab.core.BatchRun;
import org.rnnlab.core.LyapunovEstimate;
import org.rnnlab.core.Network;
import org.rnnlab.core.RunControl;
import org.rnnlab.core.SampleSink;

/**
 * The largest Lyapunov exponent of exercise-1 and -2 configs, as the headless runner, the downloads and the
 * sweeps measure it: each config's trajectory (its gain, drive and {@code x0}) and a twin started {@code eps}
 * away, integrated by {@link BatchRun#withLyapunov} with every other config on the same network in one batch.
 *
 * <p>This is a computation of its own, beside the run that writes a config's files with the config's own solver:
 * the batch's Dormand-Prince 5(4) takes other steps, so its trajectory agrees with the run's to the solvers'
 * tolerances only for as long as chaos has not amplified the difference; the exponent, a property of the
 * attractor, does not depend on it. In a batch of several configs the step size is shared (the largest error
 * over the batch decides it), so a config's estimate moves slightly with its company, within its standard error.
 */
public final class LyapunovMeasurement {
    /** Most trajectories (each with its twin) in one batch: the batch holds about {@code 20 k n} doubles. */
    public static final int MAX_BATCH = 16;
    /** The first {@value} of the run is left out as transient ({@link BatchRun#lyapunov(int)}). */
    public static final double TRANSIENT_FRACTION = 0.1;

    private LyapunovMeasurement() {}

    /** How the exponent is measured, in words, for the files that report it. */
    public static String method() {
        return "twin trajectory (Benettin), Dormand-Prince 5(4) batch (tolerance " + Numbers.format(BatchRun.TOLERANCE)
                + "), renormalised every " + Numbers.format(BatchRun.LYAPUNOV_INTERVAL)
                + " time unit to distance eps; mean log growth per unit time after the first tenth of the run,"
                + " standard error from " + LyapunovEstimate.BLOCKS + " block means";
    }

    /** Whether the exponent of {@code config} can be measured (exercises 1 and 2). */
    public static boolean applies(ExperimentConfig config) {
        return !config.isForce();
    }

    /** Whether two configs can be integrated in one batch: the same network ({@code n, seed}), {@code tmax} and {@code eps}. */
    public static boolean shareABatch(ExperimentConfig a, ExperimentConfig b) {
        return applies(a) && applies(b) && a.n() == b.n() && a.seed() == b.seed() && a.p() == b.p() && a.tmax() == b.tmax() && a.eps() == b.eps();
    }

    /**
     * The estimate of each config, in order, all on {@code network} (their {@code (n, seed, p)}), in batches of at most
     * {@link #MAX_BATCH}, honouring {@code control} once per unit of simulated time.
     *
     * @return null when cancelled
     * @throws IllegalArgumentException when the configs cannot share a batch
     */
    public static @Nullable List<LyapunovEstimate> measure(List<ExperimentConfig> configs, Network network, RunControl control)
            throws InterruptedException {
        ExperimentConfig first = configs.get(0);
        for (ExperimentConfig c : configs) {
            if (!shareABatch(first, c) || c.n() != network.n() || c.seed() != network.seed() || c.p() != network.p()) {
                throw new IllegalArgumentException("not one batch on this network: " + c.toLink());
            }
        }
        // One sample per unit of time: the sink keeps nothing; the samples are where pause and cancel act.
        int samples = Math.max(2, (int) Math.floor(first.tmax()) + 1);
        List<LyapunovEstimate> out = new ArrayList<>();
        for (List<ExperimentConfig> chunk : batches(configs)) {
            List<BatchRun.Trajectory> trajectories = chunk.stream().map(c -> c.trajectory(network)).toList();
            BatchRun batch = BatchRun.withLyapunov(network, trajectories, first.eps(), BatchRun.LYAPUNOV_INTERVAL, first.tmax(),
                    samples);
            if (!batch.runToEnd(SampleSink.NONE, control)) return null;
            for (int b = 0; b < chunk.size(); b++) out.add(batch.lyapunov(b, TRANSIENT_FRACTION * first.tmax()));
        }
        return out;
    }

    /** {@code items} in consecutive pieces of at most {@link #MAX_BATCH}: the batches {@link #measure} integrates together. */
    public static <T> List<List<T>> batches(List<T> items) {
        List<List<T>> out = new ArrayList<>();
        for (int from = 0; from < items.size(); from += MAX_BATCH) out.add(items.subList(from, Math.min(items.size(), from + MAX_BATCH)));
        return out;
    }

    /** Start of the intervals the estimate averages: the transient rounded up to a whole interval. */
    public static double from(LyapunovEstimate e) {
        int intervals = e.logGrowth().length;
        return Math.min(intervals, Math.ceil(e.transientTime() / e.interval() - 1e-9)) * e.interval();
    }

    /** End of the last interval the estimate averages. */
    public static double to(LyapunovEstimate e) {
        return e.logGrowth().length * e.interval();
    }
}
