package org.rnnlab.ui.run;

import java.util.Locale;
import org.rnnlab.core.LyapunovEstimate;
import org.rnnlab.core.MeanFieldLyapunov;
import org.rnnlab.experiment.ExperimentConfig;

/** How the pages write measured numbers: simulated times, Lyapunov verdicts, the large-N reference. */
public final class Readings {
    private Readings() {}

    /**
     * An estimate with its standard error, to the precision the error supports: the error to one significant digit
     * (two if that digit is 1), the estimate to the same decimal place, a true minus sign. 0.2156 and 0.0066 give
     * "0.216 ± 0.007"; −0.26131 and 0.00157 give "−0.2613 ± 0.0016". Every page states estimates so, and the tests
     * compare the guides' texts with it.
     */
    public static String stated(double estimate, double standardError) {
        int digits = 3;
        if (standardError > 0 && Double.isFinite(standardError)) {
            int exponent = (int) Math.floor(Math.log10(standardError));
            digits = Math.max(0, standardError / Math.pow(10, exponent) < 1.95 ? 1 - exponent : -exponent);
        }
        String format = "%." + digits + "f";
        return String.format(Locale.ROOT, format, estimate).replace('-', '−') + " ± " + String.format(Locale.ROOT, format, standardError);
    }

    /** {@link #stated} with a + before a positive estimate, as an exponent's sign matters: "+0.018 ± 0.008". */
    public static String statedSigned(double estimate, double standardError) {
        return (estimate > 0 ? "+" : "") + stated(estimate, standardError);
    }

    /** A simulated time: whole numbers as such, others to one decimal. */
    public static String time(double t) {
        return t == Math.rint(t) ? Long.toString((long) t) : String.format(Locale.ROOT, "%.1f", t);
    }

    /** The verdict in two or three words, for tables: "chaotic", "chaos suppressed", "not chaotic", "too close to call". */
    public static String shortVerdict(LyapunovEstimate estimate, ExperimentConfig config) {
        return switch (estimate.verdict()) {
            case CHAOTIC -> "chaotic";
            case CONVERGING -> suppressed(config) ? "chaos suppressed" : "not chaotic";
            case UNDECIDED -> "too close to call";
        };
    }

    /** "Suppressed" only where there was chaos to suppress: driven, and past the undriven transition. */
    private static boolean suppressed(ExperimentConfig config) {
        return config.amplitude() > 0 && config.g() > 1;
    }

    /** The verdict of {@code estimate} in words; under input, converging means the chaos is suppressed. */
    public static String verdict(LyapunovEstimate estimate, ExperimentConfig config) {
        return switch (estimate.verdict()) {
            case CHAOTIC -> shortVerdict(estimate, config) + ": nearby states separate";
            case CONVERGING -> shortVerdict(estimate, config) + ": nearby states converge";
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
