package org.rnnlab.core;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * {@code k} runs of exercises 1 and 2 on one network, integrated together and sampled on the same grid as {@link FreeRun},
 * {@code linspace(0, tmax, samples)}. Each trajectory has its own gain, drive and initial state: the three
 * gains of exercise 1 or the nine cells of exercise 2 are one batch. Two engines: {@link #adams} ({@link
 * BatchAdams}: each trajectory its own steps, only the products {@code J R} shared; what every run uses) and
 * Dormand-Prince 5(4) ({@link BatchDormandPrince}: one step size for the batch, each stage one product; what the
 * Lyapunov twins use, since they are renormalised every {@code tau}).
 *
 * <p>Each {@link Sample} carries the whole batch: {@code state[b n + i]} is neuron {@code i} of trajectory
 * {@code b} (so a {@link TraceLog} keeping states keeps all of them). {@link #perTrajectory} splits the stream
 * into one ordinary run's samples per trajectory. One sample per {@link #advance} call: the integrator keeps
 * its state between calls, so {@link Simulation#runToEnd} pauses and cancels between samples at no cost.
 */
public final class BatchRun implements Simulation {
    /**
     * Local tolerance (absolute = relative) of the batched Dormand-Prince 5(4), set by the hardest case, the
     * nine cells of exercise 2, against Dormand-Prince 8(5,3) at {@code 1e-12} (maximum error over all neurons
     * and 500 points of {@code t in [0, 50]}; seed 1): at {@code n = 1000} 2.4e-8 in 9,650 batched evaluations,
     * below {@code odeint}'s 6e-8 (3e-9 would give 8.7e-8); exercise 1 as one batch 3.1e-9 in 2,894. Chaos
     * amplifies local errors differently per network: at {@code n = 200}, seeds 1 to 4 gave 6.0, 2.1, 1.5 and
     * 2.1e-8. Adams-Moulton run cell by cell needs 40,495 evaluations for the nine cells (LSODA 26,707).
     */
    public static final double TOLERANCE = 1e-9;
    /**
     * Local tolerance of {@link #adams} (absolute = relative, LSODE's weighted RMS norm). Measured at {@code n = 1000},
     * seed 1, against Dormand-Prince 8(5,3) at {@code 1e-12} (max over all neurons and 500 points of [0, 50]):
     * exercise 1 (three g) 1.4e-8 in 2,314 evaluations, the nine cells of exercise 2 2.4e-8 in 23,720; the seed's
     * {@code odeint} gives 6.1e-8 and 4.4e-7 on the same network ({@code tools/bench_vs_seed.py}), LSODA taking
     * ~2,550 and 26,707 evaluations. At 2e-9: 4.2e-8 in 2,155 and 22,223;
     * at {@code n = 200} that already exceeded odeint's 6e-8 once (9e-8, g = 1.5), so 1e-9 keeps a margin.
     */
    public static final double ADAMS_TOLERANCE = 1e-9;
    /** The twins' default initial separation {@code eps} (see {@link TwinLyapunov}): what a config starts from. */
    public static final double LYAPUNOV_SEPARATION = TwinLyapunov.SEPARATION;
    /** The twins' renormalisation interval {@code tau}. */
    public static final double LYAPUNOV_INTERVAL = TwinLyapunov.INTERVAL;

    /** One member of the batch: gain, drive and initial state (copied). */
    public record Trajectory(double g, Drive drive, double[] initialState) {
        public Trajectory {
            initialState = initialState.clone();
        }

        /** The run of {@code network} from its own {@code x0}, as {@link FreeRun} starts. */
        public static Trajectory of(Network network, double g, Drive drive) {
            return new Trajectory(g, drive, network.initialState());
        }

        @Override
        public double[] initialState() {
            return initialState.clone();
        }
    }

    private final BatchModel model;
    /** The integrator: Dormand-Prince (one step size for the batch; the twins need it) or per-trajectory Adams. */
    private final @Nullable BatchDormandPrince integrator;
    private final @Nullable BatchAdams adams;
    private final @Nullable TwinLyapunov twins;
    private final int size;
    private final double tmax;
    private final int samples;
    /** The whole batch state, twins included. */
    private final double[] all;
    /** The trajectories' part of it, as emitted: {@code all} itself when there are no twins. */
    private final double[] x;
    private int done;

    public BatchRun(Network network, List<Trajectory> trajectories, double tmax, int samples) {
        this(network, trajectories, TOLERANCE, tmax, samples);
    }

    public BatchRun(Network network, List<Trajectory> trajectories, double tolerance, double tmax, int samples) {
        this(network, trajectories, tolerance, tmax, samples, null);
    }

    /**
     * The batch with a twin of each trajectory for its largest Lyapunov exponent ({@link #lyapunov(int)}),
     * {@code eps = 1e-8}, {@code tau = 1}: see {@link TwinLyapunov}. The batch is {@code 2k} trajectories; the
     * samples still show only the {@code k}, so this run can stand in for the plain one. The twins' step
     * control is the same as the trajectories', so they take nearly the same steps; the extra cost is the wider
     * product and one evaluation per {@code tau}.
     */
    /**
     * A start {@code eps} away from {@code x0} in a random direction: the twin that {@link #withLyapunov} starts from
     * (stream TWIN_DIRECTION of {@code seed}), here for a pair integrated without renormalising, to watch it part.
     */
    public static double[] nearbyStart(double[] x0, double eps, long seed) {
        double[] out = new double[x0.length];
        TwinLyapunov.displace(x0, 0, out, 0, x0.length, eps, SeededRandom.of(seed, SeededRandom.Stream.TWIN_DIRECTION));
        return out;
    }

    public static BatchRun withLyapunov(Network network, List<Trajectory> trajectories, double tmax, int samples) {
        return withLyapunov(network, trajectories, TwinLyapunov.SEPARATION, TwinLyapunov.INTERVAL, tmax, samples);
    }

    public static BatchRun withLyapunov(Network network, List<Trajectory> trajectories, double separation, double interval,
            double tmax, int samples) {
        return new BatchRun(network, trajectories, TOLERANCE, tmax, samples,
                new TwinLyapunov(trajectories.size(), network.n(), separation, interval, tmax));
    }

    /**
     * The runs of exercises 1 and 2 as they are computed everywhere ({@code solver=adams}, the default): each
     * trajectory with its own variable-order Adams steps ({@link BatchAdams}, tolerance {@link #ADAMS_TOLERANCE}),
     * only the products shared. A trajectory's numbers do not depend on the batch: a run alone is a batch of one.
     */
    public static BatchRun adams(Network network, List<Trajectory> trajectories, double tmax, int samples) {
        return adams(network, trajectories, ADAMS_TOLERANCE, tmax, samples);
    }

    /** {@link #adams(Network, List, double, int)} at another tolerance (for accuracy studies and benchmarks). */
    public static BatchRun adams(Network network, List<Trajectory> trajectories, double tolerance, double tmax, int samples) {
        return new BatchRun(network, trajectories, tolerance, tmax, samples, null, true);
    }

    private BatchRun(Network network, List<Trajectory> trajectories, double tolerance, double tmax, int samples,
            @Nullable TwinLyapunov twins) {
        this(network, trajectories, tolerance, tmax, samples, twins, false);
    }

    private BatchRun(Network network, List<Trajectory> trajectories, double tolerance, double tmax, int samples,
            @Nullable TwinLyapunov twins, boolean useAdams) {
        int k = trajectories.size();
        int n = network.n();
        int copies = twins == null ? 1 : 2;
        double[] gains = new double[copies * k];
        Drive[] drives = new Drive[copies * k];
        this.all = new double[copies * k * n];
        for (int b = 0; b < k; b++) {
            Trajectory tr = trajectories.get(b);
            if (tr.initialState.length != n) throw new IllegalArgumentException("initial state " + b + " has " + tr.initialState.length + " neurons, not " + n);
            for (int c = 0; c < copies; c++) {
                gains[c * k + b] = tr.g();
                drives[c * k + b] = tr.drive();
            }
            System.arraycopy(tr.initialState, 0, all, b * n, n);
        }
        if (twins != null) twins.placeTwins(all, network.seed());
        this.x = twins == null ? all : new double[k * n];
        if (twins != null) System.arraycopy(all, 0, x, 0, x.length);
        this.model = new BatchModel(network, gains, drives);
        this.integrator = useAdams ? null : new BatchDormandPrince(model, tolerance, 0, all);
        this.adams = useAdams ? new BatchAdams(model, tolerance, AdaptiveIntegrator.MAX_STEP, 0, all) : null;
        this.twins = twins;
        this.size = k;
        this.tmax = tmax;
        this.samples = samples;
    }

    /** Trajectories in the batch ({@code k}). */
    public int size() {
        return size;
    }

    /** Neurons per trajectory ({@code n}). */
    public int neurons() {
        return model.n();
    }

    public double timeOf(int k) {
        return FreeRun.outputTime(tmax, samples, k);
    }

    @Override
    public int sampleCount() {
        return samples;
    }

    @Override
    public int samplesDone() {
        return done;
    }

    @Override
    public double time() {
        return done == 0 ? 0 : timeOf(done - 1);
    }

    @Override
    public double endTime() {
        return tmax;
    }

    /** The batch state at {@link #time()}, {@code k n} values, trajectory after trajectory (a copy). */
    @Override
    public double[] state() {
        return x.clone();
    }

    /** Right-hand side evaluations so far, each one batched product {@code J R}: the cost of the batch. */
    public long evaluations() {
        return model.evaluations();
    }

    /**
     * Right-hand sides evaluated so far, summed over the trajectories: the vector products. With Dormand-Prince,
     * where every trajectory is in every product, {@code k} times {@link #evaluations()}.
     */
    public long vectorEvaluations() {
        if (adams == null) return model.evaluations() * model.k();
        long sum = 0;
        for (int b = 0; b < model.k(); b++) sum += adams.evaluations(b);
        return sum;
    }

    /** Accepted steps so far (with Adams, summed over the trajectories). */
    public long steps() {
        if (adams == null) return integrator.steps();
        long sum = 0;
        for (int b = 0; b < model.k(); b++) sum += adams.steps(b);
        return sum;
    }

    /** Emits the next output time's sample: {@code t = 0} first, then one integrator call per sample. */
    @Override
    public void advance(SampleSink sink) {
        if (isFinished()) throw new IllegalStateException("run finished");
        double t = timeOf(done);
        if (done > 0) {
            if (adams != null) {
                adams.advanceTo(t, all);
            } else if (twins == null) {
                integrator.advanceTo(t, all);
            } else {
                // Renormalise at every m tau up to t, landing exactly there; no step crosses the next one.
                while (twins.nextTime() <= t) {
                    integrator.landAt(twins.nextTime());
                    integrator.copyState(all);
                    twins.renormalise(all);
                    integrator.restart(all);
                }
                integrator.advanceTo(t, twins.nextTime(), all);
                System.arraycopy(all, 0, x, 0, x.length);
            }
        }
        sink.onSample(Sample.free(done, t, x));
        done++;
    }

    /**
     * The largest Lyapunov exponent of trajectory {@code b} so far, leaving out the first tenth of the run as
     * transient (the state forgets {@code x0} and the twin aligns with the most unstable direction).
     *
     * @throws IllegalStateException if the batch was not made {@link #withLyapunov}
     */
    public LyapunovEstimate lyapunov(int b) {
        return lyapunov(b, tmax / 10);
    }

    /** As {@link #lyapunov(int)}, leaving out the intervals that start before {@code transientTime}. */
    public LyapunovEstimate lyapunov(int b, double transientTime) {
        if (twins == null) throw new IllegalStateException("this batch has no twins: make it withLyapunov");
        return twins.estimate(b, transientTime);
    }

    /**
     * A sink for this batch that hands trajectory {@code b}'s samples to {@code sinks.get(b)} as if it were a
     * run of its own: each sees {@code n}-neuron states (copied to a buffer of its own, valid during the call)
     * and, in {@code onStart}/{@code onFinish}, a read-only view of its trajectory. A sink may be
     * {@link SampleSink#NONE}.
     */
    public SampleSink perTrajectory(List<? extends SampleSink> sinks) {
        if (sinks.size() != size()) throw new IllegalArgumentException(sinks.size() + " sinks for " + size() + " trajectories");
        int n = neurons();
        Slice[] views = new Slice[size()];
        for (int b = 0; b < views.length; b++) views[b] = new Slice(b);
        double[][] buffers = new double[size()][n];
        return new SampleSink() {
            @Override
            public void onStart(Simulation simulation) {
                for (int b = 0; b < views.length; b++) sinks.get(b).onStart(views[b]);
            }

            @Override
            public void onSample(Sample sample) {
                for (int b = 0; b < views.length; b++) {
                    System.arraycopy(sample.state(), b * n, buffers[b], 0, n);
                    sinks.get(b).onSample(Sample.free(sample.index(), sample.time(), buffers[b]));
                }
            }

            @Override
            public void onFinish(Simulation simulation) {
                for (int b = 0; b < views.length; b++) sinks.get(b).onFinish(views[b]);
            }
        };
    }

    /** Trajectory {@code b} seen as a run: progress of the batch, its own state; advanced only through the batch. */
    private final class Slice implements Simulation {
        private final int b;

        Slice(int b) {
            this.b = b;
        }

        @Override
        public int sampleCount() {
            return BatchRun.this.sampleCount();
        }

        @Override
        public int samplesDone() {
            return BatchRun.this.samplesDone();
        }

        @Override
        public double time() {
            return BatchRun.this.time();
        }

        @Override
        public double endTime() {
            return BatchRun.this.endTime();
        }

        @Override
        public double[] state() {
            int n = neurons();
            double[] out = new double[n];
            System.arraycopy(x, b * n, out, 0, n);
            return out;
        }

        @Override
        public void advance(SampleSink sink) {
            throw new UnsupportedOperationException("a trajectory of a batch advances with its batch");
        }
    }
}
