package org.rnnlab.experiment;

import java.util.LinkedHashMap;
import java.util.Map;
import org.rnnlab.core.BatchRun;
import org.rnnlab.core.Drive;
import org.rnnlab.core.ForceMode;
import org.rnnlab.core.ForceRun;
import org.rnnlab.core.Integrator;
import org.rnnlab.core.Network;
import org.rnnlab.core.SeededRandom;
import org.rnnlab.core.Simulation;
import org.rnnlab.core.Target;

/**
 * Everything that determines one run's numbers. Immutable and valid by construction (it is only made
 * from {@link Schema}-checked values). Fields that do not apply to the exercise keep their defaults.
 *
 * @param exercise 1 transition to chaos, 2 driven network, 3 FORCE learning
 * @param plot     how many neurons the charts show (chosen at random from the seed)
 * @param points   output samples on {@code [0, tmax]} (exercises 1 and 2)
 * @param train    end of learning (exercise 3)
 * @param x0seed   the seed of the initial state {@code x0}, or {@link #X0_FROM_SEED}: drawn from {@code seed}, as
 *                 every link before this key did ({@code x0seed == seed} is stored so too: it is the same state)
 * @param eps      initial separation of the twin trajectory that measures the largest Lyapunov exponent
 *                 (exercises 1 and 2; it does not change the run's own numbers)
 * @param p        connection probability of {@code J} (1: dense, as every link before this key; see {@link Network})
 * @param phases   how the drive's phase varies over the neurons (exercise 2; {@link Drive.Phases#ONE}, the seed's, for
 *                 every link before this key)
 */
