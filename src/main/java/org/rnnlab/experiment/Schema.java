package org.rnnlab.experiment;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.rnnlab.core.BatchRun;
import org.rnnlab.core.Drive;
import org.rnnlab.core.ForceMode;
import org.rnnlab.core.Integrator;
import org.rnnlab.core.Target;

/**
 * The parameters of each exercise, in the order forms and links show them: the one place where a key, its
 * range and its field of {@link ExperimentConfig} are named together.
 */
public final class Schema {
    /** Largest seed: 2^53, so that any seed survives a trip through JavaScript numbers. */
    public static final long MAX_SEED = 1L << 53;
    /**
     * Range of the twin's separation: below 1e-12 round-off in {@code x' - x} (1e-16 per neuron) is no longer
     * small against it; above 1e-3 the perturbation leaves the linear regime within an interval.
     */
    public static final double MIN_EPS = 1e-12;
    public static final double MAX_EPS = 1e-3;
    /**
     * Smallest connection probability: p must be above 0 (a network without links has no J to scale); at 0.001 a
     * row of n = 1000 still has one link on average.
     */
    public static final double MIN_P = 0.001;

    private Schema() {}

    public static List<ParamSpec> specs(int exercise, Limits limits) {
        List<ParamSpec> specs = new ArrayList<>();
        specs.add(ParamSpec.integer("n", "Neurons n", 1, limits.maxNeurons(), "network size",
                ExperimentConfig::n, (b, v) -> b.n = v.intValue()));
        specs.add(ParamSpec.real("g", "Gain g", 0, 10, "scales the couplings J", ExperimentConfig::g, (b, v) -> b.g = v));
        specs.add(ParamSpec.optionalReal("p", "Connection probability p", MIN_P, 1,
                "each coupling J_ij is present with probability p, with variance 1/(pN) so that g keeps its meaning; empty: 1, dense",
                1, ExperimentConfig::p, (b, v) -> b.p = v));
        specs.add(ParamSpec.integer("seed", "Seed", 0, MAX_SEED, "the same seed gives the same network",
                ExperimentConfig::seed, (b, v) -> b.seed = v));
        specs.add(ParamSpec.optionalInteger("x0seed", "Initial-state seed", 0, MAX_SEED,
                "x0 is drawn from this seed on the same network; empty: the network's seed", ExperimentConfig.X0_FROM_SEED,
                ExperimentConfig::x0seed, (b, v) -> b.x0seed = v));
        specs.add(ParamSpec.real("tmax", "Duration tmax", 1, limits.maxTime(), "simulated time",
                ExperimentConfig::tmax, (b, v) -> b.tmax = v));
        specs.add(ParamSpec.integer("plot", "Neurons plotted", 0, 50, "random neurons shown in the charts",
                ExperimentConfig::plot, (b, v) -> b.plot = v.intValue()));
        if (exercise == 1 || exercise == 2) {
            specs.add(ParamSpec.integer("points", "Output points", 2, limits.maxPoints(), "samples on [0, tmax]",
                    ExperimentConfig::points, (b, v) -> b.points = v.intValue()));
            specs.add(ParamSpec.choice("solver", "Solver", List.of("adams", "dopri", "rk4"),
                    "adaptive Adams of variable order, as in the seed's odeint (more accurate than it), adaptive Dormand-Prince 8(5,3), or RK4 with step 0.02",
                    c -> c.solver().name().toLowerCase(Locale.ROOT),
                    (b, v) -> b.solver = Integrator.Method.valueOf(v.toUpperCase(Locale.ROOT))));
            specs.add(ParamSpec.optionalReal("eps", "Twin separation eps", MIN_EPS, MAX_EPS,
                    "initial distance of the twin that measures the Lyapunov exponent; empty: 1e-8",
                    BatchRun.LYAPUNOV_SEPARATION, ExperimentConfig::eps, (b, v) -> b.eps = v));
        }
        if (exercise == 2) {
            specs.add(ParamSpec.real("a", "Amplitude A", 0, 100, "strength of the input A cos(omega t)",
                    ExperimentConfig::amplitude, (b, v) -> b.amplitude = v));
            specs.add(ParamSpec.real("omega", "Frequency omega", 0, 100, "angular frequency of the input",
                    ExperimentConfig::omega, (b, v) -> b.omega = v));
            specs.add(ParamSpec.optionalChoice("phase", "Input phases", List.of("one", "random"),
                    "one: u_i A cos(omega t), u_i ~ U(-1, 1), as the seed (every neuron in phase or antiphase); random: "
                            + "A cos(omega t + theta_i), theta_i ~ U[0, 2 pi), as Rajan, Abbott & Sompolinsky (2010)",
                    c -> c.phases().key(), (b, v) -> b.phases = Drive.Phases.valueOf(v.toUpperCase(Locale.ROOT))));
        }
        if (exercise == 3) {
            specs.add(ParamSpec.choice("mode", "Mode", List.of("notebook", "continuous"),
                    "notebook: dt = 1, RLS every step; continuous: dt = 0.1, RLS every 2 steps",
                    c -> c.mode().key(), (b, v) -> b.mode = ForceMode.valueOf(v.toUpperCase(Locale.ROOT))));
            specs.add(ParamSpec.real("alpha", "RLS alpha", 1e-6, 1e6, "P(0) = I / alpha: matters once alpha is not small against |r|²",
                    ExperimentConfig::alpha, (b, v) -> b.alpha = v));
            specs.add(ParamSpec.real("train", "End of learning", 0, limits.maxTime(), "learning stops after this time",
                    ExperimentConfig::train, (b, v) -> b.train = v));
            specs.add(ParamSpec.choice("target", "Target f(t)", List.of("cosine", "four-sines", "triangle", "square"),
                    "what the readout learns to produce", c -> c.target().key(), (b, v) -> b.target = Target.ofKey(v)));
        }
        return List.copyOf(specs);
    }
}
