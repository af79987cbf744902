package org.rnnlab.ui.run;

import java.util.Locale;
import org.rnnlab.core.LyapunovEstimate;
import org.rnnlab.core.MeanFieldLyapunov;
import org.rnnlab.experiment.ExperimentConfig;

/** How the pages write measured numbers: simulated times, Lyapunov verdicts, the large-N reference. */
public final class Readings {
    private Readings() {}

    /** A simulated time: whole numbers as such, others to one decimal. */
    public static String time(double t) {
        return t == Math.rint(t) ? Long.toString((long) t) : String.format(Locale.ROOT, "%.1f", t);
    }

    /** The verdict of {@code estimate} in words; under input, converging means the chaos is suppressed. */
    public static String verdict(LyapunovEstimate estimate, ExperimentConfig config) {
        return switch (estimate.verdict()) {
            case CHAOTIC -> "chaotic: nearby states separate";
            // "Suppressed" only where there was chaos to suppress: driven, and past the undriven transition.
            case CONVERGING -> config.amplitude() > 0 && config.g() > 1 ? "chaos suppressed: nearby states converge"
                    : "not chaotic: nearby states converge";
            case UNDECIDED -> "too close to zero to call from this run (try a longer tmax)";
        };
    }

    /**
     * " Large-N theory at g = 1.5: 0.047." for an undriven network (past g = 1: Sompolinsky, Crisanti & Sommers 1988;
     * Engelken, Wolf & Abbott 2020; up to 1: g - 1, x = 0's slowest decay in a large network), else "".
     */
    public static String largeNTheory(ExperimentConfig config) {
        double theory = MeanFieldLyapunov.exponent(config.g());
        if (config.amplitude() != 0 || Double.isNaN(theory)) return "";
        return String.format(Locale.ROOT, " Large-N theory at g = %s: %s.", config.values().get("g"),
                String.format(Locale.ROOT, "%.3f", theory).replace('-', '−'));
    }
}
