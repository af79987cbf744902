package org.rnnlab.ui.exercise;

import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.rnnlab.core.LyapunovEstimate;
import org.rnnlab.ui.run.Readings;
import org.rnnlab.ui.run.RunCharts;

/**
 * What a step asks the student to predict before the run, and how the run decides it: the choices, each naming the
 * outcome it predicts, and the run of the step whose measurement judges them. The page compares the student's choice
 * with what their run measured ("you said it decays; your run measured λ = −0.516 ± 0.003: right").
 *
 * @param question what to predict, as the fieldset's legend
 * @param run      which of the step's runs decides (0-based)
 */
public record Prediction(String question, List<Choice> choices, int run) {
    /** A threshold on the test RMSE below which a FORCE network "kept the rhythm" (a tenth of the target's amplitude). */
    public static final double RHYTHM_KEPT_RMSE = 0.1;

    public Prediction {
        choices = List.copyOf(choices);
    }

    /** What a run can show. */
    public enum Outcome {
        /** λ more than two standard errors below 0. */
        CONVERGES,
        /** λ more than two standard errors above 0. */
        CHAOTIC,
        /** FORCE: test RMSE below {@link #RHYTHM_KEPT_RMSE}. */
        KEEPS_RHYTHM,
        LOSES_RHYTHM
    }

    /**
     * One answer the student can give.
     *
     * @param key     how the link writes it ({@code predict=decays})
     * @param label   what the student reads
     * @param outcome what it predicts
     */
    public record Choice(String key, String label, Outcome outcome) {}

    /** The choice of {@code key}, or null. */
    public @Nullable Choice choice(@Nullable String key) {
        return choices.stream().filter(c -> c.key().equals(key)).findFirst().orElse(null);
    }

    /** The keys, for messages: "decays, fluctuates". */
    public String keys() {
        return String.join(", ", choices.stream().map(Choice::key).toList());
    }

    /** The outcome a finished run measured, or null while unknown or when its measurement cannot decide. */
    public static @Nullable Outcome measured(RunCharts chart) {
        if (chart.config().isForce()) {
            double rmse = chart.testRmse();
            if (Double.isNaN(rmse)) return null;
            return rmse < RHYTHM_KEPT_RMSE ? Outcome.KEEPS_RHYTHM : Outcome.LOSES_RHYTHM;
        }
        LyapunovEstimate e = chart.lyapunov();
        if (e == null) return null;
        return switch (e.verdict()) {
            case CHAOTIC -> Outcome.CHAOTIC;
            case CONVERGING -> Outcome.CONVERGES;
            case UNDECIDED -> null;
        };
    }

    /** What the run measured, in the words of the comparison: "λ = +0.026 ± 0.009 per unit time", "test RMSE 0.15". */
    static String measurement(RunCharts chart) {
        if (chart.config().isForce()) return String.format(Locale.ROOT, "a test RMSE of %.2f after learning stopped", chart.testRmse());
        LyapunovEstimate e = chart.lyapunov();
        return e == null ? "no exponent" : "λ = " + Readings.statedSigned(e.exponent(), e.standardError()) + " per unit time";
    }

    /**
     * The comparison of the student's choice with their run: what was predicted, what was measured, and whether they
     * agree; without a choice, only what was measured.
     */
    public String feedback(@Nullable Choice chosen, RunCharts chart) {
        Outcome outcome = measured(chart);
        Choice actual = outcome == null ? null : choices.stream().filter(c -> c.outcome() == outcome).findFirst().orElse(null);
        String measuredText = "Your run measured " + measurement(chart);
        if (actual == null) {
            return measuredText + ": too close to call from this run, so it cannot judge a prediction (a longer run shrinks the error).";
        }
        if (chosen == null) return measuredText + ": " + lower(actual.label()) + ". Predict before the next run.";
        return "You said: " + lower(chosen.label()) + ". " + measuredText + ": " + lower(actual.label()) + ". "
                + (chosen == actual ? "Right." : "Not what you predicted; compare with the answer below.");
    }

    /** "It decays" as it reads inside a sentence: "it decays" (only the first letter: RMSE stays RMSE). */
    private static String lower(String label) {
        return Character.toLowerCase(label.charAt(0)) + label.substring(1);
    }
}