public record ExperimentConfig(
        int exercise,
        int n,
        double g,
        long seed,
        double tmax,
        int plot,
        int points,
        Integrator.Method solver,
        double amplitude,
        double omega,
        ForceMode mode,
        double alpha,
        double train,
        Target target,
        long x0seed,
        double eps,
        double p,
        Drive.Phases phases) {

    /** Step of the fixed-step RK4 solver: its error is then ~1e-7, close to the adaptive solver's tolerance. */
    public static final double RK4_STEP = 0.02;
    /** {@code x0seed} when not set: {@code x0} comes from {@code seed}. */
    public static final long X0_FROM_SEED = -1;

    public ExperimentConfig {
        if (x0seed == seed) x0seed = X0_FROM_SEED;
    }

    /** The seed's settings for each exercise. */
    public static ExperimentConfig defaults(int exercise) {
        return switch (exercise) {
            case 1 -> new ExperimentConfig(1, 1000, 1.5, 1, 50, 10, 500, Integrator.Method.ADAMS, 0, 0,
                    ForceMode.NOTEBOOK, 1, 300, Target.COSINE, X0_FROM_SEED, BatchRun.LYAPUNOV_SEPARATION, 1, Drive.Phases.ONE);
            case 2 -> new ExperimentConfig(2, 1000, 1.5, 1, 50, 3, 500, Integrator.Method.ADAMS, 2, 2,
                    ForceMode.NOTEBOOK, 1, 300, Target.COSINE, X0_FROM_SEED, BatchRun.LYAPUNOV_SEPARATION, 1, Drive.Phases.ONE);
            case 3 -> new ExperimentConfig(3, 1000, 1.5, 1, 800, 10, 500, Integrator.Method.ADAMS, 0, 0,
                    ForceMode.NOTEBOOK, 1, 300, Target.COSINE, X0_FROM_SEED, BatchRun.LYAPUNOV_SEPARATION, 1, Drive.Phases.ONE);
            default -> throw new IllegalArgumentException("exercise must be 1, 2 or 3: " + exercise);
        };
    }

    /**
     * This config as link values, in schema order, with only the keys of its exercise; optional keys
     * ({@code p}, {@code x0seed}, {@code eps}) only when they differ from their default.
     */
    public Map<String, String> values() {
        Map<String, String> out = new LinkedHashMap<>();
        out.put("v", Integer.toString(LinkCodec.VERSION));
        out.put("exercise", Integer.toString(exercise));
        for (ParamSpec spec : Schema.specs(exercise, Limits.DEFAULT)) {
            String value = spec.read().apply(this);
            // An optional key at its default is left out: links made before it existed read as they did.
            if (!value.isEmpty()) out.put(spec.key(), value);
        }
        return out;
    }

    /** Builds a config from values that {@link Schema} has checked; missing keys take the exercise's defaults. */
    static ExperimentConfig fromValues(int exercise, Map<String, String> values) {
        Builder b = new Builder(defaults(exercise));
        for (ParamSpec spec : Schema.specs(exercise, Limits.DEFAULT)) {
            String value = values.get(spec.key());
            if (value != null) spec.write().accept(b, value);
        }
        return b.build();
    }

    /**
     * This config with {@code key} set to {@code value} (link text), checked as a link is: the result names what is
     * wrong, and keeps this config's value for it.
     */
    public LinkCodec.Parsed with(String key, String value, Limits limits) {
        Map<String, String> values = values();
        values.put(key, value);
        return LinkCodec.parse(LinkCodec.format(values), limits);
    }

    /** The fields of a config being made, written by the schema's {@link ParamSpec#write()} (package-private). */
    static final class Builder {
        int exercise;
        int n;
        double g;
        long seed;
        double tmax;
        int plot;
        int points;
        Integrator.Method solver;
        double amplitude;
        double omega;
        ForceMode mode;
        double alpha;
        double train;
        Target target;
        long x0seed;
        double eps;
        double p;
        Drive.Phases phases;

        Builder(ExperimentConfig c) {
            exercise = c.exercise;
            n = c.n;
            g = c.g;
            seed = c.seed;
            tmax = c.tmax;
            plot = c.plot;
            points = c.points;
            solver = c.solver;
            amplitude = c.amplitude;
            omega = c.omega;
            mode = c.mode;
            alpha = c.alpha;
            train = c.train;
            target = c.target;
            x0seed = c.x0seed;
            eps = c.eps;
            p = c.p;
            phases = c.phases;
        }

        ExperimentConfig build() {
            return new ExperimentConfig(exercise, n, g, seed, tmax, plot, points, solver, amplitude, omega, mode, alpha, train, target, x0seed, eps, p, phases);
        }
    }

    public boolean isForce() {
        return exercise == 3;
    }

    /** The neurons the charts show: {@code plot} distinct indices drawn from the seed, sorted. */
    public int[] plottedNeurons() {
        return SeededRandom.choose(seed, n, plot);
    }

    /** The seed {@code x0} is drawn from: {@code x0seed} when set, else {@code seed}. */
    public long initialStateSeed() {
        return x0seed == X0_FROM_SEED ? seed : x0seed;
    }

    /** This config's network, built anew (the web app shares built ones through its cache). */
    public Network createNetwork() {
        return Network.create(n, seed, p);
    }

    /** This run as a member of a batch on {@code network} (its own gain, drive and start), for {@link BatchRun}. */
    public BatchRun.Trajectory trajectory(Network network) {
        return new BatchRun.Trajectory(g, drive(), initialState(network));
    }

    /** {@code x0} of this config's runs on {@code network} (which must be {@code Network.create(n, seed, p)}). */
    public double[] initialState(Network network) {
        return x0seed == X0_FROM_SEED ? network.initialState() : Network.initialState(n, x0seed);
    }

    /** The input of exercise 2, {@code A cos(omega t)} in one phase or random phases (none for the others: their amplitude is 0). */
    public Drive drive() {
        return new Drive(amplitude, omega, phases);
    }

    /** A fresh run of this config on {@code network} (which must be {@code Network.create(n, seed, p)}). */
    public Simulation newSimulation(Network network) {
        if (isForce()) return new ForceRun(network, g, mode, alpha, target, train, tmax, initialState(network));
        return solver.run(network, g, drive(), tmax, points, initialState(network), RK4_STEP);
    }

    /** This config as a query string, e.g. {@code v=1&exercise=1&n=1000&g=1.5&...}. */
    public String toLink() {
        return LinkCodec.format(this);
    }
}
